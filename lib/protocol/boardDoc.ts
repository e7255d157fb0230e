/**
 * Names of Yjs docs. A couple's board is one doc named `board.<coupleId>`;
 * couple ids are 128-bit random, so a doc name cannot be guessed.
 */
export const BOARD_DOC_PREFIX = 'board.';
const COUPLE_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export const boardDocName = (coupleId: string): string => `${BOARD_DOC_PREFIX}${coupleId}`;

/** Returns the couple id of a board doc name, or null if the name is not one. */
export function coupleIdFromDocName(docName: string): string | null {
  if (!docName.startsWith(BOARD_DOC_PREFIX)) return null;
  const id = docName.slice(BOARD_DOC_PREFIX.length);
  return COUPLE_ID_PATTERN.test(id) ? id : null;
}
