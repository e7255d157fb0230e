import type { Seat } from './http';

/**
 * Names of Yjs docs. Couple ids are 128-bit random, so no doc name can be guessed.
 *   board.<coupleId>                      the couple's shared board (both partners write)
 *   private.<coupleId>.<itemKey>.<seat>   one partner's entries for a private-first
 *                                         exercise: only its author may open it until
 *                                         the exercise is revealed to the couple
 */
const BOARD_DOC_PREFIX = 'board.';
const PRIVATE_DOC_PREFIX = 'private.';
const COUPLE_ID = '[A-Za-z0-9_-]{22}';
const ITEM_KEY = '[a-z0-9-]{1,48}';
const BOARD_PATTERN = new RegExp(`^board\\.(${COUPLE_ID})$`);
const PRIVATE_PATTERN = new RegExp(`^private\\.(${COUPLE_ID})\\.(${ITEM_KEY})\\.([ab])$`);

type DocRef = { kind: 'board'; coupleId: string } | { kind: 'private'; coupleId: string; itemKey: string; seat: Seat };

export const boardDocName = (coupleId: string): string => `${BOARD_DOC_PREFIX}${coupleId}`;
export const privateDocName = (coupleId: string, itemKey: string, seat: Seat): string =>
  `${PRIVATE_DOC_PREFIX}${coupleId}.${itemKey}.${seat}`;

export function parseDocName(docName: string): DocRef | null {
  const board = BOARD_PATTERN.exec(docName);
  if (board) return { kind: 'board', coupleId: board[1] };
  const draft = PRIVATE_PATTERN.exec(docName);
  if (draft) return { kind: 'private', coupleId: draft[1], itemKey: draft[2], seat: draft[3] as Seat };
  return null;
}

/** The couple a doc belongs to, or null if the name is not one of ours. */
export function coupleIdFromDocName(docName: string): string | null {
  return parseDocName(docName)?.coupleId ?? null;
}
