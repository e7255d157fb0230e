import type * as Y from 'yjs';
import { listEntries, readLinks, type Column, type EntryView } from '../../../lib/board/schema';
import { BRING_NEED_EXERCISE } from '../../../lib/exercises';
import type { Seat } from '../../../lib/protocol';

/** The board as this phone shows it: whose entries are whose, and what links to what. */
export interface BoardView {
  mine: Record<Column, EntryView[]>;
  partners: Record<Column, EntryView[]>;
  /** need id → bring id */
  links: Map<string, string>;
  byId: Map<string, EntryView>;
  /** How many needs each bring meets. */
  metCount: Map<string, number>;
}

export function viewBoard(doc: Y.Doc, mySeat: Seat): BoardView {
  const view: BoardView = {
    mine: { bring: [], need: [] },
    partners: { bring: [], need: [] },
    links: readLinks(doc),
    byId: new Map(),
    metCount: new Map(),
  };
  for (const entry of listEntries(doc, BRING_NEED_EXERCISE.id)) {
    (entry.author === mySeat ? view.mine : view.partners)[entry.column].push(entry);
    view.byId.set(entry.id, entry);
  }
  for (const bringId of view.links.values()) view.metCount.set(bringId, (view.metCount.get(bringId) ?? 0) + 1);
  return view;
}

/** Entry text for a one-line mention (a select option, "met by: …"). */
export function excerpt(text: string, max = 48): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${flat.slice(0, max - 1).trimEnd()}…`;
}
