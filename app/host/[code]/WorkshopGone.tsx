'use client';

import Link from 'next/link';
import { useEffect, useRef, type ReactNode } from 'react';
import { buttonClasses } from '../../_components/Button';
import { Wordmark } from '../../_components/Wordmark';

/** A quiet full page for a workshop that is not here any more: a heading, a few words, the way home. */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // This page replaces the console or the summary in place: move focus so a screen reader says what happened.
  // The heading is not a control, so it shows no focus ring ("!" beats the global :focus-visible rule).
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-5 pt-10">
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-semibold tracking-tight focus-visible:outline-none!">
          {title}
        </h1>
        <div className="flex flex-col gap-3 text-lg leading-relaxed">{children}</div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <Link href="/" className={buttonClasses('secondary')}>
            Go to the home page
          </Link>
          <Link href="/host/new" className="inline-flex min-h-12 items-center text-lg font-semibold text-accent underline underline-offset-4">
            Host another workshop
          </Link>
        </div>
      </main>
    </div>
  );
}

/** Right after "Yes, delete everything" went through. */
export function WorkshopDeleted({ title }: { title: string }) {
  return (
    <Quiet title="Deleted">
      <p>
        {title ? <>“{title}” is</> : 'The workshop is'} gone from Twofold for good: every couple’s board, the room wall and the session
        summary. Any phone still open in the room was told at once.
      </p>
      <p className="text-muted">Nothing of it is kept, and the private host link no longer opens anything.</p>
    </Quiet>
  );
}

/** The server no longer knows the room: deleted from another device, or past its keeping time. */
export function WorkshopNotHere() {
  return (
    <Quiet title="This workshop is no longer here">
      <p>
        It was deleted, from this device or another one, or the time you chose for keeping boards has passed. Either way, nothing of it
        is kept.
      </p>
    </Quiet>
  );
}
