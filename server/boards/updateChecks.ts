import * as Y from 'yjs';
import type { SchemaReason } from '../../lib/board/schemaRefusal';
import { CLOSE_CODES, type CloseCode } from '../../lib/protocol';
import { ENTRIES_KEY } from '../../lib/board/schema';
import { MAX_ENTRIES_PER_BOARD, MAX_ENTRY_CHARS } from '../../lib/limits';

/** Checks a board makes on a client's update, kept apart from the board's message flow. */

/**
 * Whether an edit left the board past a limit, checked without a transaction: the same texts
 * enforceBoardLimits looks at (texts edited in place, texts of entries added or replaced).
 * Almost every edit is within limits, and an empty Yjs transaction per edit is not free.
 */
export function overLimits(doc: Y.Doc, changed: Map<Y.AbstractType<unknown>, Set<string | null>>): boolean {
  const entries = doc.getMap(ENTRIES_KEY);
  if (entries.size > MAX_ENTRIES_PER_BOARD) return true;
  for (const [type, keys] of changed) {
    if (type instanceof Y.Text && type.length > MAX_ENTRY_CHARS) return true;
    if (type === entries) {
      for (const key of keys) {
        const text = key === null ? null : (entries.get(key) as Y.Map<unknown> | undefined)?.get?.('text');
        if (text instanceof Y.Text && text.length > MAX_ENTRY_CHARS) return true;
      }
    }
  }
  return false;
}

/**
 * True if applying `update` would change `doc` (or it cannot be read). New
 * structs are found by diffing against the doc's state vector; deletions are
 * new only where the doc does not already have them deleted (a mirror's sync
 * always carries the whole delete set).
 */
export function addsSomething(doc: Y.Doc, update: Uint8Array): boolean {
  try {
    const decoded = Y.decodeUpdate(Y.diffUpdate(update, Y.encodeStateVector(doc)));
    if (decoded.structs.length > 0) return true;
    if (decoded.ds.clients.size === 0) return false;
    const known = Y.createDeleteSetFromStructStore(doc.store);
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) if (!covered(known.clients.get(client) ?? [], range.clock, range.clock + range.len)) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** Whether [from, to) lies inside the union of sorted, merged delete ranges. */
function covered(ranges: { clock: number; len: number }[], from: number, to: number): boolean {
  let at = from;
  for (const r of ranges) {
    if (r.clock > at) break;
    if (r.clock + r.len > at) at = r.clock + r.len;
    if (at >= to) return true;
  }
  return at >= to;
}

/** Structs in a doc: what its heap grows with (a keystroke at a new place is one), bounded by `maxBoardStructs`. */
export function structCount(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}

/** Whether `update` reads as a Yjs update (v1), so it is safe to store and to send to other phones. */
export function decodes(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** The close code a refused update gets: unreadable 4400, out of step 4309 (a resync fixes it), anything else 4422. */
export function closeCodeFor(reason: SchemaReason): CloseCode {
  if (reason === 'unreadable') return CLOSE_CODES.badRequest;
  return reason === 'missing' ? CLOSE_CODES.outOfStep : CLOSE_CODES.schemaViolation;
}
