import type * as Y from 'yjs';
import { listEntries, readLinks, readMarkers } from '../board/schema';
import type { Seat } from '../protocol/http';
import type { AgendaItem } from '../catalogue/agenda';
import type { ReviewData, ReviewEntry, ReviewExercise, ReviewPerson } from './reviewData';

/** The docs of one couple: the shared board and, per private-first item, each partner's own doc. */
interface CoupleDocs {
  board: Y.Doc;
  privateDoc(itemKey: string, seat: Seat): Y.Doc | null;
}

interface ReviewInput {
  workshop: ReviewData['workshop'];
  agenda: AgendaItem[];
  people: ReviewPerson[];
  viewer: Seat;
  /** Whether each agenda item (by index) was revealed to this couple. */
  revealed: (step: number) => boolean;
  docs: CoupleDocs;
}

/**
 * Lays out every exercise of the agenda, in order. A private-first exercise
 * that was never revealed shows only the viewer's own words: the review link
 * must not undo the privacy the room promised.
 */
export function buildReview(input: ReviewInput): ReviewData {
  const exercises = input.agenda.map((item, step) => exerciseReview(input, item, step));
  return { workshop: input.workshop, people: input.people, viewer: input.viewer, exercises };
}

function docsFor(input: ReviewInput, item: AgendaItem, revealed: boolean): Y.Doc[] {
  if (!item.privateFirst) return [input.docs.board];
  const seats: Seat[] = revealed ? ['a', 'b'] : [input.viewer];
  return seats.map((seat) => input.docs.privateDoc(item.key, seat)).filter((d): d is Y.Doc => d !== null);
}

function exerciseReview(input: ReviewInput, item: AgendaItem, step: number): ReviewExercise {
  const revealed = !item.privateFirst || input.revealed(step);
  const visible = (seat: Seat) => revealed || seat === input.viewer;
  const written: (ReviewEntry & { column: string })[] = [];
  const texts = new Map<string, string>();
  const links = new Map<string, string>();
  const docs = docsFor(input, item, revealed);
  for (const doc of docs) {
    for (const e of listEntries(doc, item.key)) {
      const text = e.text.toString().trim();
      texts.set(e.id, text);
      if (text && visible(e.author)) written.push({ id: e.id, author: e.author, text, column: e.column });
    }
    for (const [need, bring] of readLinks(doc)) links.set(need, bring);
  }
  const inColumn = (column: string): ReviewEntry[] =>
    written
      .filter((e) => e.column === column)
      .map(({ id, author, text }) => {
        const metBy = texts.get(links.get(id) ?? '');
        return metBy ? { id, author, text, metBy } : { id, author, text };
      });
  const base = { key: item.key, title: item.title, prompt: item.prompt, privateFirst: item.privateFirst, revealed };
  switch (item.kind) {
    case 'columns':
      return { ...base, kind: 'columns', columns: item.columns.map((c) => ({ id: c.id, label: c.label, entries: inColumn(c.id) })) };
    case 'prompts':
      return { ...base, kind: 'prompts', questions: item.questions.map((q) => ({ id: q.id, label: q.label, answers: inColumn(q.id) })) };
    case 'spectrum': {
      const markers = docs.flatMap(readMarkers).filter((m) => m.exercise === item.key && visible(m.seat));
      const areas = item.areas.map((a) => ({
        id: a.id,
        label: a.label,
        markers: markers.filter((m) => m.area === a.id).map((m) => ({ seat: m.seat, position: m.position })),
      }));
      return { ...base, kind: 'spectrum', stops: item.stops, areas };
    }
  }
}
