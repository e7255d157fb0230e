/** Who is online: this process's count (Presence), or every node's (server/cluster/clusterPresence.ts). */
export interface PresenceTracker {
  /** Returns true when this made the participant come online. */
  add(participantId: string): boolean;
  /** Returns true when this made the participant go offline. */
  remove(participantId: string): boolean;
  isOnline(participantId: string): boolean;
  readonly onlineCount: number;
}

/**
 * Who is online, counted by open control sockets per participant (a person
 * may have the board open in two tabs). In memory: presence is about now.
 */
export class Presence implements PresenceTracker {
  private readonly sockets = new Map<string, number>();

  /** Returns true when this made the participant come online. */
  add(participantId: string): boolean {
    const n = (this.sockets.get(participantId) ?? 0) + 1;
    this.sockets.set(participantId, n);
    return n === 1;
  }

  /** Returns true when this made the participant go offline. */
  remove(participantId: string): boolean {
    const n = (this.sockets.get(participantId) ?? 0) - 1;
    if (n > 0) {
      this.sockets.set(participantId, n);
      return false;
    }
    this.sockets.delete(participantId);
    return true;
  }

  isOnline(participantId: string): boolean {
    return this.sockets.has(participantId);
  }

  get onlineCount(): number {
    return this.sockets.size;
  }

  /** Everyone online here. */
  participants(): string[] {
    return [...this.sockets.keys()];
  }
}
