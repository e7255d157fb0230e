import * as Y from 'yjs';
import { enforceBoardLimits } from '../../lib/board/boardLimits';
import type { StoredDoc } from '../store/storeTypes';
import { loadChecked } from './storedRepair';
import { overLimits } from './updateChecks';
import type { BuiltState } from './stateWork';
import { SIZES } from '../tunables';

/**
 * Everything that changes a board's server-side Y.Doc: the stored state at
 * load, a client's update (then the entry limits), another node's update. It
 * listens to the doc once, and collects what Yjs reports (the types an update
 * changed, the updates an edit produced) only while one of these runs.
 */
export class DocEdits {
  /** Set while an edit runs whose resulting updates are wanted (Yjs emits them synchronously). */
  private produced: Uint8Array[] | null = null;
  /** Set while a client update is applied: the types it changed (Yjs reports them after each transaction). */
  private changed: Map<Y.AbstractType<unknown>, Set<string | null>> | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', (update: Uint8Array) => this.produced?.push(update));
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.changed) tr.changed.forEach((keys, type) => this.changed!.set(type as Y.AbstractType<unknown>, keys));
    });
  }

  /**
   * The stored snapshot and log, read through the board's schema check (storedRepair.ts).
   * Returns their size in bytes, and whether the doc is a repair that should replace them.
   * A large board (SIZES.largeBoardBytes) is read by `work` (the state worker) and returned as
   * its encoded state, `large`, which the doc does not yet hold (deferredBuild.ts).
   */
  async loadStored(stored: StoredDoc, work: (task: { kind: 'build'; stored: StoredDoc }) => Promise<BuiltState>): Promise<{ bytes: number; repaired: boolean; large: BuiltState | null }> {
    const bytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.length, 0);
    if (bytes >= SIZES.largeBoardBytes) {
      const large = await work({ kind: 'build', stored });
      return { bytes, repaired: large.repaired, large };
    }
    const { repaired } = loadChecked(this.doc, stored);
    return { bytes, repaired, large: null };
  }

  /**
   * A client's update, already stored and relayed. Returns the correction (entries trimmed to
   * their limits) to store and relay in turn, if one was needed, and whether the update failed
   * to integrate (what Yjs took of it stays: the partner's Yjs takes the same).
   */
  applyClientUpdate(update: Uint8Array, origin: unknown): { correction: Uint8Array | null; malformed: boolean } {
    const changed = (this.changed = new Map());
    let malformed = false;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch {
      malformed = true;
    } finally {
      this.changed = null;
    }
    if (changed.size === 0 || !overLimits(this.doc, changed)) return { correction: null, malformed };
    return { correction: this.collect(() => enforceBoardLimits(this.doc, changed)), malformed };
  }

  /** Another node's update (or the stored state after a gap): what it added here, or null if nothing was new. */
  applyPeerUpdate(update: Uint8Array, origin: unknown): Uint8Array | null {
    return this.collect(() => Y.applyUpdate(this.doc, update, origin));
  }

  private collect(edit: () => void): Uint8Array | null {
    const produced: Uint8Array[] = (this.produced = []);
    try {
      edit();
    } finally {
      this.produced = null;
    }
    if (produced.length === 0) return null;
    return produced.length === 1 ? produced[0] : Y.mergeUpdates(produced);
  }
}
