import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { RoomNoteLine } from './RoomNoteLine';
import { StatusBar, type StatusLine } from './StatusBar';
import { StickyNotice } from './StickyNotice';

interface BoardFrameProps {
  workshopTitle: string;
  connection: StatusLine;
  partner: StatusLine;
  timer?: ReactNode;
  notices: ReactNode;
  prompt: { title: string; text: string } | null;
  /** The language menu, rendered by the page on the server (see app/w/[code]/page.tsx). */
  languageMenu: ReactNode;
  children: ReactNode;
}

/**
 * The board's frame: the sticky status bar, the workshop's name and the language menu, the
 * content under them. One component for the server-rendered first screen and the live board,
 * so nothing moves when the one takes over from the other.
 */
export function BoardFrame({ workshopTitle, connection, partner, timer, notices, prompt, languageMenu, children }: BoardFrameProps) {
  return (
    <>
      <StatusBar connection={connection} partner={partner} timer={timer} notices={notices} prompt={prompt} />
      <div className="mx-auto flex w-full max-w-xl flex-col gap-8 px-4 pt-5 pb-[40vh]">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 dir="auto" className="text-base font-semibold text-muted">
            {workshopTitle}
          </h1>
          {languageMenu}
        </div>
        {children}
      </div>
    </>
  );
}

/** The lines the status bar keeps in sight for the whole room: writing paused or over, the facilitator's note, time's up. */
export function RoomNotices({ workshop, timesUp = false, onDismiss }: { workshop: PublicWorkshopState | null; timesUp?: boolean; onDismiss?: () => void }) {
  const t = useTranslations('board');
  const ended = workshop?.phase === 'ended';
  return (
    <>
      {ended ? <StickyNotice>{t('ended')}</StickyNotice> : workshop?.locked ? <StickyNotice>{t('paused')}</StickyNotice> : null}
      <RoomNoteLine note={workshop?.note ?? null} />
      {timesUp && !ended && <StickyNotice onDismiss={onDismiss}>{t('timesUp')}</StickyNotice>}
    </>
  );
}
