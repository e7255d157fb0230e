import type { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CLOSE_CODES } from '../../../lib/protocol/closeCodes';
import { bdi } from '../../_i18n/bdi';
import type { Board, BoardConnection } from '../../_lib/useBoard';
import type { ControlStatus } from '../../_lib/useControlSocket';
import type { StatusLine } from './StatusBar';

type BoardT = ReturnType<typeof useTranslations<'board'>>;

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

export function partnerLine(t: BoardT, partner: { name: string; online: boolean | null } | null, typing: boolean): StatusLine {
  if (!partner) return { tone: 'idle', text: t('status.waitingForPartner') };
  const name = partner.name;
  const say = (key: 'typing' | 'online' | 'offline' | 'with'): ReactNode => t.rich(`status.partner.${key}`, { name, bdi });
  if (typing) return { tone: 'ok', text: say('typing') };
  if (partner.online === true) return { tone: 'ok', text: say('online') };
  if (partner.online === false) return { tone: 'idle', text: say('offline') };
  return { tone: 'idle', text: say('with') };
}

/** Why the server closed the board for good, in words for the person holding the phone. */
export function closedBoardMessage(t: BoardT, code: number | null): string {
  switch (code) {
    case CLOSE_CODES.unauthorized:
      return t('closed.unauthorized');
    case CLOSE_CODES.boardTooLarge:
      return t('closed.tooLarge');
    default:
      return t('closed.other');
  }
}
