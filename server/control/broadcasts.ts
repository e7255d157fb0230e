import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { LiveWorkshop, WorkshopStates } from '../workshop/workshopStates';
import type { PresenceTracker } from './presence';
import { buildCoupleSelfStates, buildSelfState, buildWorkshopSelfStates } from './selfStates';
import { rooms, type TwofoldServer, type TwofoldSocket } from './socketTypes';
import { buildHostSnapshot, buildProjectorState, publicWorkshopState } from './views';

/**
 * The five things the control plane sends, each to its audience: the public
 * workshop state (everyone in the room), a person's own state, the console's
 * snapshot and the projector's state. Callers that already hold the live
 * state pass it; the rest load it once from the cache.
 */
export class Broadcasts {
  private snapshotVersion = 0;

  constructor(
    private readonly io: TwofoldServer,
    private readonly deps: { store: Store; states: WorkshopStates; presence: PresenceTracker; clustered: boolean; now: () => number; log: Log },
  ) {}

  async workshopState(code: string, live?: LiveWorkshop, to?: TwofoldSocket): Promise<void> {
    const current = live ?? (await this.deps.states.get(code));
    if (current) (to ?? this.io.to(rooms.workshop(code))).emit('workshop:state', publicWorkshopState(code, current, this.deps.now()));
  }

  async selfState(participantId: string): Promise<void> {
    const { store, presence, states } = this.deps;
    const state = await buildSelfState(store, presence, participantId, (code) => states.get(code));
    if (state) this.io.to(rooms.participant(participantId)).emit('self:state', state);
  }

  async coupleStates(coupleId: string, code: string, live?: LiveWorkshop): Promise<void> {
    const current = live ?? (await this.deps.states.get(code));
    if (!current) return;
    for (const state of await buildCoupleSelfStates(this.deps.store, this.deps.presence, coupleId, code, current)) {
      this.io.to(rooms.participant(state.participantId)).emit('self:state', state);
    }
  }

  async everyonesStates(code: string, live: LiveWorkshop): Promise<void> {
    for (const state of await buildWorkshopSelfStates(this.deps.store, this.deps.presence, code, live)) {
      this.io.to(rooms.participant(state.participantId)).emit('self:state', state);
    }
  }

  async hostSnapshot(code: string, to?: TwofoldSocket): Promise<void> {
    const { store, states, presence, clustered, now } = this.deps;
    const live = await states.get(code);
    if (!live) return;
    // Across nodes the versions of different senders must still rise: the clock keeps them in order.
    this.snapshotVersion = clustered ? Math.max(this.snapshotVersion + 1, now()) : this.snapshotVersion + 1;
    const snapshot = await buildHostSnapshot(store, presence, code, live, this.snapshotVersion, now());
    (to ?? this.io.to(rooms.host(code))).emit('host:snapshot', snapshot);
  }

  async projectorState(code: string, to?: TwofoldSocket): Promise<void> {
    const live = await this.deps.states.get(code);
    if (live) (to ?? this.io.to(rooms.projector(code))).emit('projector:state', await buildProjectorState(this.deps.store, code, live));
  }

  /** Runs a send whose failure is only logged: one failed broadcast must not stop the others. */
  logged(p: Promise<unknown>): void {
    p.catch((err) => this.deps.log.error('control broadcast failed', err));
  }
}
