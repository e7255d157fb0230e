import * as Y from 'yjs';
import { addEntry, listAllEntries, readLinks, readMarkers, setLink, setMarker } from '../../lib/board/schema';
import { inspectUpdate } from '../../lib/board/updateInspector';
import type { StoredDoc } from '../store/storeTypes';

/**
 * Loads a board's stored state through the same schema check as a client's
 * update, so a board written before the check existed (by an older release,
 * or by a hostile client of one) still opens, cheaply and without what broke
 * it. Stored updates that break the schema are left out; a stored snapshot
 * that breaks it is rebuilt from the entries, links and markers it holds, as
 * plain data. Either way the result is a repair, which the caller stores as
 * the board's new state (`repaired: true`), so the cost is paid once.
 */
export interface CheckedLoad {
  /** Stored updates and snapshots that made it into the doc, and those left out. */
  kept: number;
  dropped: number;
  /** True when something was left out or rebuilt: the doc should replace what is stored. */
  repaired: boolean;
}

export function loadChecked(doc: Y.Doc, stored: StoredDoc): CheckedLoad {
  let kept = 0;
  let dropped = 0;
  let rebuilt = false;
  Y.transact(doc, () => {
    if (stored.snapshot) {
      if (inspectUpdate(doc, stored.snapshot, { seat: null, exercises: null }).ok) {
        Y.applyUpdate(doc, stored.snapshot);
        kept++;
      } else {
        rebuildFrom(stored.snapshot, doc);
        rebuilt = true;
      }
    }
    for (const update of stored.updates) {
      if (!inspectUpdate(doc, update, { seat: null, exercises: null }).ok) {
        dropped++;
        continue;
      }
      try {
        Y.applyUpdate(doc, update);
        kept++;
      } catch {
        // It decoded and fits the schema but did not integrate when it arrived either: what Yjs takes is what everyone has.
        kept++;
      }
    }
  });
  return { kept, dropped, repaired: rebuilt || dropped > 0 };
}

/**
 * The entries, links and markers of a snapshot that breaks the schema, copied as data into
 * `target`. The snapshot is read in a scratch doc without garbage collection (collecting
 * deeply nested junk is what overflows the stack); what cannot be read is left behind.
 */
function rebuildFrom(snapshot: Uint8Array, target: Y.Doc): void {
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, snapshot);
  } catch {
    // Keep what integrated before the failure.
  }
  for (const entry of listAllEntries(scratch)) {
    addEntry(target, { id: entry.id, exercise: entry.exercise, column: entry.column, author: entry.author, createdAt: entry.createdAt }, entry.text.toString());
  }
  for (const [needId, bringId] of readLinks(scratch)) setLink(target, needId, bringId);
  for (const m of readMarkers(scratch)) setMarker(target, m.exercise, m.area, m.seat, m.position);
  scratch.destroy();
}
