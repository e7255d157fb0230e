import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ERROR_CODES } from '../../lib/protocol';
import { countRejection } from '../infra/metrics';
import { HttpError } from './respond';

/**
 * Room and pair codes are short so people can type them, which makes them
 * guessable. Only misses are counted (a right code costs nothing, so a whole
 * room joining from one Wi-Fi address is never throttled): an address that
 * keeps missing is told to wait, with Retry-After.
 */
export interface GuessLimiter {
  /** Throws 429 if `key` has used up its misses. */
  check(key: string): Promise<void>;
  /** Counts a wrong code for `key`. */
  miss(key: string): Promise<void>;
}

/** Where the counts live: this process's memory by default, Redis when several nodes share them (server/cluster). */
export type LimiterFactory = (opts: { points: number; duration: number; keyPrefix: string }) => RateLimiterAbstract;

const inMemory: LimiterFactory = ({ points, duration }) => new RateLimiterMemory({ points, duration });

export function createGuessLimiter(missesPerMinute: number, name = 'guesses', factory: LimiterFactory = inMemory): GuessLimiter {
  const limiter = factory({ points: missesPerMinute, duration: 60, keyPrefix: name });
  const tooMany = (res: RateLimiterRes) => {
    countRejection(name);
    return new HttpError(ERROR_CODES.rateLimited, 'Too many wrong codes. Please wait a moment and try again.', {
      'retry-after': String(Math.max(1, Math.ceil(res.msBeforeNext / 1000))),
    });
  };
  return {
    async check(key) {
      const res = await limiter.get(key);
      if (res && res.remainingPoints <= 0) throw tooMany(res);
    },
    async miss(key) {
      try {
        await limiter.consume(key);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw tooMany(res);
        throw res;
      }
    },
  };
}
