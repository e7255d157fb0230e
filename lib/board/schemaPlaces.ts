import * as Y from 'yjs';
import { ENTRIES_KEY, LINKS_KEY, MARKERS_KEY } from './schema';

/** The pieces lib/board/updateInspector.ts reads an update with: where a struct sits, what it holds. */

export const MAX_KEY_CHARS = 128;

export const BOARD_ROOTS: ReadonlySet<string> = new Set([ENTRIES_KEY, LINKS_KEY, MARKERS_KEY]);
export const ENTRY_FIELDS: ReadonlySet<string> = new Set(['exercise', 'column', 'author', 'createdAt', 'text']);

/** Where a struct sits in the schema, and whose it is. */
export type Node =
  | { kind: 'entry'; entryId: string }
  | { kind: 'field'; container: Container; key: string }
  | { kind: 'text'; container: Container }
  | { kind: 'link'; needId: string }
  | { kind: 'marker'; key: string }
  /** Next to a struct Yjs has collected: Yjs drops it on arrival, so nothing to check. */
  | { kind: 'gone' };

/** An entry's map: as stored in the doc, or created by this update. */
export type Container = { doc: Y.Item } | { fresh: string };

export type Place = { root: string; sub: string | null } | { parent: Y.Item | Y.ID; sub: string | null };

export const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

export const GONE: Place = { root: '', sub: null };

/** Where a struct already in the doc sits: Yjs resolved its parent when it was integrated. */
export function docPlace(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown>;
  if (parent._item === null) return { root: Y.findRootTypeKey(parent), sub: item.parentSub };
  return { parent: parent._item, sub: item.parentSub };
}

export function authorOfMap(item: Y.Item): unknown {
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type.get('author') : null;
}

/** The one value of a map entry's content, or NOT_ONE_VALUE. */
export function onlyValue(content: Y.Item['content']): unknown {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return NOT_ONE_VALUE;
  return content.arr[0];
}

export const NOT_ONE_VALUE = Symbol('not one value');

export const isKey = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_CHARS;

/** Index of the first struct that ends after `clock` (structs are sorted by clock and do not overlap). */
export function firstAtOrAfter(structs: (Y.Item | Y.GC)[], clock: number): number {
  let lo = 0;
  let hi = structs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (s.id.clock + s.length <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The clock up to which a client's structs will be in the doc once `structs` (an update's) are
 * integrated: the doc's state, extended by the update's structs that follow on without a gap.
 */
export function integrableEnd(docState: number, structs: (Y.Item | Y.GC | Y.Skip)[], client: number): number {
  let end = docState;
  const own = structs.filter((s) => s.id.client === client && !(s instanceof Y.Skip)).sort((x, y) => x.id.clock - y.id.clock);
  for (const s of own) if (s.id.clock <= end) end = Math.max(end, s.id.clock + s.length);
  return end;
}

/** Ids with a `~` are answer ids, `<exercise>~<question>~<seat>` (random entry ids have none). */
export const isAnswerIdOfOther = (entryId: string, seat: 'a' | 'b'): boolean => entryId.includes('~') && !entryId.endsWith(`~${seat}`);

/** A marker's key is `<exercise>~<area>~<seat>`. */
export function markerExercise(key: string): string {
  const at = key.indexOf('~');
  return at < 0 ? key : key.slice(0, at);
}
