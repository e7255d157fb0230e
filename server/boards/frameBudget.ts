import { CLOSE_CODES } from '../../lib/protocol';
import { TokenBucket } from '../infra/tokenBucket';
import { TIMING, type Limits } from '../tunables';

export type FrameBudgetLimits = Pick<
  Limits,
  'boardFramesPerSecond' | 'boardFrameBurst' | 'boardBytesPerSecond' | 'boardByteBurst' | 'boardRefusalBurst' | 'boardRefusalForgiveMs'
>;

/**
 * Close codes that mean "this frame was refused": what no honest phone sends twice (the stock
 * provider stops on 44xx; 4309 needs a lost update). Read-only (4323) is not among them: a
 * phone with unsent edits on a locked board is refused at every reconnect, honestly.
 */
const REFUSALS = new Set<number>([
  CLOSE_CODES.badRequest,
  CLOSE_CODES.boardTooLarge,
  CLOSE_CODES.schemaViolation,
  CLOSE_CODES.presenceRefused,
  CLOSE_CODES.outOfStep,
  CLOSE_CODES.messageTooBig,
]);

export const isRefusal = (code: number): boolean => REFUSALS.has(code);

interface PersonBudget {
  frames: TokenBucket;
  bytes: TokenBucket;
  refusals: TokenBucket;
  /** Until when new board connections of this person are refused (0: not cooling down). */
  coolUntil: number;
  sockets: number;
  /** When the last socket of this person closed (0 while one is open). */
  leftAt: number;
}

/**
 * What one participant may send on /yjs, over all their board connections and boards on this
 * node (keyed by participant, like server/control/eventBudget.ts for Socket.IO): frames and
 * bytes per second for every frame, checked before a frame is decoded, and a much smaller
 * budget of refused frames. Past any of them the person is cut off (the endpoint closes their
 * board sockets with 4329) and every new board connection of theirs is refused for the
 * cool-down. A person's budget outlives their sockets for a minute, so reconnecting does not
 * refill it. Synchronous token buckets: this runs once per frame.
 */
export class FrameBudgets {
  private readonly people = new Map<string, PersonBudget>();
  private readonly sweeper: NodeJS.Timeout;

  /** `now` is real time (a rate is per real second), not the workshop's clock that tests move. */
  constructor(
    private readonly limits: FrameBudgetLimits,
    private readonly coolDownMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.forgetIdle(), TIMING.boardBudgetMemoryMs);
    this.sweeper.unref();
  }

  /** Whether the person is cooling down: their new board connections are refused. */
  coolingDown(participantId: string): boolean {
    const budget = this.people.get(participantId);
    return !!budget && budget.coolUntil > this.now();
  }

  /** A board connection of the person opened; it costs one frame. False: past the budget (cooling down from now). */
  opened(participantId: string): boolean {
    const budget = this.budgetOf(participantId);
    budget.sockets++;
    budget.leftAt = 0;
    return budget.frames.take() || this.coolDown(budget);
  }

  closed(participantId: string): void {
    const budget = this.people.get(participantId);
    if (budget && --budget.sockets === 0) budget.leftAt = this.now();
  }

  /** One incoming frame of `bytes`, before it is read. False: past the budget (cooling down from now). */
  spend(participantId: string, bytes: number): boolean {
    const budget = this.budgetOf(participantId);
    if (budget.coolUntil > this.now()) return false;
    return (budget.frames.take() && budget.bytes.take(bytes)) || this.coolDown(budget);
  }

  /** The server refused one of the person's frames (closed with `code`). False: past the refusal budget (cooling down from now). */
  refused(participantId: string, code: number): boolean {
    if (!isRefusal(code)) return true;
    const budget = this.budgetOf(participantId);
    return budget.refusals.take() || this.coolDown(budget);
  }

  close(): void {
    clearInterval(this.sweeper);
    this.people.clear();
  }

  private coolDown(budget: PersonBudget): false {
    budget.coolUntil = this.now() + this.coolDownMs;
    return false;
  }

  private budgetOf(participantId: string): PersonBudget {
    const known = this.people.get(participantId);
    if (known) return known;
    const l = this.limits;
    const budget: PersonBudget = {
      frames: new TokenBucket(l.boardFramesPerSecond, l.boardFrameBurst, this.now),
      bytes: new TokenBucket(l.boardBytesPerSecond, l.boardByteBurst, this.now),
      refusals: new TokenBucket(1000 / l.boardRefusalForgiveMs, l.boardRefusalBurst, this.now),
      coolUntil: 0,
      sockets: 0,
      leftAt: 0,
    };
    this.people.set(participantId, budget);
    return budget;
  }

  private forgetIdle(): void {
    const cutoff = this.now() - TIMING.boardBudgetMemoryMs;
    for (const [id, budget] of this.people) {
      if (budget.sockets === 0 && budget.leftAt <= cutoff && budget.coolUntil <= this.now()) this.people.delete(id);
    }
  }
}
