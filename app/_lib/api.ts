import type { ApiError } from '../../lib/protocol';
import { takeEarlyRequest } from './earlyRequests';

/**
 * An HTTP call that did not succeed. `message` is the server's own sentence,
 * written for people, so pages can show it as-is.
 */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    /** HTTP status; 0 when the request never reached the server (offline). */
    readonly status: number,
    /** The server's error code, e.g. 'pair_code_not_found'; 'network' when offline. */
    readonly code: string,
    /** Seconds the server asked us to wait (429), if it said. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

interface CallOptions {
  method?: 'GET' | 'POST';
  body?: unknown;
  /** Participant token, sent as a Bearer credential. */
  token?: string;
  signal?: AbortSignal;
}

/** Same-origin JSON call to /api/*; resolves with the parsed body or throws ApiRequestError. */
export async function api<T>(path: string, { method = 'GET', body, token, signal }: CallOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;

  // A GET the page's HTML already started (EarlyGet) is the same request, just sent sooner.
  const early = method === 'GET' ? takeEarlyRequest(path, token ?? null) : null;
  let res: Response;
  try {
    res = await (early ??
      fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        cache: 'no-store',
      }));
    // The early request cannot be aborted; its caller must still see the abort as fetch would show it.
    signal?.throwIfAborted();
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiRequestError('Could not reach Twofold. Check your connection and try again.', 0, 'network');
  }

  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;

  const error = (data as Partial<ApiError> | null)?.error;
  const retryAfter = Number(res.headers.get('Retry-After')) || null;
  const message =
    res.status === 429
      ? `Too many tries from this device. Please wait ${retryAfter ? `${retryAfter} seconds` : 'a moment'} and try again.`
      : (error?.message ?? 'Something went wrong. Please try again.');
  throw new ApiRequestError(message, res.status, error?.code ?? 'unknown', retryAfter);
}

/** The message to show for anything thrown by `api` (or by something unexpected). */
export function messageOf(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return 'Something went wrong. Please try again.';
}
