import * as Y from 'yjs';
import type { BoardPeers, PeerMessageKind } from '../boards/liveBoard';
import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import { TIMING } from '../tunables';
import { PREFIX, withLock, type Redis } from './redis';

const KIND_BYTE: Record<PeerMessageKind, number> = { update: 0, awareness: 1 };
const KINDS: PeerMessageKind[] = ['update', 'awareness'];

const channelOf = (docName: string) => `${PREFIX}doc:${docName}`;

type Deliver = (kind: PeerMessageKind, bytes: Uint8Array) => void;

/**
 * The board relay between nodes: one Redis pub/sub channel per doc, subscribed
 * only while the doc is loaded here. A frame is [kind][tag length][node tag][payload];
 * a node skips its own frames. Nothing here is stored: the node that received
 * the client's update stored it (once) before publishing it.
 */
export class RedisBoardPeers implements BoardPeers {
  private readonly docs = new Map<string, { deliver: Deliver; listener: (message: Buffer) => void }>();
  private readonly tag: Buffer;

  constructor(
    private readonly pub: Redis,
    private readonly sub: Redis,
    nodeTag: string,
    private readonly store: Store,
    private readonly log: Log,
  ) {
    this.tag = Buffer.from(nodeTag);
  }

  get loadedCount(): number {
    return this.docs.size;
  }

  async join(docName: string, deliver: Deliver): Promise<void> {
    const listener = (message: Buffer) => this.onMessage(docName, message);
    this.docs.set(docName, { deliver, listener });
    await this.sub.subscribe(channelOf(docName), listener, true);
  }

  publish(docName: string, kind: PeerMessageKind, bytes: Uint8Array): void {
    const frame = Buffer.allocUnsafe(2 + this.tag.length + bytes.length);
    frame[0] = KIND_BYTE[kind];
    frame[1] = this.tag.length;
    this.tag.copy(frame, 2);
    frame.set(bytes, 2 + this.tag.length);
    this.pub.publish(channelOf(docName), frame).catch((err: Error) => this.log.error(`board ${docName}: publish failed`, err.message));
  }

  leave(docName: string): void {
    const joined = this.docs.get(docName);
    if (!joined) return;
    this.docs.delete(docName);
    this.sub.unsubscribe(channelOf(docName), joined.listener, true).catch(() => undefined);
  }

  /**
   * Folds the stored log into one snapshot, built from the store rather than
   * from this node's copy (which may not yet have an update another node
   * stored), under a lock so two nodes never compact one doc at once.
   */
  compact(docName: string): Promise<number | null> {
    return withLock(
      this.pub,
      `compact:${docName}`,
      async () => {
        const stored = await this.store.loadDoc(docName);
        if (stored.updates.length === 0) return stored.snapshot?.length ?? 0; // nothing to fold, or deleted meanwhile
        const doc = new Y.Doc();
        try {
          Y.transact(doc, () => {
            if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
            for (const update of stored.updates) Y.applyUpdate(doc, update);
          });
          const snapshot = Y.encodeStateAsUpdate(doc);
          await this.store.compactDoc(docName, snapshot, stored.lastUpdateId);
          return snapshot.length;
        } finally {
          doc.destroy();
        }
      },
      // Another node is compacting it now: rows it does not cover wait for the next compaction (at the latest, an unload).
      { leaseMs: TIMING.compactLeaseMs, tries: 1, retryMs: 0 },
    );
  }

  /**
   * After this node lost Redis for a while it may have missed updates:
   * every loaded doc takes the stored state (Yjs applies only what is new)
   * and relays the difference to its clients.
   */
  async resyncAll(): Promise<void> {
    for (const [docName, { deliver }] of this.docs) {
      try {
        const stored = await this.store.loadDoc(docName);
        const parts = [...(stored.snapshot ? [stored.snapshot] : []), ...stored.updates];
        if (parts.length > 0) deliver('update', parts.length === 1 ? parts[0] : Y.mergeUpdates(parts));
      } catch (err) {
        this.log.error(`board ${docName}: resync failed`, err);
      }
    }
  }

  private onMessage(docName: string, message: Buffer): void {
    const joined = this.docs.get(docName);
    if (!joined || message.length < 2) return;
    const tagLength = message[1];
    if (tagLength === this.tag.length && message.subarray(2, 2 + tagLength).equals(this.tag)) return; // our own
    const kind = KINDS[message[0]];
    if (!kind) return;
    joined.deliver(kind, new Uint8Array(message.buffer, message.byteOffset + 2 + tagLength, message.length - 2 - tagLength));
  }
}
