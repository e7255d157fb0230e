'use client';

import { useState } from 'react';

interface ReadyPanelProps {
  ready: boolean;
  partner: { name: string; ready: boolean } | null;
  /** Only while the exercise runs: the server takes "ready" for the step on screen. */
  enabled: boolean;
  onReady: (ready: boolean) => Promise<string | null>;
}

/**
 * The end of a private-first exercise: "I'm ready" when I have written what I
 * want to, with a way back ("Not ready yet") until my partner is ready too.
 * Big, because it is the one thing to do next.
 */
export function ReadyPanel({ ready, partner, enabled, onReady }: ReadyPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function toggle() {
    setBusy(true);
    setError(null);
    setError(await onReady(!ready));
    setBusy(false);
  }

  const partnerLine = !partner
    ? 'Your partner has not joined yet.'
    : partner.ready
      ? `${partner.name} is ready`
      : `${partner.name} is still writing`;

  return (
    <section aria-labelledby="ready-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-line bg-card p-5">
      <h2 id="ready-heading" className="text-xl font-semibold tracking-tight">
        {ready ? 'You’re ready' : 'Done writing?'}
      </h2>
      <p className="text-base leading-relaxed text-muted">
        {ready
          ? `${partner?.name ?? 'Your partner'} will see what you wrote once you are both ready. You can still change your mind.`
          : 'When you have written what you want to share with each other, tap below. Nothing is shown until you are both ready.'}
      </p>
      <button
        type="button"
        onClick={toggle}
        disabled={!enabled || busy}
        className={
          'min-h-14 w-full rounded-2xl px-5 text-xl font-semibold transition-colors disabled:cursor-not-allowed disabled:opacity-60 ' +
          (ready ? 'border border-muted bg-card text-ink hover:bg-paper' : 'bg-accent text-accent-ink hover:bg-accent-hover')
        }
      >
        {/* A straight apostrophe: it is what people (and tests) type when they look for this button. */}
        {ready ? 'Not ready yet' : "I'm ready"}
      </button>
      {/* Said aloud by the page's Announcer when it changes, not by a live region of its own. */}
      <p className="flex items-center gap-2 text-lg">
        <span aria-hidden="true">{partner?.ready ? '✓' : '…'}</span>
        {partnerLine}
      </p>
      {error && (
        <p role="alert" className="text-base text-warn">
          {error}
        </p>
      )}
    </section>
  );
}
