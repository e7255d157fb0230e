/**
 * GETs the page's HTML starts before any bundle has loaded (see
 * app/_components/EarlyGet.tsx), so the answer a page needs for its first
 * real paint is on its way while React downloads and hydrates. Each one is
 * taken once, by the first api() call for the same path and token; later
 * calls (retries) fetch afresh.
 */

interface EarlyRequest {
  token: string | null;
  response: Promise<Response>;
}

/** Where the inline script leaves its requests; the name is shared with EarlyGet's script. */
export const EARLY_GLOBAL = '__twofoldEarly';

export function takeEarlyRequest(path: string, token: string | null): Promise<Response> | null {
  if (typeof window === 'undefined') return null;
  const early = (window as unknown as Record<string, Record<string, EarlyRequest> | undefined>)[EARLY_GLOBAL];
  const request = early?.[path];
  if (!request) return null;
  delete early[path];
  return request.token === token ? request.response : null;
}
