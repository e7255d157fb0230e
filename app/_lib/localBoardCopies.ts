import type { MeResponse } from '../../lib/protocol';
import { boardDocName, coupleIdFromDocName, privateDocName } from '../../lib/protocol/boardDoc';
import { cacheMe, readCachedMe, readCachedWorkshop, roomsWithCachedMe } from './storage';

/**
 * The copies of a couple's board this device keeps: y-indexeddb stores each
 * Yjs doc in an IndexedDB database named after the doc. When the board is
 * deleted on the server, these go too — deleted means deleted, also here.
 */

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.deleteDatabase(name);
      // 'blocked' means a tab still has it open: the deletion goes ahead the moment that tab lets go.
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    } catch {
      resolve(); // no IndexedDB here (e.g. a private window that refuses it): nothing was kept
    }
  });
}

/**
 * Deletes these docs and every other doc of the same couples found on this
 * device (a private doc of an exercise this phone no longer has on its agenda,
 * say). Listing databases is not in every browser; the named docs go anyway.
 */
export async function forgetLocalDocs(docNames: readonly string[]): Promise<void> {
  const names = new Set(docNames);
  const couples = new Set(docNames.map(coupleIdFromDocName).filter((id): id is string => id !== null));
  if (couples.size > 0 && typeof indexedDB !== 'undefined' && typeof indexedDB.databases === 'function') {
    try {
      for (const db of await indexedDB.databases()) {
        const coupleId = db.name ? coupleIdFromDocName(db.name) : null;
        if (db.name && coupleId && couples.has(coupleId)) names.add(db.name);
      }
    } catch {
      // Listing failed: delete what we know by name.
    }
  }
  await Promise.all([...names].map(deleteDatabase));
}

/** Every doc name this device may hold for the couple of a cached /api/me answer. */
function docNamesOf(code: string, coupleId: string): string[] {
  const agenda = readCachedWorkshop(code)?.agenda ?? [];
  const privates = agenda.filter((item) => item.privateFirst).flatMap((item) => [privateDocName(coupleId, item.key, 'a'), privateDocName(coupleId, item.key, 'b')]);
  return [boardDocName(coupleId), ...privates];
}

/**
 * Caches a fresh /api/me answer. If this phone sat in another couple before
 * (its board was deleted or unpaired while the phone was away), that
 * couple's local copies are deleted first.
 */
export function rememberMe(code: string, me: MeResponse): void {
  const before = readCachedMe(code)?.couple?.id ?? null;
  if (before && before !== me.couple?.id) void forgetLocalDocs(docNamesOf(code, before));
  cacheMe(code, me);
}

/**
 * Forgets the couple this device sat in for a room, and deletes its local
 * copies: for a room whose workshop no longer exists, or a seat the server no
 * longer knows. The cache is updated at once (before the slower deletion), so
 * a caller may forget the participant right after without it coming back.
 */
export async function forgetRoomLocally(code: string): Promise<void> {
  const me = readCachedMe(code);
  if (!me?.couple) return;
  const names = docNamesOf(code, me.couple.id);
  cacheMe(code, { ...me, couple: null, board: null });
  await forgetLocalDocs(names);
}

function pathOf(url: string): string | null {
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/**
 * After deleting a board from its review page: if this device is the phone
 * that sat on that board (its cached /api/me carries this review link),
 * delete the local copies and forget the couple here too.
 */
export async function forgetBoardOfReviewLink(reviewPath: string): Promise<void> {
  const rooms = roomsWithCachedMe().filter((code) => {
    const me = readCachedMe(code);
    return me?.couple && me.reviewUrl && pathOf(me.reviewUrl) === reviewPath;
  });
  await Promise.all(rooms.map(forgetRoomLocally));
}
