import type { Store } from '../store/storeTypes';
import type { AudienceThrottle } from './audienceThrottle';
import type { Broadcasts } from './broadcasts';
import type { PresenceTracker } from './presence';
import type { TwofoldSocket } from './socketTypes';

/**
 * Who is online, as partners and the console see it: a person is online while
 * they have a control socket open (on any node, with the cluster's tracker).
 * Coming or going tells the partner at once and the console on its next update.
 */
export class ParticipantPresence {
  constructor(
    private readonly presence: PresenceTracker,
    private readonly deps: { store: Store; send: Broadcasts; views: AudienceThrottle },
  ) {}

  connected(socket: TwofoldSocket, participantId: string, code: string): void {
    const { send } = this.deps;
    const cameOnline = this.presence.add(participantId);
    send.logged(send.selfState(participantId));
    if (cameOnline) {
      send.logged(this.changed(participantId, code));
      send.logged(this.notePeak(code));
    }
    socket.on('disconnect', () => {
      if (this.presence.remove(participantId)) send.logged(this.changed(participantId, code));
    });
  }

  /** People who went offline without this node seeing it (their node vanished). */
  wentOffline(participantIds: string[]): void {
    for (const id of participantIds) this.deps.send.logged(this.changed(id));
  }

  /** Tells the partner and the console that someone came or went. */
  private async changed(participantId: string, code?: string): Promise<void> {
    const participant = await this.deps.store.getParticipant(participantId);
    const workshopCode = code ?? participant?.workshopCode;
    if (!workshopCode) return;
    if (participant?.coupleId) await this.deps.send.coupleStates(participant.coupleId, workshopCode);
    this.deps.views.schedule('host', workshopCode);
  }

  /** Remembers the most people online at once, for the session summary. */
  private async notePeak(code: string): Promise<void> {
    const people = await this.deps.store.listParticipants(code);
    await this.deps.store.notePeakOnline(code, people.filter((p) => this.presence.isOnline(p.id)).length);
  }
}
