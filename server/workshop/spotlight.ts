import { ERROR_CODES, type Ack } from '../../lib/protocol';
import type { CommandResult } from '../../lib/workshop/commands';
import { applyChime, applySpotlight } from '../../lib/workshop/roomMoments';
import type { Store } from '../store/storeTypes';
import type { RoomEvents } from './roomEvents';
import type { WorkshopStates } from './workshopStates';

const settled = (result: CommandResult): Ack => (result.ok ? { ok: true } : result);

/**
 * The projector's spotlight: one approved wall entry of this workshop, large and alone, until
 * the facilitator goes back to the wall. Also the time-up chime's switch, which the projector
 * reads from the same live state.
 */
export class SpotlightService {
  constructor(
    private readonly store: Store,
    private readonly states: WorkshopStates,
    events: RoomEvents,
  ) {
    // An entry taken down leaves the spotlight with it: put back later, it returns to the wall, not to the screen.
    events.on('wall', (code) => void this.releaseIfGone(code).catch(() => undefined));
  }

  async spotlight(code: string, id: string | null): Promise<Ack> {
    if (id !== null) {
      const item = await this.store.getWallItem(id);
      // Not found, another workshop's, or not approved: all look the same, so nothing is learnt about other rooms.
      if (!item || item.workshopCode !== code || item.status !== 'approved') return { ok: false, code: ERROR_CODES.notFound, message: 'Only an entry on the wall can be spotlighted.' };
    }
    return settled(await this.states.change(code, (state) => applySpotlight(state, id), []));
  }

  async chime(code: string, on: boolean): Promise<Ack> {
    return settled(await this.states.change(code, (state) => applyChime(state, on), []));
  }

  private async releaseIfGone(code: string): Promise<void> {
    const live = await this.states.get(code);
    const id = live?.state.spotlight;
    if (!id || live.state.phase === 'ended') return;
    const item = await this.store.getWallItem(id);
    if (item?.status === 'approved') return;
    await this.states.change(code, (state) => (state.spotlight === id ? applySpotlight(state, null) : { ok: true, state }), []);
  }
}
