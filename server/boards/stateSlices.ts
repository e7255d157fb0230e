import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * A board's whole state cut into updates of at most `maxStructs` structs each, which applied
 * one after the other (a turn of the event loop between them) build the same doc as the state
 * applied at once. Each slice is causally closed: every struct's origins and parent are in it
 * or in an earlier slice, so no slice waits in Yjs's pending structs for a later one (which
 * would heap the whole integration onto the last). The deletions come last, in a slice of their own.
 */
export function sliceState(state: Uint8Array, maxStructs: number): Uint8Array[] {
  const { structs, ds } = Y.decodeUpdate(state);
  const queues = new Map<number, { structs: Y.AbstractStruct[]; next: number }>();
  for (const s of structs) {
    const q = queues.get(s.id.client) ?? { structs: [], next: 0 };
    q.structs.push(s);
    queues.set(s.id.client, q);
  }
  /** Per client: the clock up to which its structs are in a slice already. */
  const emitted = new Map<number, number>();
  for (const [client, q] of queues) emitted.set(client, q.structs[0].id.clock);
  const has = (id: Y.ID | null) => id === null || !emitted.has(id.client) || id.clock < emitted.get(id.client)!;
  const ready = (s: Y.AbstractStruct) => !(s instanceof Y.Item) || (has(s.origin) && has(s.rightOrigin) && (!(s.parent instanceof Y.ID) || has(s.parent)));

  const slices: Uint8Array[] = [];
  let current = new Map<number, Y.AbstractStruct[]>();
  let inCurrent = 0;
  const take = (s: Y.AbstractStruct) => {
    const run = current.get(s.id.client) ?? [];
    run.push(s);
    current.set(s.id.client, run);
    emitted.set(s.id.client, s.id.clock + s.length);
    if (++inCurrent >= maxStructs) flush();
  };
  const flush = () => {
    if (inCurrent > 0) slices.push(encodeRuns(current));
    current = new Map();
    inCurrent = 0;
  };
  let left = structs.length;
  for (let progress = true; left > 0 && progress; ) {
    progress = false;
    for (const q of queues.values()) {
      while (q.next < q.structs.length && ready(q.structs[q.next])) {
        take(q.structs[q.next++]);
        left--;
        progress = true;
      }
    }
  }
  // Structs whose origins are nowhere in the state (it could not happen in a doc's own encoding): as Yjs would take them.
  for (const q of queues.values()) while (q.next < q.structs.length) take(q.structs[q.next++]);
  flush();
  if (ds.clients.size > 0) slices.push(encodeDeletions(ds));
  return slices;
}

/** An update (v1) of runs of consecutive structs, one run per client, and no deletions. */
function encodeRuns(runs: Map<number, Y.AbstractStruct[]>): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, runs.size);
  for (const [client, run] of runs) {
    encoding.writeVarUint(encoder.restEncoder, run.length);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, run[0].id.clock);
    for (const s of run) (s as Y.Item | Y.GC | Y.Skip).write(encoder, 0);
  }
  encoding.writeVarUint(encoder.restEncoder, 0);
  return encoder.toUint8Array();
}

/** An update (v1) of no structs and the delete set `ds`. */
function encodeDeletions(ds: ReturnType<typeof Y.decodeUpdate>['ds']): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, ds.clients.size);
  for (const [client, ranges] of ds.clients) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const r of ranges) {
      encoding.writeVarUint(e, r.clock);
      encoding.writeVarUint(e, r.len);
    }
  }
  return encoding.toUint8Array(e);
}
