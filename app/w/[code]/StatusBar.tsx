'use client';

import { useEffect, useId, useState } from 'react';
import { StatusDot, type StatusTone } from '../../_components/StatusDot';

export interface StatusLine {
  tone: StatusTone;
  text: string;
}

/**
 * Sticky at the top of the board: is my writing getting through, is my
 * partner here, and the exercise prompt one tap away however far I scroll.
 */
export function StatusBar({ connection, partner, promptTitle, prompt }: { connection: StatusLine; partner: StatusLine; promptTitle: string; prompt: string }) {
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
          {/* Only the connection is announced: "is typing" flickers too often to read aloud. */}
          <span role="status">
            <StatusDot tone={connection.tone} label={connection.text} />
          </span>
          <StatusDot tone={partner.tone} label={partner.text} />
        </div>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((v) => !v)}
          className="min-h-11 shrink-0 rounded-xl border border-muted bg-card px-4 text-base font-semibold"
        >
          {open ? 'Hide prompt' : 'Prompt'}
        </button>
      </div>
      <div id={panelId} hidden={!open} className="mx-auto w-full max-w-xl px-4 pb-4">
        <p className="text-base font-semibold">{promptTitle}</p>
        <p className="mt-1 text-base leading-relaxed">{prompt}</p>
      </div>
    </div>
  );
}
