import pino, { type Logger } from 'pino';
import type { Config } from '../config';

/**
 * A small leveled logger. It never receives board content, names or secrets: callers log codes
 * and ids only (tests/integration/logCanary.test.ts greps a whole round's log for them).
 */
export interface Log {
  error(msg: string, extra?: unknown): void;
  info(msg: string): void;
  debug(msg: string): void;
}

/**
 * One JSON object per line on stdout (pino), for journald, Loki or any shipper:
 * `{"level":"info","time":"…","pid":…,"hostname":"…","name":"twofold","msg":"…"}`; an error
 * adds `"err":{"type","message","code","stack"}`. The level names are Twofold's own
 * (LOG_LEVEL silent, error, info, debug), which pino has under the same names.
 */
const loggers = new Map<Config['logLevel'], Log>();

export function createLog(level: Config['logLevel']): Log {
  let log = loggers.get(level);
  if (!log) {
    log = wrap(
      pino({
        name: 'twofold',
        level,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { err: describeError },
      }),
    );
    loggers.set(level, log);
  }
  return log;
}

function wrap(logger: Logger): Log {
  return {
    error: (msg, extra) => (extra === undefined ? logger.error(msg) : logger.error({ err: extra }, msg)),
    info: (msg) => logger.info(msg),
    debug: (msg) => logger.debug(msg),
  };
}

/**
 * What of an error goes into the log: its type, message, code and stack, nothing else. pino's
 * own serializer would copy every enumerable field, and some carry values: PostgreSQL's
 * `detail` ("Key (pair_code)=(…) already exists"), `where`, `parameters` of a failed query.
 */
export function describeError(err: unknown): { type?: string; message: string; code?: string; stack?: string } {
  if (!(err instanceof Error)) return { message: typeof err === 'string' ? err : `(a ${typeof err}, not an Error)` };
  const code = (err as { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), ...(err.stack ? { stack: err.stack } : {}) };
}
