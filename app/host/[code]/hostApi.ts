import type { ApiError, WorkshopPublic } from '../../../lib/protocol';
import type { WorkshopSummary } from '../../../lib/summary';
import { api, ApiRequestError } from '../../_lib/api';
import { filenameFrom, saveBlob } from '../../_lib/saveBlob';

/*
 * The facilitator's HTTP calls after (or instead of) the live session, all
 * with the host key as a bearer credential. The shared `api` helper covers the
 * JSON GETs; the CSV (a file, not JSON) and DELETE need a plain fetch.
 */

const path = (code: string) => `/api/workshops/${encodeURIComponent(code)}`;

export function fetchSummary(code: string, hostKey: string, signal?: AbortSignal): Promise<WorkshopSummary> {
  return api<WorkshopSummary>(`${path(code)}/summary`, { token: hostKey, signal });
}

/**
 * The server answers 401 both for a wrong key and for a workshop that no longer
 * exists (it does not tell a stranger which). The public lookup tells them
 * apart, so a deleted or expired workshop is not reported as a bad link.
 */
export async function workshopIsGone(code: string): Promise<boolean> {
  try {
    await api<WorkshopPublic>(path(code));
    return false;
  } catch (err) {
    return err instanceof ApiRequestError && err.status === 404;
  }
}

/** Fetches the summary as CSV and saves it; resolves with the file name it was saved under. */
export async function downloadSummaryCsv(code: string, hostKey: string): Promise<string> {
  const res = await hostFetch(`${path(code)}/summary.csv`, hostKey, 'GET');
  const filename = filenameFrom(res.headers.get('Content-Disposition')) ?? `twofold-summary-${code}.csv`;
  saveBlob(await res.blob(), filename);
  return filename;
}

/** Deletes the workshop and everything in it. Already gone counts as done: that is what was asked. */
export async function deleteWorkshop(code: string, hostKey: string): Promise<void> {
  try {
    await hostFetch(path(code), hostKey, 'DELETE');
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401 && (await workshopIsGone(code))) return;
    throw err;
  }
}

/** Throws ApiRequestError like `api` does; the page says what was not done (app/_i18n/errorText.ts). */
async function hostFetch(url: string, hostKey: string, method: 'GET' | 'DELETE'): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { Authorization: `Bearer ${hostKey}` }, cache: 'no-store' });
  } catch {
    throw new ApiRequestError('Could not reach Twofold.', 0, 'network');
  }
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as Partial<ApiError> | null;
  const retryAfter = Number(res.headers.get('Retry-After')) || null;
  const code = res.status === 429 ? 'rate_limited' : (body?.error?.code ?? 'unknown');
  throw new ApiRequestError(body?.error?.message ?? `HTTP ${res.status}`, res.status, code, retryAfter);
}
