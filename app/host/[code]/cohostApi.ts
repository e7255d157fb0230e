import type { ApiError, CohostListResponse, CreateCohostResponse } from '../../../lib/protocol';
import { api, ApiRequestError } from '../../_lib/api';

/* The facilitator's co-host calls (docs/API.md), with the host key as a bearer credential. */

const path = (code: string) => `/api/workshops/${encodeURIComponent(code)}/cohosts`;

export const inviteCohost = (code: string, hostKey: string) => api<CreateCohostResponse>(path(code), { method: 'POST', token: hostKey });

export const listCohosts = (code: string, hostKey: string, signal?: AbortSignal) => api<CohostListResponse>(path(code), { token: hostKey, signal });

/** Revokes a co-host's link; their consoles close at once. Throws ApiRequestError like `api`. */
export async function revokeCohost(code: string, hostKey: string, cohostId: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${path(code)}/${encodeURIComponent(cohostId)}`, { method: 'DELETE', headers: { Authorization: `Bearer ${hostKey}` }, cache: 'no-store' });
  } catch {
    throw new ApiRequestError('Could not reach Twofold.', 0, 'network');
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => null)) as Partial<ApiError> | null;
  throw new ApiRequestError(body?.error?.message ?? `HTTP ${res.status}`, res.status, res.status === 429 ? 'rate_limited' : (body?.error?.code ?? 'unknown'));
}
