import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { MAX_JSON_BODY_BYTES } from '../../lib/limits';
import { ERROR_CODES, ERROR_STATUS, type ErrorCode } from '../../lib/protocol';
import { isStoreUnavailable } from '../store/storeFailure';

/** Thrown inside a route to answer with a documented error; anything else becomes a 500. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** How long a client is asked to wait before retrying a request the store could not serve. */
const STORE_RETRY_AFTER_S = 5;

/**
 * The documented answer to a failure that is not an HttpError: 503 `store_unavailable` when the
 * store could not be reached or written (storeFailure.ts), else 500 `internal_error`.
 */
export function failureAnswer(err: unknown): HttpError {
  if (isStoreUnavailable(err)) {
    return new HttpError(ERROR_CODES.storeUnavailable, 'The server cannot reach its store right now. Try again in a moment.', { 'retry-after': String(STORE_RETRY_AFTER_S) });
  }
  return new HttpError(ERROR_CODES.internal, 'Something went wrong on the server.');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(json);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  sendJson(res, ERROR_STATUS[err.code], { error: { code: err.code, message: err.message } }, err.headers);
}

/** Reads a JSON body of at most MAX_JSON_BODY_BYTES and parses it with `schema`. */
export async function readBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const raw = await readRaw(req);
  let json: unknown;
  try {
    json = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(ERROR_CODES.invalidBody, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')} ` : '';
    throw new HttpError(ERROR_CODES.invalidBody, `${where}${first?.message ?? 'is invalid'}`.trim());
  }
  return parsed.data;
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_JSON_BODY_BYTES) {
      reject(new HttpError(ERROR_CODES.bodyTooLarge, `The body must be at most ${MAX_JSON_BODY_BYTES} bytes.`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_JSON_BODY_BYTES) {
        reject(new HttpError(ERROR_CODES.bodyTooLarge, `The body must be at most ${MAX_JSON_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The bearer secret of `Authorization: Bearer <secret>`, or null. */
export function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
  return match ? match[1] : null;
}
