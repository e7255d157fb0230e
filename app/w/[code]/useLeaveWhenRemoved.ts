'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { ServerToClientEvents } from '../../../lib/protocol';
import { ERROR_CODES } from '../../../lib/protocol/errors';
import { forgetLocalDocs, forgetRoomLocally } from '../../_lib/localBoardCopies';
import { forgetParticipant } from '../../_lib/storage';
import type { ControlSocket, ControlStatus } from '../../_lib/useControlSocket';

/** Why this phone left the board; the join page says it kindly (see app/join/[code]/leaveMessages.ts). */
type LeaveReason = Parameters<ServerToClientEvents['self:removed']>[0]['reason'];

/**
 * The facilitator can take someone off the list ('removed': the token is
 * dead, start over with a name) or undo a pairing ('unpaired': the token
 * still works, back to "who goes first?"); a partner can delete the board
 * ('deleted': both partners' names and tokens go with it, so the join page
 * starts over with a name). Either way this board is no longer theirs. After
 * a deletion the copies kept on this phone go too: deleted means deleted.
 */
export function useLeaveWhenRemoved(socket: ControlSocket | null, status: ControlStatus, code: string, localDocNames: string[]): void {
  const router = useRouter();
  // Read when the event comes, not when the listener is attached: the agenda may arrive later.
  const docsToClear = useRef(localDocNames);
  useEffect(() => {
    docsToClear.current = localDocNames;
  });
  // A deleted workshop also kills the token, so the reconnect after the event is refused as unknown
  // while the page is still leaving: the event, which knows why, must have the last word.
  const left = useRef(false);

  useEffect(() => {
    if (!socket) return;
    const onRemoved = ({ reason, by }: { reason: LeaveReason; by?: string }) => {
      left.current = true;
      if (reason === 'removed' || reason === 'deleted') forgetParticipant(code);
      // The IndexedDB copies go once this board's own connections close, which leaving the page does.
      if (reason === 'deleted') void forgetLocalDocs(docsToClear.current);
      // `by` (who did it) arrives from servers of this version; an older one's event goes without it.
      router.replace(`/join/${code}?left=${reason}${by ? `&by=${encodeURIComponent(by)}` : ''}`);
    };
    socket.on('self:removed', onRemoved);
    return () => {
      socket.off('self:removed', onRemoved);
    };
  }, [socket, code, router]);

  // Removed while this phone was away: the server no longer knows the token, which is the same story.
  // This phone can never sync that board again, so its copy goes too.
  const refusedAsUnknown = status.kind === 'refused' && status.code === ERROR_CODES.unauthorized;
  useEffect(() => {
    if (!refusedAsUnknown || left.current) return;
    void forgetRoomLocally(code);
    forgetParticipant(code);
    router.replace(`/join/${code}?left=removed`);
  }, [refusedAsUnknown, code, router]);
}
