import type { Broadcasts } from './broadcasts';
import { rooms, type TwofoldServer } from './socketTypes';

type Audience = 'host' | 'projector';

/**
 * Coalesces bursts (a room typing at once) into one console or projector
 * update per throttle window: these views are rebuilt from the store, so they
 * are sent at most every `throttleMs` per workshop.
 */
export class AudienceThrottle {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly io: TwofoldServer,
    private readonly send: Broadcasts,
    private readonly opts: { throttleMs: number; clustered: boolean },
  ) {}

  schedule(audience: Audience, code: string): void {
    const key = `${audience}:${code}`;
    if (this.timers.has(key)) return;
    const room = audience === 'host' ? rooms.host(code) : rooms.projector(code);
    // Nobody is watching here; with several nodes the other nodes' rooms cannot be asked cheaply.
    if (!this.opts.clustered && !this.io.sockets.adapter.rooms.get(room)?.size) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.send.logged(audience === 'host' ? this.send.hostSnapshot(code) : this.send.projectorState(code));
    }, this.opts.throttleMs);
    this.timers.set(key, timer);
  }

  /** The console and the projector both show rosters, counts and the wall. */
  scheduleViews(code: string): void {
    this.schedule('host', code);
    this.schedule('projector', code);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
