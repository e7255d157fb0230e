import { isLocale, localeCookieName, type Locale, type LocaleScope } from '../../lib/i18n/locales';
import type { MeResponse, PublicWorkshopState } from '../../lib/protocol';

/**
 * Everything this app keeps in localStorage, in one place. Reads and writes
 * never throw: storage can be disabled (private browsing, strict settings),
 * and losing it only means typing a name again, not losing the board.
 * The key strings are what devices already hold: never change them.
 */
const CACHED_ME_PREFIX = 'twofold:me:';
const keys = {
  token: (code: string) => `twofold:token:${code}`,
  hostKey: (code: string) => `twofold:host:${code}`,
  me: (code: string) => `${CACHED_ME_PREFIX}${code}`,
  workshop: (code: string) => `twofold:workshop:${code}`,
  myExercises: 'twofold:my-exercises',
  locale: (scope: LocaleScope) => `twofold:locale:${scope}`,
};

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** False when the browser refused (storage disabled or full). */
function write(key: string, value: string | null): boolean {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    return true;
  } catch {
    // Storage unavailable: the session still works until the tab closes.
    return false;
  }
}

export const readToken = (code: string) => read(keys.token(code));
/** The key itself, for the page head's early /api/me (EarlyGet), which runs before any bundle. */
export const tokenStorageKey = (code: string) => keys.token(code);
export const saveToken = (code: string, token: string) => write(keys.token(code), token);
export function forgetParticipant(code: string): void {
  write(keys.token(code), null);
  write(keys.me(code), null);
  write(keys.workshop(code), null);
}

export const readHostKey = (code: string) => read(keys.hostKey(code));
export const saveHostKey = (code: string, hostKey: string) => write(keys.hostKey(code), hostKey);
/** After the workshop was deleted: the key opens nothing any more, and keeping it would bring back a confusing page. */
export const forgetHostKey = (code: string) => write(keys.hostKey(code), null);

/** A facilitator's own exercises (JSON), kept on their device; see app/host/new/myExercises.ts. */
export const MY_EXERCISES_KEY = keys.myExercises;
export const readMyExercisesJson = () => read(keys.myExercises);
export const saveMyExercisesJson = (json: string) => write(keys.myExercises, json);

/** The last /api/me answer, so a reload without network can still open the board from IndexedDB. */
export function readCachedMe(code: string): MeResponse | null {
  const raw = read(keys.me(code));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as MeResponse;
  } catch {
    return null;
  }
}
export const cacheMe = (code: string, me: MeResponse) => write(keys.me(code), JSON.stringify(me));

/** The room codes this device holds a cached /api/me answer for. */
export function roomsWithCachedMe(): string[] {
  try {
    return Object.keys(window.localStorage)
      .filter((key) => key.startsWith(CACHED_ME_PREFIX))
      .map((key) => key.slice(CACHED_ME_PREFIX.length));
  } catch {
    return [];
  }
}

/** The last 'workshop:state' a phone saw, so a board opened without network still knows its exercise. */
export function readCachedWorkshop(code: string): PublicWorkshopState | null {
  const raw = read(keys.workshop(code));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as PublicWorkshopState;
  } catch {
    return null;
  }
}
export const cacheWorkshop = (code: string, state: PublicWorkshopState) => write(keys.workshop(code), JSON.stringify(state));

/** A year: a person's language is theirs until they pick another. */
const LOCALE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;

/**
 * A person's own language for their screens of one scope (lib/i18n/locales.ts), kept on this
 * device: in localStorage, and in a cookie so the server renders the next page in it at once.
 */
export function readLocaleChoice(scope: LocaleScope): Locale | null {
  const saved = read(keys.locale(scope));
  return isLocale(saved) ? saved : null;
}
export function saveLocaleChoice(scope: LocaleScope, locale: Locale): void {
  write(keys.locale(scope), locale);
  writeLocaleCookie(scope, locale);
}
/** The cookie alone, from the stored choice (a cleared cookie, a choice older than the cookie). */
export function writeLocaleCookie(scope: LocaleScope, locale: Locale): void {
  document.cookie = `${localeCookieName(scope)}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; SameSite=Lax`;
}
export const hasLocaleCookie = (scope: LocaleScope) => document.cookie.split(';').some((c) => c.trim().startsWith(`${localeCookieName(scope)}=`));
