import { ERROR_CODES } from '../../lib/protocol';
import { TokenBucket } from '../infra/tokenBucket';
import type { Limits } from '../tunables';
import { TIMING } from '../tunables';
import type { TwofoldSocket } from './socketTypes';

type BudgetLimits = Pick<Limits, 'socketEventsPerSecond' | 'socketEventBurst' | 'socketRefusalsBeforeCut'>;

interface Budget {
  events: TokenBucket;
  /** Refusals left before the socket is cut; forgiven at the event rate. */
  refusals: TokenBucket;
  sockets: number;
  /** When the last socket of this person left (0 while one is open). */
  leftAt: number;
}

/**
 * How many Socket.IO events a person may send: a token bucket per person across every event
 * (a participant's sockets share one, so opening more sockets buys nothing; a console or
 * projector socket has its own). Past it an event is not handled and its ack, if any, answers
 * `{ ok: false, code: 'rate_limited' }`; a sender that keeps going through
 * `socketRefusalsBeforeCut` refusals is disconnected. A person's budget outlives their sockets
 * for a minute, so reconnecting does not refill it.
 */
export class EventBudgets {
  private readonly budgets = new Map<string, Budget>();
  private readonly sweeper: NodeJS.Timeout;

  /** `now` is real time, not the workshop's clock (which tests stop or move by days): a rate is per real second. */
  constructor(
    private readonly limits: BudgetLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.forgetIdle(), TIMING.eventBudgetMemoryMs);
    this.sweeper.unref();
  }

  /** Guards every event of `socket` (its first middleware): `actor` names whose budget it spends. */
  guard(socket: TwofoldSocket, actor: string): void {
    const budget = this.budgetOf(actor);
    budget.sockets++;
    budget.leftAt = 0;
    socket.once('disconnect', () => {
      if (--budget.sockets === 0) budget.leftAt = this.now();
    });
    socket.use((packet, next) => {
      if (budget.events.take()) return next();
      const ack = packet.at(-1);
      if (typeof ack === 'function') ack({ ok: false, code: ERROR_CODES.rateLimited, message: 'Too many messages; slow down.' });
      if (!budget.refusals.take()) socket.disconnect(true);
    });
  }

  close(): void {
    clearInterval(this.sweeper);
    this.budgets.clear();
  }

  private budgetOf(actor: string): Budget {
    const known = this.budgets.get(actor);
    if (known) return known;
    const { socketEventsPerSecond: rate, socketEventBurst: burst, socketRefusalsBeforeCut: refusals } = this.limits;
    const budget: Budget = {
      events: new TokenBucket(rate, burst, this.now),
      refusals: new TokenBucket(rate, refusals, this.now),
      sockets: 0,
      leftAt: 0,
    };
    this.budgets.set(actor, budget);
    return budget;
  }

  private forgetIdle(): void {
    const cutoff = this.now() - TIMING.eventBudgetMemoryMs;
    for (const [actor, budget] of this.budgets) if (budget.sockets === 0 && budget.leftAt <= cutoff) this.budgets.delete(actor);
  }
}
