import type { ApiError } from '../../lib/protocol';
import { takeEarlyRequest } from './earlyRequests';

/**
 * An HTTP call that did not succeed. `message` is the server's own English sentence, for logs
 * and developers; pages show the words of their own language for `code` (app/_i18n/errorText.ts).
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
    throw new ApiRequestError('Could not reach Twofold.', 0, 'network');
  }

  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;

  const error = (data as Partial<ApiError> | null)?.error;
  const retryAfter = Number(res.headers.get('Retry-After')) || null;
  const code = res.status === 429 ? 'rate_limited' : (error?.code ?? 'unknown');
  throw new ApiRequestError(error?.message ?? `HTTP ${res.status}`, res.status, code, retryAfter);
}
