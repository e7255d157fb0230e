'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { StatusDot, type StatusTone } from '../../_components/StatusDot';

export interface StatusLine {
  tone: StatusTone;
  /** A node: a partner's name in it is isolated (<bdi>). */
  text: ReactNode;
}

interface StatusBarProps {
  connection: StatusLine;
  partner: StatusLine;
  /** The room's countdown, when there is one. */
  timer?: ReactNode;
  /** Lines that must stay in sight however far one scrolls: writing paused, time's up. */
  notices?: ReactNode;
  /** The exercise on screen; null in the lobby (no prompt yet). */
  prompt: { title: string; text: string } | null;
}

/**
 * Sticky at the top of the board: is my writing getting through, is my
 * partner here, how much time is left, and the exercise prompt one tap away
 * however far I scroll.
 */
export function StatusBar({ connection, partner, timer, notices, prompt }: StatusBarProps) {
  const t = useTranslations('board');
  const [open, setOpen] = useState(false);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="sticky top-0 z-20 border-b border-line bg-paper">
      <div className="mx-auto flex w-full max-w-xl items-center gap-3 px-4 py-1.5">
        <div className="flex min-w-0 flex-1 flex-col text-sm leading-snug">
          {/* Losing and regaining the connection is said by the page's Announcer; "is typing" flickers too often to read aloud. */}
          <StatusDot tone={connection.tone} label={connection.text} />
          <StatusDot tone={partner.tone} label={partner.text} />
        </div>
        {timer}
        {prompt && (
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((v) => !v)}
            className="min-h-11 shrink-0 rounded-xl border border-muted bg-card px-4 text-base font-semibold"
          >
            {open ? t('hidePrompt') : t('showPrompt')}
          </button>
        )}
      </div>
      {prompt && (
        <div id={panelId} hidden={!open} className="mx-auto w-full max-w-xl px-4 pb-4">
          <p dir="auto" className="text-base font-semibold">
            {prompt.title}
          </p>
          <p dir="auto" className="mt-1 text-base leading-relaxed">
            {prompt.text}
          </p>
        </div>
      )}
      {notices && <div className="mx-auto flex w-full max-w-xl flex-col gap-2 px-4 pb-2">{notices}</div>}
    </div>
  );
}
