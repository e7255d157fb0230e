import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { messageYjsSyncStep2 } from 'y-protocols/sync';
import { MESSAGE_SYNC } from './messages';

/**
 * Answers to sync step 1 (a phone connecting), from one encoding of the board's state kept
 * until the board changes. Encoding a board near its size limit is the heaviest thing a
 * connect costs; phones that connect again and again (Wi-Fi in a room, a reload loop, a
 * hostile client) would otherwise pay it on the event loop each time. A reply is the cached
 * state diffed against the phone's state vector, which reads the bytes and not the doc.
 */
export class SyncReplies {
  private full: Uint8Array | null = null;
  private readonly invalidate = () => {
    this.full = null;
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.invalidate);
  }

  /** The sync step 2 message for a phone with this state vector. Throws if it is malformed. */
  stepTwo(stateVector: Uint8Array): Uint8Array {
    this.full ??= Y.encodeStateAsUpdate(this.doc);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, Y.diffUpdate(this.full, stateVector));
    return encoding.toUint8Array(encoder);
  }

  destroy(): void {
    this.doc.off('update', this.invalidate);
  }
}
