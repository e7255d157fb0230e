import type { LiveWorkshop } from '../workshop/workshopStates';
import type { Broadcasts } from './broadcasts';

interface Pending {
  timer: NodeJS.Timeout;
  live: LiveWorkshop;
  couples: Set<string>;
}

/**
 * A couple's own changes (a ready tap, a couple's reveal) are applied and stored at once, but
 * told once per window per workshop: the room's public state (only its version moved) and each
 * changed couple's own states, as they are when the window closes. A toggle that flips back
 * within the window therefore goes out once, and a room full of ready taps costs one room
 * broadcast per window instead of one per tap.
 */
export class CoupleChanges {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly send: Broadcasts,
    private readonly windowMs: number,
  ) {}

  changed(code: string, coupleIds: string[], live: LiveWorkshop): void {
    const waiting = this.pending.get(code);
    if (waiting) {
      waiting.live = live;
      for (const id of coupleIds) waiting.couples.add(id);
      return;
    }
    const timer = setTimeout(() => this.flush(code), this.windowMs);
    this.pending.set(code, { timer, live, couples: new Set(coupleIds) });
  }

  close(): void {
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private flush(code: string): void {
    const waiting = this.pending.get(code);
    if (!waiting) return;
    this.pending.delete(code);
    const { send } = this;
    // `live` is the cached workshop, so its state is the newest, whatever happened meanwhile.
    send.logged(send.workshopState(code, waiting.live));
    for (const id of waiting.couples) send.logged(send.coupleStates(id, code, waiting.live));
  }
}
