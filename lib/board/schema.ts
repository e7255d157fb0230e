import * as Y from 'yjs';
import type { Seat } from '../protocol/http';

/**
 * The shape of a couple's board doc. Every entry is a Y.Map in `entries`
 * (keyed by a random id) holding its metadata and one Y.Text, so two people
 * typing into different entries never touch the same sequence. Links from a
 * need to a partner's "bring" live in `links` (need id → bring id).
 */
export const ENTRIES_KEY = 'entries';
export const LINKS_KEY = 'links';
export const MARKERS_KEY = 'markers';

/** A column id of a columns exercise (e.g. 'bring', 'need') or a question id of a prompts exercise. */
export type Column = string;
export interface EntryMeta {
  id: string;
  /** The agenda item key the entry belongs to. */
  exercise: string;
  /** A column id of a columns exercise, or a question id of a prompts exercise. */
  column: Column;
  author: Seat;
  createdAt: number;
}

export interface EntryView extends EntryMeta {
  text: Y.Text;
}

const entriesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(ENTRIES_KEY);
const linksOf = (doc: Y.Doc) => doc.getMap<string>(LINKS_KEY);

export function addEntry(doc: Y.Doc, meta: EntryMeta, initialText = ''): Y.Text {
  const entry = new Y.Map<unknown>();
  const text = new Y.Text(initialText);
  doc.transact(() => {
    entry.set('exercise', meta.exercise);
    entry.set('column', meta.column);
    entry.set('author', meta.author);
    entry.set('createdAt', meta.createdAt);
    entry.set('text', text);
    entriesOf(doc).set(meta.id, entry);
  });
  return text;
}

/** Deletes an entry and any link that starts or ends at it. */
export function deleteEntry(doc: Y.Doc, id: string): void {
  const links = linksOf(doc);
  doc.transact(() => {
    entriesOf(doc).delete(id);
    links.delete(id);
    for (const [needId, bringId] of links) if (bringId === id) links.delete(needId);
  });
}

/** Reads an entry defensively: a doc written by a buggy or hostile client may hold anything. */
function readEntry(id: string, value: unknown): EntryView | null {
  if (!(value instanceof Y.Map)) return null;
  const text = value.get('text');
  const column = value.get('column');
  const author = value.get('author');
  const exercise = value.get('exercise');
  const createdAt = value.get('createdAt');
  if (!(text instanceof Y.Text)) return null;
  if (typeof column !== 'string') return null;
  if (author !== 'a' && author !== 'b') return null;
  if (typeof exercise !== 'string') return null;
  return { id, exercise, column, author, createdAt: typeof createdAt === 'number' ? createdAt : 0, text };
}

/** Every well-formed entry of the doc, in no particular order (a repair copies them). */
export function listAllEntries(doc: Y.Doc): EntryView[] {
  const out: EntryView[] = [];
  for (const [id, value] of entriesOf(doc)) {
    const entry = readEntry(id, value);
    if (entry) out.push(entry);
  }
  return out;
}

/** Entries of one exercise, oldest first (ties broken by id so every replica agrees). */
export function listEntries(doc: Y.Doc, exercise: string): EntryView[] {
  const out: EntryView[] = [];
  for (const [id, value] of entriesOf(doc)) {
    const entry = readEntry(id, value);
    if (entry && entry.exercise === exercise) out.push(entry);
  }
  return out.sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}

/** Entries with some written text, across all exercises: the figure the facilitator sees. */
export function countWrittenEntries(doc: Y.Doc): number {
  let count = 0;
  for (const [id, value] of entriesOf(doc)) {
    const entry = readEntry(id, value);
    if (entry && entry.text.toString().trim().length > 0) count++;
  }
  return count;
}

/** Written entries and placed markers per agenda item key: the figures the console sees. */
export function countByExercise(doc: Y.Doc): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [id, value] of entriesOf(doc)) {
    const entry = readEntry(id, value);
    if (entry && entry.text.toString().trim().length > 0) counts[entry.exercise] = (counts[entry.exercise] ?? 0) + 1;
  }
  for (const marker of readMarkers(doc)) counts[marker.exercise] = (counts[marker.exercise] ?? 0) + 1;
  return counts;
}

/** The one answer of `seat` to a question: a fixed id, so two devices of one person never make two. */
export const answerEntryId = (exercise: string, question: string, seat: Seat): string => `${exercise}~${question}~${seat}`;

/** Returns the Y.Text of an answer, creating the entry on first use. */
export function answerText(doc: Y.Doc, exercise: string, question: string, seat: Seat, now: number): Y.Text {
  const id = answerEntryId(exercise, question, seat);
  const existing = readEntry(id, entriesOf(doc).get(id));
  if (existing) return existing.text;
  return addEntry(doc, { id, exercise, column: question, author: seat, createdAt: now });
}

export interface Marker {
  exercise: string;
  area: string;
  seat: Seat;
  /** Position on the line, 0 (first stop) to 1 (last stop). */
  position: number;
}

const markerKey = (exercise: string, area: string, seat: Seat) => `${exercise}~${area}~${seat}`;

/** Places (or with null, removes) a partner's marker on one area's line. */
export function setMarker(doc: Y.Doc, exercise: string, area: string, seat: Seat, position: number | null): void {
  const markers = doc.getMap<number>(MARKERS_KEY);
  if (position === null) markers.delete(markerKey(exercise, area, seat));
  else markers.set(markerKey(exercise, area, seat), Math.min(1, Math.max(0, position)));
}

export function readMarkers(doc: Y.Doc): Marker[] {
  const out: Marker[] = [];
  for (const [key, position] of doc.getMap<number>(MARKERS_KEY)) {
    const [exercise, area, seat] = key.split('~');
    if (typeof position !== 'number' || !Number.isFinite(position) || (seat !== 'a' && seat !== 'b') || !area) continue;
    out.push({ exercise, area, seat, position: Math.min(1, Math.max(0, position)) });
  }
  return out;
}

/** The text of one entry, or null: used to copy an entry to the room wall. */
export function entryText(doc: Y.Doc, id: string): { exercise: string; author: Seat; text: string } | null {
  const entry = readEntry(id, entriesOf(doc).get(id));
  return entry ? { exercise: entry.exercise, author: entry.author, text: entry.text.toString() } : null;
}

/** Links one of my needs to one of my partner's "brings"; null removes the link. */
export function setLink(doc: Y.Doc, needId: string, bringId: string | null): void {
  if (bringId === null) linksOf(doc).delete(needId);
  else linksOf(doc).set(needId, bringId);
}

/** need id → bring id, only where both entries still exist. */
export function readLinks(doc: Y.Doc): Map<string, string> {
  const entries = entriesOf(doc);
  const out = new Map<string, string>();
  for (const [needId, bringId] of linksOf(doc)) {
    if (typeof bringId === 'string' && entries.has(needId) && entries.has(bringId)) out.set(needId, bringId);
  }
  return out;
}

/** Subscribes to any change of entries, their text, or links. Returns the unsubscribe function. */
export function observeBoard(doc: Y.Doc, onChange: () => void): () => void {
  const entries = entriesOf(doc);
  const links = linksOf(doc);
  const markers = doc.getMap(MARKERS_KEY);
  entries.observeDeep(onChange);
  links.observe(onChange);
  markers.observe(onChange);
  return () => {
    entries.unobserveDeep(onChange);
    links.unobserve(onChange);
    markers.unobserve(onChange);
  };
}
