import type { useTranslations } from 'next-intl';
import type { Board, BoardConnection } from '../../_lib/useBoard';
import type { StatusLine } from './StatusBar';

type SaveT = ReturnType<typeof useTranslations<'saveStatus'>>;

/**
 * Where this phone's writing stands, always one of three (docs/SPEC.md [R69]): saved (everything
 * came back from the server), saving (connected, an echo still to come), kept on this phone (not
 * connected, with changes the server has not confirmed). Said with the connection's state, which
 * alone decides the tone: a keystroke's Saving… → Saved is not a change of weather.
 */
export type SaveState = 'saved' | 'saving' | 'kept' | 'connecting';

export function saveStateOf(connection: BoardConnection, browserOnline: boolean, boards: (Board | null)[]): SaveState {
  const saved = boards.every((b) => b === null || b.saved);
  const connected = browserOnline && connection === 'connected';
  if (connected) return saved ? 'saved' : 'saving';
  if (connection === 'connecting' && browserOnline) return 'connecting';
  return saved ? 'saved' : 'kept';
}

/** The honest one-liner about whether my writing is stored, and whether it reaches my partner. */
export function saveStatusLine(t: SaveT, state: SaveState, connection: BoardConnection, browserOnline: boolean, closedMessage: string | null): StatusLine {
  if (closedMessage) return { tone: 'warn', text: t('notSyncing') };
  const connected = browserOnline && connection === 'connected';
  if (connected) return { tone: 'ok', text: t(state === 'saving' ? 'saving' : 'saved') };
  if (state === 'connecting') return { tone: 'idle', text: t('connecting') };
  const where = !browserOnline ? 'Offline' : 'Reconnecting';
  return { tone: 'warn', text: t(state === 'kept' ? `kept${where}` : `saved${where}`) };
}
