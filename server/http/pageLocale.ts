import type { IncomingMessage } from 'node:http';
import { isRoomCode, normalizeCode } from '../../lib/codes';
import { localeCookieName, PAGE_LOCALE_HEADER, resolvePageLocale, type Locale, type LocaleScope } from '../../lib/i18n/locales';

export interface WorkshopLocales {
  /** The language of the workshop with this room code, or null if there is none. */
  ofRoom(code: string): Promise<Locale | null>;
  /** The language of the workshop a review secret belongs to, or null. */
  ofReview(secret: string): Promise<Locale | null>;
}

/** Pages that belong to one workshop: a phone's board, the join steps, the projector. */
const ROOM_PAGE = /^\/(?:w|join|present)\/([^/]{1,64})\/?$/;
const REVIEW_PAGE = /^\/review\/([A-Za-z0-9_-]{1,64})\/?$/;
const HOST_PAGE = /^\/host(?:\/|$)/;

function cookie(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

async function workshopOf(pathname: string, locales: WorkshopLocales): Promise<Locale | null> {
  const room = ROOM_PAGE.exec(pathname);
  if (room) {
    let code: string;
    try {
      code = normalizeCode(decodeURIComponent(room[1]));
    } catch {
      return null;
    }
    return isRoomCode(code) ? locales.ofRoom(code) : null;
  }
  const review = REVIEW_PAGE.exec(pathname);
  return review ? locales.ofReview(review[1]) : null;
}

/**
 * Tells the page render which language to use, in a request header Next.js reads
 * (app/_i18n/request.ts), the way the CSP nonce travels: the person's own choice (a cookie),
 * the workshop's language on the room's pages, the browser's languages, English. A header of
 * that name sent by the client is replaced. Addresses carry no locale: join links and QR codes
 * stay as short as they are.
 */
export async function setPageLocale(req: IncomingMessage, locales: WorkshopLocales): Promise<void> {
  const pathname = (req.url ?? '/').split('?')[0];
  const scope: LocaleScope = HOST_PAGE.test(pathname) ? 'host' : 'room';
  // A failed lookup only means the page speaks the person's language instead of the workshop's.
  const workshop = scope === 'room' ? await workshopOf(pathname, locales).catch(() => null) : null;
  const acceptLanguage = req.headers['accept-language'];
  req.headers[PAGE_LOCALE_HEADER] = resolvePageLocale({ scope, chosen: cookie(req, localeCookieName(scope)), workshop, acceptLanguage });
}
