import { CLOSE_CODES } from '../../../lib/protocol/closeCodes';
import type { Board, BoardConnection } from '../../_lib/useBoard';
import type { ControlStatus } from '../../_lib/useControlSocket';
import type { StatusLine } from './StatusBar';

const SEVERITY: Record<BoardConnection, number> = { connected: 0, connecting: 1, reconnecting: 2, closed: 3 };

/**
 * One honest state for everything this phone writes through: the boards it
 * writes into and the control connection (which carries the exercise, the
 * countdown and "ready"). The weakest link is what the person needs to know.
 */
export function overallConnection(boards: (Board | null)[], control: ControlStatus): BoardConnection {
  let worst: BoardConnection = 'connected';
  for (const board of boards) {
    const state = board?.connection ?? 'connecting';
    if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  }
  const controlState: BoardConnection = control.kind === 'connected' ? 'connected' : control.kind === 'connecting' ? 'connecting' : 'reconnecting';
  return SEVERITY[controlState] > SEVERITY[worst] ? controlState : worst;
}

/** The honest one-liner about whether my writing reaches my partner. */
export function connectionLine(connection: BoardConnection, browserOnline: boolean, closedMessage: string | null): StatusLine {
  if (closedMessage) return { tone: 'warn', text: 'Not syncing' };
  if (!browserOnline) return { tone: 'warn', text: 'Offline — your changes are kept on this phone' };
  if (connection === 'connected') return { tone: 'ok', text: 'Connected' };
  if (connection === 'reconnecting') return { tone: 'warn', text: 'Reconnecting… your changes are kept on this phone' };
  return { tone: 'idle', text: 'Connecting…' };
}

export function partnerLine(partner: { name: string; online: boolean | null } | null, typing: boolean): StatusLine {
  if (!partner) return { tone: 'idle', text: 'Waiting for your partner' };
  if (typing) return { tone: 'ok', text: `${partner.name} is typing…` };
  if (partner.online === true) return { tone: 'ok', text: `${partner.name} is online` };
  if (partner.online === false) return { tone: 'idle', text: `${partner.name} is offline` };
  return { tone: 'idle', text: `With ${partner.name}` };
}

/** Why the server closed the board for good, in words for the person holding the phone. */
export function closedBoardMessage(code: number | null): string {
  switch (code) {
    case CLOSE_CODES.unauthorized:
      return 'This phone’s seat is no longer known to the workshop, so your board cannot sync.';
    case CLOSE_CODES.boardTooLarge:
      return 'Your board has reached its size limit, so new changes cannot be saved. Try shortening or deleting an entry.';
    default:
      return 'This board cannot be opened from this phone. Your changes so far are kept here.';
  }
}
