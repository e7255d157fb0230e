import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRoomCode, normalizeCode } from '../../lib/codes';
import { MISSING_PAGE_HEADER } from '../../lib/protocol/missingPageHeader';
import type { WorkshopLocales } from './pageLocale';

/** A room's pages (the host console's too, but not /host/new) and a review link. */
const ROOM_PAGE = /^\/(?:w|join|present|host)\/([^/]{1,64})\/?$/;
const REVIEW_PAGE = /^\/review\/([^/]{1,128})\/?$/;
const REVIEW_SECRET = /^[A-Za-z0-9_-]{43}$/;

/** Whether the page at this path names something that does not exist; null when the path is not such a page. */
async function isMissing(pathname: string, lookups: WorkshopLocales): Promise<boolean | null> {
  const room = ROOM_PAGE.exec(pathname);
  if (room && room[1] !== 'new') {
    let code: string;
    try {
      code = normalizeCode(decodeURIComponent(room[1]));
    } catch {
      return true;
    }
    return !isRoomCode(code) || (await lookups.ofRoom(code)) === null;
  }
  const review = REVIEW_PAGE.exec(pathname);
  if (review) return !REVIEW_SECRET.test(review[1]) || (await lookups.ofReview(review[1])) === null;
  return null;
}

/**
 * A wrong room code or review secret still gets its friendly page (rendered by Next.js as
 * before), but with the status 404 it is: crawlers, link checkers and monitoring see a missing
 * page, not a 200 ([R78]). Next.js writes 200 for those pages, so the status is swapped as the
 * head goes out. Document loads only: Next's client-side navigations (RSC requests) read a 404
 * as "reload the whole page", which would only load the same page twice. A failed lookup is not
 * a missing page: the status stays as Next.js sets it. The page is told too (MISSING_PAGE_HEADER),
 * so it does not look the code up again through the API.
 */
export async function sendMissingAs404(req: IncomingMessage, res: ServerResponse, lookups: WorkshopLocales): Promise<void> {
  delete req.headers[MISSING_PAGE_HEADER];
  if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.rsc !== undefined) return;
  const pathname = (req.url ?? '/').split('?')[0];
  const missing = await isMissing(pathname, lookups).catch(() => null);
  if (!missing) return;
  req.headers[MISSING_PAGE_HEADER] = '1';
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => writeHead(status === 200 ? 404 : status, ...rest)) as typeof res.writeHead;
}
