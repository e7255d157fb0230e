import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

/** Per Yjs client, sorted disjoint half-open clock ranges [from, to). */
type Ranges = Map<number, [number, number][]>;

const MESSAGE_SYNC = 0;
const SYNC_STEP_1 = 0;

/**
 * Whether every change made on this phone has come back from the server: "Saved" means exactly
 * that, never a timer. The server echoes each update to its sender once it is durable (docs/SPEC.md
 * [R12]); on connecting it sends its state vector (what it holds, read from the store) and then
 * what this phone lacks. A change counts as unsaved from the moment it is made (or restored from
 * this phone's own copy) until the server has sent back structs up to its clock and, for a
 * deletion, the same deletion. Nothing is inferred from having sent it.
 */
export class SaveTracker {
  /** Per client, the clock up to which the server has shown it holds the structs (this connection). */
  private serverClock = new Map<number, number>();
  /** Per client, the clock up to which this phone has structs the server has not shown back yet. */
  private unsavedClock = new Map<number, number>();
  /** Deletions made here that the server has not sent back yet. */
  private unsavedDeletes: Ranges = new Map();

  get saved(): boolean {
    return this.unsavedClock.size === 0 && this.unsavedDeletes.size === 0;
  }

  /** A change from this phone: typed, or restored from its own copy (IndexedDB). */
  local(update: Uint8Array): void {
    const { to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) {
      if (clock > (this.serverClock.get(client) ?? 0) && clock > (this.unsavedClock.get(client) ?? 0)) this.unsavedClock.set(client, clock);
    }
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
      for (const item of items) addRange(this.unsavedDeletes, client, item.clock, item.clock + item.len);
    }
  }

  /** A new connection: what an earlier one showed proves nothing about what this server holds now. */
  connected(): void {
    this.serverClock = new Map();
  }

  /** One frame from the server, as it arrived. Anything but board content is ignored. */
  fromServer(frame: Uint8Array): void {
    try {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP_1) this.serverHolds(Y.decodeStateVector(payload));
      else this.serverSent(payload);
    } catch {
      // Not ours to judge (the provider closes on frames it cannot read); it confirms nothing.
    }
  }

  private serverHolds(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) this.raise(client, 0, clock);
    this.settle();
  }

  private serverSent(update: Uint8Array): void {
    const { from, to } = Y.parseUpdateMeta(update);
    for (const [client, clock] of to) this.raise(client, from.get(client) ?? 0, clock);
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
      for (const item of items) removeRange(this.unsavedDeletes, client, item.clock, item.clock + item.len);
    }
    this.settle();
  }

  /** Structs [from, to) of `client` reached us from the server: they extend what it holds only if they join on. */
  private raise(client: number, from: number, to: number): void {
    const held = this.serverClock.get(client) ?? 0;
    if (from <= held && to > held) this.serverClock.set(client, to);
  }

  private settle(): void {
    for (const [client, clock] of this.unsavedClock) if ((this.serverClock.get(client) ?? 0) >= clock) this.unsavedClock.delete(client);
  }
}

function addRange(ranges: Ranges, client: number, from: number, to: number): void {
  const merged: [number, number][] = [];
  let [f, t] = [from, to];
  for (const [a, b] of ranges.get(client) ?? []) {
    if (b < f || a > t) merged.push([a, b]);
    else [f, t] = [Math.min(a, f), Math.max(b, t)];
  }
  merged.push([f, t]);
  merged.sort((x, y) => x[0] - y[0]);
  ranges.set(client, merged);
}

function removeRange(ranges: Ranges, client: number, from: number, to: number): void {
  const current = ranges.get(client);
  if (!current) return;
  const left: [number, number][] = [];
  for (const [a, b] of current) {
    if (b <= from || a >= to) left.push([a, b]);
    else {
      if (a < from) left.push([a, from]);
      if (b > to) left.push([to, b]);
    }
  }
  if (left.length === 0) ranges.delete(client);
  else ranges.set(client, left);
}
