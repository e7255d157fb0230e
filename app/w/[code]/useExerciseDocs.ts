'use client';

import { useMemo } from 'react';
import type { BoardAccess, Seat } from '../../../lib/protocol';
import { privateDocName } from '../../../lib/protocol/boardDoc';
import { otherSeat } from '../../_lib/seatStyle';
import type { BoardTickets } from '../../_lib/boardTickets';
import { useBoard, type Board } from '../../_lib/useBoard';
import type { PhoneItem } from './phoneItem';

/** Where one exercise's entries live, as seen from this phone. */
export interface ExerciseDocs {
  /** Where my entries go: the shared board, or my private doc for a private-first exercise. */
  mine: Board | null;
  /**
   * Where my partner's entries can be read: the shared board, their private
   * doc once revealed, or null while it is still private.
   */
  theirs: Board | null;
}

function accessTo(board: BoardAccess, docName: string): BoardAccess {
  return { ...board, docName };
}

/**
 * Opens the private docs a private-first exercise needs, one provider each.
 * My own is kept on this phone (IndexedDB) like the shared board; my
 * partner's is opened only after the reveal (before it the server would
 * refuse it anyway), read-only, and never stored here.
 */
export function useExerciseDocs(
  shared: Board | null,
  board: BoardAccess,
  coupleId: string,
  seat: Seat,
  item: PhoneItem | null,
  revealed: boolean,
  hasPartner: boolean,
  tickets: BoardTickets,
): ExerciseDocs {
  const privateKey = item?.privateFirst ? item.key : null;
  const mineAccess = useMemo(
    () => (privateKey ? accessTo(board, privateDocName(coupleId, privateKey, seat)) : null),
    [board, coupleId, privateKey, seat],
  );
  const theirsAccess = useMemo(
    () => (privateKey && revealed && hasPartner ? accessTo(board, privateDocName(coupleId, privateKey, otherSeat(seat))) : null),
    [board, coupleId, privateKey, seat, revealed, hasPartner],
  );
  const myPrivate = useBoard(mineAccess, { tickets });
  const theirPrivate = useBoard(theirsAccess, { persist: false, tickets });

  if (!privateKey) return { mine: shared, theirs: shared };
  return { mine: myPrivate, theirs: theirPrivate };
}
