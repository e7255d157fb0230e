import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CLOSE_CODES } from '../../lib/protocol';
import type { Limits } from '../tunables';
import { AwarenessGuard } from './awarenessGuard';
import type { BoardConnection } from './boardTypes';
import { encodeAwareness } from './messages';

/** Origin of presence that came from another node: relayed here, never published again. */
const FROM_PEER = Symbol('peer');

/**
 * Who is on a board right now (y-protocols awareness): never stored, relayed to every
 * connection of the board and published to the other nodes. What a connection may announce
 * (size, rate, its own seat) is decided by awarenessGuard.ts before anything is applied.
 */
export class BoardPresence {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly guard: AwarenessGuard;

  constructor(
    doc: Y.Doc,
    limits: Limits,
    private readonly conns: ReadonlySet<BoardConnection>,
    private readonly publish: (update: Uint8Array) => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.guard = new AwarenessGuard(this.awareness, limits);
    this.awareness.on('update', this.relay);
  }

  /** Everyone's presence, for a connection that has just arrived or asked. */
  greet(conn: BoardConnection): void {
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) conn.send(encodeAwareness(this.awareness, present));
  }

  /** A presence query: answered within the connection's presence budget. */
  answer(conn: BoardConnection): void {
    if (conn.awarenessBudget.take()) conn.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
  }

  receive(conn: BoardConnection, update: Uint8Array): void {
    try {
      const admitted = this.guard.admit(conn, update);
      if (!admitted) return;
      awarenessProtocol.applyAwarenessUpdate(this.awareness, admitted, conn);
      this.publish(admitted);
    } catch {
      conn.close(CLOSE_CODES.badRequest, 'malformed awareness update');
    }
  }

  fromPeer(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_PEER);
  }

  /** A connection left: its states go, here and on the other nodes. */
  left(conn: BoardConnection): void {
    if (conn.awarenessIds.size === 0) return;
    const ids = [...conn.awarenessIds];
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    this.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  destroy(): void {
    this.awareness.off('update', this.relay);
    this.awareness.destroy();
  }

  private readonly relay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const conn = origin as BoardConnection | null;
    if (conn && this.conns.has(conn)) {
      for (const id of [...added, ...updated]) conn.awarenessIds.add(id);
      for (const id of removed) conn.awarenessIds.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.conns.size === 0) return;
    const message = encodeAwareness(this.awareness, changed);
    for (const c of this.conns) c.send(message);
  };
}
