import { headers } from 'next/headers';
import type { PhoneOriginResponse, PublicWorkshopState, WorkshopPublic } from '../../lib/protocol';
import { MISSING_PAGE_HEADER } from '../../lib/protocol/missingPageHeader';

/**
 * What a room's page needs for its first screen, asked on the server while it renders, so the
 * phone paints the workshop before any script has run. It goes through the same public API a
 * phone uses (docs/API.md), on this machine's loopback address at the port the request came in
 * on: never to the host the request names, which a client chooses. Nothing private is asked
 * (no token: that stays on the phone). Any failure, or an answer slower than FIRST_SCREEN_TIMEOUT_MS,
 * returns null and the page loads its data in the browser as it always has.
 */
const FIRST_SCREEN_TIMEOUT_MS = 400;

async function loopbackGet(path: string): Promise<unknown> {
  const list = await headers();
  // The server has already found that this room does not exist: asking again would only count a wrong code against itself.
  if (list.get(MISSING_PAGE_HEADER) === '1') return null;
  const port = portOf(list.get('host') ?? '');
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(FIRST_SCREEN_TIMEOUT_MS),
    });
    return res.ok ? await res.json() : null;
  } catch {
    return null;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** GET /api/workshops/{code}: title, status, keeping time, language. */
export async function workshopForFirstScreen(code: string): Promise<WorkshopPublic | null> {
  const body = await loopbackGet(`/api/workshops/${code}`);
  if (!isObject(body) || body.code !== code || typeof body.title !== 'string' || typeof body.retentionDays !== 'number') return null;
  return body as unknown as WorkshopPublic;
}

/** GET /api/workshops/{code}/state: what the room's projector is sent, the agenda and where the room is in it. */
export async function roomStateForFirstScreen(code: string): Promise<PublicWorkshopState | null> {
  const body = await loopbackGet(`/api/workshops/${code}/state`);
  if (!isObject(body) || body.code !== code || typeof body.title !== 'string' || typeof body.step !== 'number' || !Array.isArray(body.agenda)) return null;
  return body as unknown as PublicWorkshopState;
}

const portOf = (host: string) => /:(\d{1,5})$/.exec(host)?.[1] ?? '80';
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d{1,5})?$/i;

/**
 * GET /api/network: the origin phones open ([R76]). Asked from loopback, the server answers as it
 * would a page opened on localhost; kept only where that is this page's own answer too (a
 * PUBLIC_URL, a page opened on loopback, or the same host), else the browser asks for itself.
 */
export async function phoneOriginForFirstScreen(): Promise<PhoneOriginResponse | null> {
  const body = await loopbackGet('/api/network');
  if (!isObject(body) || typeof body.phoneOrigin !== 'string' || typeof body.reach !== 'string') return null;
  const answer = body as unknown as PhoneOriginResponse;
  const host = (await headers()).get('host') ?? '';
  let answerHost: string;
  try {
    answerHost = new URL(answer.phoneOrigin).host;
  } catch {
    return null;
  }
  const same = answer.reach === 'public_url' || answerHost === host || (answer.reach === 'network' && LOOPBACK_HOST.test(host));
  return same ? answer : null;
}
