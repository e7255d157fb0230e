import type * as Y from 'yjs';
import { listEntries, readLinks, readMarkers, type EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import type { ColumnsItem } from './phoneItem';

/** A columns exercise as this phone shows it: whose entries are whose, per column, and what links to what. */
export interface ColumnsView {
  mine: Record<string, EntryView[]>;
  partners: Record<string, EntryView[]>;
  /** linking entry id → linked entry id (need → bring) */
  links: Map<string, string>;
  byId: Map<string, EntryView>;
  /** How many entries link to each entry (how many needs a bring meets). */
  metCount: Map<string, number>;
}

const byColumn = (item: ColumnsItem): Record<string, EntryView[]> => Object.fromEntries(item.columns.map((c) => [c.id, []]));

/**
 * `mineDoc` and `theirsDoc` are the same shared board for an ordinary
 * exercise, and two private docs for a private-first one (theirs is null
 * until the reveal). Entries of columns no longer in the item are left out.
 */
export function viewColumns(item: ColumnsItem, mineDoc: Y.Doc | null, theirsDoc: Y.Doc | null, mySeat: Seat): ColumnsView {
  const view: ColumnsView = { mine: byColumn(item), partners: byColumn(item), links: new Map(), byId: new Map(), metCount: new Map() };
  for (const entry of mineDoc ? listEntries(mineDoc, item.key) : []) {
    if (entry.author === mySeat) view.mine[entry.column]?.push(entry);
  }
  for (const entry of theirsDoc ? listEntries(theirsDoc, item.key) : []) {
    if (entry.author !== mySeat) view.partners[entry.column]?.push(entry);
  }
  for (const list of [...Object.values(view.mine), ...Object.values(view.partners)]) for (const e of list) view.byId.set(e.id, e);
  // Links live in one doc with both ends, so only the shared board has them (see ColumnsExercise).
  if (mineDoc && mineDoc === theirsDoc) view.links = readLinks(mineDoc);
  for (const targetId of view.links.values()) view.metCount.set(targetId, (view.metCount.get(targetId) ?? 0) + 1);
  return view;
}

/** A spectrum marker as a stop index (0 … stops − 1), or null when not placed. Markers between stops snap to the nearest. */
export function markerStop(doc: Y.Doc | null, itemKey: string, area: string, seat: Seat, stopCount: number): number | null {
  if (!doc) return null;
  const marker = readMarkers(doc).find((m) => m.exercise === itemKey && m.area === area && m.seat === seat);
  return marker ? Math.round(marker.position * (stopCount - 1)) : null;
}

/** Entry text for a one-line mention (a select option, "met by: …"). */
export function excerpt(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).trimEnd()}…`;
}
