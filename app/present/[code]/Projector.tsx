'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PhoneOriginResponse, PublicWorkshopState } from '../../../lib/protocol';
import { LanguageMenu } from '../../_components/LanguageMenu';
import { useErrorText } from '../../_i18n/errorText';
import { usePhoneOrigin } from '../../_lib/usePhoneOrigin';
import { ExerciseScreen } from './ExerciseScreen';
import { FullscreenButton } from './FullscreenButton';
import { LobbyScreen } from './LobbyScreen';
import { SpotlightScreen } from './SpotlightScreen';
import { ThanksScreen } from './ThanksScreen';
import { TimeUpSound } from './TimeUpSound';
import { useProjector } from './useProjector';
import { useScreenAwake } from './useScreenAwake';

/** What the page's server render found for a room in its lobby (app/present/[code]/page.tsx). */
export interface RenderedLobby {
  state: PublicWorkshopState;
  phoneOrigin: PhoneOriginResponse | null;
  qr: { value: string; src: string } | null;
}

/**
 * The big screen: lobby (code and QR), the exercise with its countdown, and
 * "Thank you" at the end. 16:9 first, sized in viewport units so it reads
 * from the back of a room at any resolution. Nothing here is interactive for
 * the room; the facilitator drives it from the console.
 */
export function Projector({ code, rendered }: { code: string; rendered: RenderedLobby | null }) {
  const t = useTranslations('projector');
  const errorText = useErrorText();
  const { live, room, status } = useProjector(code);
  const { origin } = usePhoneOrigin(rendered?.phoneOrigin ?? null);
  useScreenAwake();

  const joinUrl = origin ? `${origin}/join/${code}` : '';
  // Until the live state comes, the lobby the server rendered (the wall read "connecting" before); other screens wait for the live state, whose clock the countdown needs.
  const state = live?.state ?? (rendered?.state.phase === 'lobby' ? rendered.state : undefined);

  let screen: ReactNode;
  if (status.kind === 'refused') {
    screen = <Message title={t('cannotShow')} detail={errorText(status.code)} />;
  } else if (!state) {
    screen = <Message title={t('connecting')} />;
  } else if (room?.spotlight && state.phase !== 'ended') {
    screen = <SpotlightScreen spotlight={room.spotlight} agenda={state.agenda} />;
  } else if (state.phase === 'lobby') {
    screen = <LobbyScreen state={state} room={room} joinUrl={joinUrl} qr={rendered?.qr ?? null} />;
  } else if (state.phase === 'exercise' && live) {
    screen = <ExerciseScreen state={state} offsetMs={live.offsetMs} room={room} />;
  } else {
    screen = <ThanksScreen state={state} room={room} />;
  }

  return (
    <main className="projector relative flex h-dvh w-full flex-col overflow-hidden bg-paper text-ink">
      {screen}
      <div className="absolute end-[2vw] top-[2vh] flex items-center gap-4">
        {/* What comes and goes (reconnecting, sound held back) sits beside the controls, out of their flow, so they never move when it appears: before them on a wide screen, under them on a narrow one. */}
        <div className="absolute end-0 top-full mt-2 flex w-max flex-col items-end gap-2 md:end-full md:top-1/2 md:me-4 md:mt-0 md:-translate-y-1/2 md:flex-row md:items-center md:gap-4">
          {(status.kind === 'reconnecting' || status.kind === 'connecting') && live && (
            <p role="status" className="rounded-full border border-line bg-card px-4 py-1.5 text-[1.8vh] text-muted">
              {t('reconnecting')}
            </p>
          )}
          {state && live && <TimeUpSound state={state} offsetMs={live.offsetMs} />}
        </div>
        <LanguageMenu scope="room" />
        <FullscreenButton />
      </div>
    </main>
  );
}

function Message({ title, detail }: { title: string; detail?: string }) {
  return (
    <div className="flex flex-1 flex-col items-center justify-center gap-[2vh] p-[5vh] text-center">
      <h1 className="text-[6vh] font-semibold">{title}</h1>
      {detail && <p className="text-[3vh] text-muted">{detail}</p>}
    </div>
  );
}
