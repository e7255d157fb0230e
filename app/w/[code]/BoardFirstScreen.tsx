'use client';

import { useTranslations } from 'next-intl';
import { useMemo, type ReactNode } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { BoardFrame, RoomNotices } from './BoardFrame';
import { ExerciseHeading } from './ExerciseHeading';
import { LobbyHeading } from './LobbyHeading';
import { asPhoneItem } from './phoneItem';
import { saveStatusLine } from './saveStatusLine';
import { partnerLine } from './statusLines';
import type { SeatedMe } from './useMe';

/**
 * The board as it opens, from the room's public state the server rendered the page with: the
 * workshop's name, the lobby's heading or the exercise's title and prompt, in the frame and
 * places the live board uses (WorkshopScreen), so the phone paints them before any script runs
 * and nothing moves when the live board takes over. What belongs to the couple (who is here, the
 * entries) comes after hydration: it needs the participant's token, which only the phone holds.
 * Once /api/me has answered (`me`), the lobby says what comes next while the board's own code
 * (with the couple's rows and the pair card) still loads. A couple still without a partner
 * during an exercise gets the pair card above the exercise with the live board: that one moves.
 */
export function BoardFirstScreen({ state, me, languageMenu }: { state: PublicWorkshopState; me: SeatedMe | null; languageMenu: ReactNode }) {
  const t = useTranslations('board');
  const tSave = useTranslations('saveStatus');
  const agenda = useMemo(() => state.agenda.map(asPhoneItem), [state.agenda]);
  const item = state.phase === 'exercise' ? (agenda[state.step] ?? null) : null;
  const known = me?.couple.partner;
  const partner = known ? { name: known.name, seat: known.seat, online: null } : null;
  return (
    <BoardFrame
      workshopTitle={state.title}
      connection={saveStatusLine(tSave, 'connecting', 'connecting', true, null)}
      partner={me ? partnerLine(t, partner, false) : { tone: 'idle', text: t('opening') }}
      notices={<RoomNotices workshop={state} />}
      prompt={item ? { title: item.title, text: item.prompt } : null}
      languageMenu={languageMenu}
    >
      {/* The lobby's root as LobbyView has it; the couple's rows, the pair card and the agenda come under the words with the live board. */}
      {state.phase === 'lobby' && (
        <div className="flex flex-col gap-8">
          <LobbyHeading partnerHere={me ? partner !== null : undefined} />
        </div>
      )}
      {item && <ExerciseHeading index={state.step} total={agenda.length} title={item.title} prompt={item.prompt} />}
    </BoardFrame>
  );
}
