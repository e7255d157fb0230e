import type { useTranslations } from 'next-intl';
import type { PublicWorkshopState } from '../../../lib/protocol';

type AnnounceT = ReturnType<typeof useTranslations<'announce'>>;

/** Where the facilitator's console is, in words for a screen reader: the lobby, which exercise the phones show, or the end. */
export function consolePlace(t: AnnounceT, state: PublicWorkshopState | null): string | null {
  if (!state) return null;
  if (state.phase === 'lobby') return t('consoleLobby', { workshop: state.title });
  if (state.phase === 'ended') return t('consoleEnded', { workshop: state.title });
  const item = state.agenda[state.step];
  return item ? t('consoleExercise', { number: state.step + 1, total: state.agenda.length, exercise: item.title }) : null;
}
