import { cohostNameBody, ERROR_CODES, type Ack, type HostId, type HostPresence, type SocketData } from '../../lib/protocol';
import type { Log } from '../infra/log';
import type { CohostRow } from '../store/cohostStore';
import type { CohostService } from '../workshop/cohosts';
import { hostIdOf } from '../workshop/cohosts';
import type { RoomEvents } from '../workshop/roomEvents';
import { command } from './command';
import { rooms, type TwofoldServer, type TwofoldSocket } from './socketTypes';

/** Every console of one co-host, on every node: revoking closes them all at once. */
const cohostRoom = (cohostId: string) => `cohost:${cohostId}`;

const hostIdOfSocket = (data: SocketData): HostId => hostIdOf(data.role === 'host' && data.cohostId ? { id: data.cohostId } : null);

/**
 * Who is hosting a workshop right now: every console (the facilitator's and each co-host's) is
 * told who it is and who else has a console open, whenever a console opens or closes, a co-host
 * renames themselves or is revoked. Presence is read from the host room itself (`fetchSockets`,
 * which asks every node when there are several), so it cannot drift from the sockets that exist.
 * One count per workshop at a time; a change during a count makes one more.
 */
export class HostTeams {
  private readonly counting = new Map<string, { again: boolean }>();

  constructor(
    private readonly io: TwofoldServer,
    private readonly deps: { cohosts: CohostService; events: RoomEvents; log: Log },
  ) {
    deps.events.on('hostTeam', (code) => this.changed(code));
    deps.events.on('cohostRevoked', (code, cohostId) => {
      io.to(cohostRoom(cohostId)).emit('host:revoked');
      io.in(cohostRoom(cohostId)).disconnectSockets(true);
      this.changed(code);
    });
  }

  /** A console connected: its co-host's room, its name command, and everyone told. */
  connected(socket: TwofoldSocket, code: string): void {
    const { cohostId } = socket.data as Extract<SocketData, { role: 'host' }>;
    if (cohostId) void socket.join(cohostRoom(cohostId));
    socket.on(
      'cohost:name',
      command(this.deps.log, 'cohost:name', cohostNameBody, async ({ name }): Promise<Ack> => {
        if (!cohostId) return { ok: false, code: ERROR_CODES.forbidden, message: 'Only a co-host gives themselves a name here.' };
        await this.deps.cohosts.rename(code, cohostId, name);
        return { ok: true };
      }),
    );
    // Left the host room before 'disconnect' fires, so the count made then no longer has it.
    socket.once('disconnect', () => this.changed(code));
    this.changed(code);
  }

  changed(code: string): void {
    const running = this.counting.get(code);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.counting.set(code, state);
    void (async () => {
      try {
        do {
          state.again = false;
          await this.tell(code);
        } while (state.again);
      } catch (err) {
        this.deps.log.error('telling the hosts who is hosting failed', err);
      } finally {
        this.counting.delete(code);
      }
    })();
  }

  private async tell(code: string): Promise<void> {
    const [sockets, cohosts] = await Promise.all([this.io.in(rooms.host(code)).fetchSockets(), this.deps.cohosts.list(code)]);
    const byId = new Map<string, CohostRow>(cohosts.map((c) => [c.id, c]));
    const hosts = new Map<HostId, HostPresence>();
    for (const s of sockets) {
      const id = hostIdOfSocket(s.data);
      const cohost = s.data.role === 'host' && s.data.cohostId ? byId.get(s.data.cohostId) : undefined;
      if (s.data.role === 'host' && s.data.cohostId && (!cohost || cohost.revokedAt !== null)) continue; // revoked: closing
      const known = hosts.get(id);
      if (known) known.consoles++;
      else hosts.set(id, { id, role: cohost ? 'cohost' : 'facilitator', number: cohost?.number ?? null, name: cohost?.name ?? null, consoles: 1 });
    }
    // The facilitator first, then co-hosts in the order they were invited.
    const list = [...hosts.values()].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    for (const s of sockets) {
      const you = hosts.get(hostIdOfSocket(s.data));
      if (you) s.emit('hosts:team', { you, hosts: list });
    }
  }
}
