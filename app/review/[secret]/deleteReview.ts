import type { ApiError } from '../../../lib/protocol';
import { ApiRequestError } from '../../_lib/api';

/**
 * DELETE /api/review/<secret> with {"confirm": true}: the couple's board and
 * everything it wrote, for good. (The shared `api` helper only speaks GET and
 * POST.) A 404 counts as done: the board is already gone, which is what was asked.
 */
export async function deleteReview(secret: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/review/${encodeURIComponent(secret)}`, {
      method: 'DELETE',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirm: true }),
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError('Could not reach Twofold.', 0, 'network');
  }
  if (res.ok || res.status === 404) return;
  const body = (await res.json().catch(() => null)) as Partial<ApiError> | null;
  const code = res.status === 429 ? 'rate_limited' : (body?.error?.code ?? 'unknown');
  throw new ApiRequestError(body?.error?.message ?? `HTTP ${res.status}`, res.status, code, Number(res.headers.get('Retry-After')) || null);
}
