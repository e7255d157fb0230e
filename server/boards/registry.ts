import { CLOSE_CODES, parseDocName, type CloseCode } from '../../lib/protocol';
import type * as Y from 'yjs';
import type { Timing } from '../tunables';
import { LiveBoard, type BoardDeps } from './liveBoard';

interface Entry {
  loading: Promise<LiveBoard>;
  refs: number;
  unloadTimer: NodeJS.Timeout | null;
  /** Set while the board is flushing and closing; a new acquire waits for it, then loads afresh. */
  closing: Promise<void> | null;
}

/**
 * Boards in memory. A doc is loaded once however many clients arrive together
 * (they share the loading promise), and unloaded — compacted, its awareness
 * and doc destroyed — a while after its last client leaves.
 */
export class BoardRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly timing: Timing,
    private readonly depsFor: (docName: string) => BoardDeps,
  ) {}

  /** Boards currently in memory: the figure that must return to 0 when a room empties. */
  get liveCount(): number {
    return this.entries.size;
  }

  async acquire(docName: string): Promise<LiveBoard> {
    for (;;) {
      const existing = this.entries.get(docName);
      if (existing?.closing) {
        await existing.closing;
        continue;
      }
      const entry = existing ?? this.startLoading(docName);
      entry.refs++;
      if (entry.unloadTimer) {
        clearTimeout(entry.unloadTimer);
        entry.unloadTimer = null;
      }
      return entry.loading;
    }
  }

  /** Reads something from a board, loading it for the moment if no client has it open. */
  async read<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.readMany([docName], (docs) => read(docs.get(docName)!));
  }

  /** Reads across several boards at once (a couple's whole board for its review). */
  async readMany<T>(docNames: string[], read: (docs: Map<string, Y.Doc>) => T): Promise<T> {
    const acquired: string[] = [];
    try {
      const docs = new Map<string, Y.Doc>();
      for (const name of docNames) {
        const board = await this.acquire(name);
        acquired.push(name);
        await board.whenBuilt();
        docs.set(name, board.doc);
      }
      return read(docs);
    } finally {
      for (const name of acquired) this.release(name);
    }
  }

  release(docName: string): void {
    const entry = this.entries.get(docName);
    if (!entry || entry.closing) return;
    entry.refs--;
    if (entry.refs > 0) return;
    entry.unloadTimer = setTimeout(() => this.unload(docName, entry), this.timing.docUnloadDelayMs);
    entry.unloadTimer.unref();
  }

  /** Closes, without saving anything back, every loaded board of a couple whose content is being deleted; returns how many. */
  async discardCouple(coupleId: string): Promise<number> {
    const doomed = [...this.entries.entries()].filter(([name]) => parseDocName(name)?.coupleId === coupleId);
    await Promise.all(doomed.map(([name, entry]) => this.unload(name, entry, CLOSE_CODES.notFound, false)));
    return doomed.length;
  }

  /** Flushes and closes every board, its sockets with `closeCode` (SIGTERM: 1012, reconnect now). */
  async closeAll(closeCode: CloseCode = CLOSE_CODES.goingAway): Promise<void> {
    await Promise.all([...this.entries.entries()].map(([name, entry]) => this.unload(name, entry, closeCode)));
  }

  /**
   * A board whose write failed holds what the store may lack: it is closed without saving (its
   * unwritten updates dropped, none of them acknowledged) with a "retry" code, and its clients
   * reconnect to a board loaded afresh from the store; their providers resend what it lacks.
   */
  private dropBroken(docName: string): void {
    const entry = this.entries.get(docName);
    if (entry) void this.unload(docName, entry, CLOSE_CODES.internalError, false);
  }

  private startLoading(docName: string): Entry {
    const deps = { ...this.depsFor(docName), onStoreFailure: () => this.dropBroken(docName) };
    const entry: Entry = { loading: LiveBoard.load(docName, deps), refs: 0, unloadTimer: null, closing: null };
    this.entries.set(docName, entry);
    entry.loading.catch(() => {
      if (this.entries.get(docName) === entry) this.entries.delete(docName);
    });
    return entry;
  }

  private unload(docName: string, entry: Entry, closeCode: CloseCode = CLOSE_CODES.goingAway, save = true): Promise<void> {
    if (entry.closing) return entry.closing;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.closing = entry.loading
      .then((board) => board.close(closeCode, save))
      .catch(() => undefined)
      .finally(() => {
        if (this.entries.get(docName) === entry) this.entries.delete(docName);
      });
    return entry.closing;
  }
}
