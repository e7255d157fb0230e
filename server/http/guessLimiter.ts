import { countRejection } from '../infra/prometheus';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ERROR_CODES } from '../../lib/protocol';
import { HttpError } from './respond';

/** Where the counts live: this process's memory by default, Redis when several nodes share them (server/cluster). */
export type LimiterFactory = (opts: { points: number; duration: number; keyPrefix: string }) => RateLimiterAbstract;

const inMemory: LimiterFactory = ({ points, duration }) => new RateLimiterMemory({ points, duration });

/** All counts are per minute (fixed windows that start with a key's first miss). */
export interface GuessBudget {
  /** Wrong codes one key (a client address, a participant) may try per minute. */
  perKey: number;
  /** Wrong codes per minute in one scope (everyone, or one workshop) above which the scope is under attack. */
  ceiling: number;
  /** While its scope is under attack, a key that has missed this often in its minute waits for the next one. */
  perKeyUnderAttack: number;
}

const WINDOW_S = 60;

/**
 * Room and pair codes are short so people can type them, which makes them
 * guessable. Only misses are counted: a right code costs nothing, so a whole
 * room joining from one Wi-Fi address is never throttled. A key that keeps
 * missing is told to wait, with Retry-After — for right codes too, or a
 * guesser could keep going by mixing in one it knows.
 *
 * A scope's ceiling never refuses anyone by itself: that would let a flood
 * of wrong codes from many addresses lock out the people who have the right
 * one. It only tightens every key's own budget while the flood lasts, which
 * holds a guesser to `perKeyUnderAttack` tries per address per minute and
 * still lets anyone whose own tries were few (most people: none) straight in.
 *
 * The answer to a miss is decided by the count that miss itself made
 * (an atomic increment), so requests sent all at once cannot slip past a
 * budget between the check and the count.
 */
export class GuessLimiter {
  private readonly keys: RateLimiterAbstract;
  private readonly scopes: RateLimiterAbstract;

  constructor(
    private readonly name: string,
    private readonly budget: GuessBudget,
    factory: LimiterFactory = inMemory,
  ) {
    this.keys = factory({ points: budget.perKey, duration: WINDOW_S, keyPrefix: name });
    this.scopes = factory({ points: budget.ceiling, duration: WINDOW_S, keyPrefix: `${name}-scope` });
  }

  /** Before the code is looked up: throws 429 if one of `keys` has used up its misses. */
  async admit(keys: string[], scope: string): Promise<void> {
    const [scopeCount, ...counts] = await Promise.all([this.scopes.get(scope), ...keys.map((key) => this.keys.get(key))]);
    const allowed = this.allowed((scopeCount?.consumedPoints ?? 0) >= this.budget.ceiling);
    for (const count of counts) if (count && count.consumedPoints >= allowed) throw tooMany(this.name, count);
  }

  /** A wrong code: counts it for every key and the scope; throws 429 instead of the "wrong code" answer if that went past a budget. */
  async miss(keys: string[], scope: string): Promise<void> {
    const scopeCount = await consume(this.scopes, scope);
    const counts = await Promise.all(keys.map((key) => consume(this.keys, key)));
    const allowed = this.allowed(scopeCount.consumedPoints > this.budget.ceiling);
    for (const count of counts) if (count.consumedPoints > allowed) throw tooMany(this.name, count);
  }

  private allowed(underAttack: boolean): number {
    return underAttack ? Math.min(this.budget.perKeyUnderAttack, this.budget.perKey) : this.budget.perKey;
  }
}

/** Counts one point; a key over its points still counts (and says so) instead of failing. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (res) {
    if (res instanceof RateLimiterRes) return res;
    throw res;
  }
}

function tooMany(name: string, res: RateLimiterRes): HttpError {
  countRejection(name);
  return new HttpError(ERROR_CODES.rateLimited, 'Too many wrong codes. Please wait a moment and try again.', {
    'retry-after': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
  });
}
