import type { z } from 'zod';
import { ERROR_CODES, type Ack } from '../../lib/protocol';
import type { Log } from '../infra/log';
import { isStoreUnavailable } from '../store/storeFailure';

type AnyAck = (result: Ack<object>) => void;

/**
 * Wraps a command handler: the payload is parsed with its schema first, a
 * missing ack function is ignored, and a failure answers instead of throwing.
 */
export function command<S extends z.ZodType, R extends object>(
  log: Log,
  name: string,
  schema: S,
  run: (payload: z.output<S>) => Promise<Ack<R>>,
) {
  return async (payload: unknown, ack: unknown): Promise<void> => {
    if (typeof ack !== 'function') return;
    const reply = ack as AnyAck;
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, code: ERROR_CODES.invalidBody, message: `${name}: ${parsed.error.issues[0]?.message ?? 'invalid payload'}` });
    try {
      reply(await run(parsed.data));
    } catch (err) {
      log.error(`${name} failed`, err);
      if (isStoreUnavailable(err)) return reply({ ok: false, code: ERROR_CODES.storeUnavailable, message: 'The server cannot reach its store right now. Try again in a moment.' });
      reply({ ok: false, code: ERROR_CODES.internal, message: 'Something went wrong on the server.' });
    }
  };
}
