import type { Config } from '../config';

/**
 * A small leveled logger. It never receives board content or secrets:
 * callers log codes and ids only.
 */
export interface Log {
  error(msg: string, extra?: unknown): void;
  info(msg: string): void;
  debug(msg: string): void;
}

const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const;

export function createLog(level: Config['logLevel']): Log {
  const at = LEVELS[level];
  return {
    error: (msg, extra) => at >= 1 && console.error(`[twofold] ${msg}`, extra ?? ''),
    info: (msg) => at >= 2 && console.log(`[twofold] ${msg}`),
    debug: (msg) => at >= 3 && console.log(`[twofold] ${msg}`),
  };
}
