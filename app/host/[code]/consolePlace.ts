import type { PublicWorkshopState } from '../../../lib/protocol';
import { announcement } from '../../_lib/announcements';

/** Where the facilitator's console is, in words for a screen reader: the lobby, which exercise the phones show, or the end. */
export function consolePlace(state: PublicWorkshopState | null): string | null {
  if (!state) return null;
  if (state.phase === 'lobby') return announcement('consoleLobby', { workshop: state.title });
  if (state.phase === 'ended') return announcement('consoleEnded', { workshop: state.title });
  const item = state.agenda[state.step];
  return item ? announcement('consoleExercise', { number: state.step + 1, total: state.agenda.length, exercise: item.title }) : null;
}
