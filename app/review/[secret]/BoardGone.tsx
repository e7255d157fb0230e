'use client';

import Link from 'next/link';
import { useEffect, useRef, type ReactNode } from 'react';
import { buttonClasses } from '../../_components/Button';
import { Wordmark } from '../../_components/Wordmark';

/** A quiet full page for a board that is not here (any more): a heading, a few words, the way home. */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Arriving here after a deletion replaces the whole page: move focus so a screen reader says so.
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-5 pt-10">
        <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-semibold tracking-tight focus:outline-hidden">
          {title}
        </h1>
        <div className="flex flex-col gap-3 text-lg leading-relaxed">{children}</div>
        <Link href="/" className={buttonClasses('secondary', 'self-start')}>
          Go to Twofold
        </Link>
      </main>
    </div>
  );
}

/** 404: an unknown link, or a board one of the partners deleted, or one past its keeping time. */
export function BoardNotHere() {
  return (
    <Quiet title="This board is no longer here">
      <p>
        The link does not open a board any more. One of you may have deleted it, or the time the facilitator chose for keeping boards
        has passed. Either way, nothing of it is kept.
      </p>
      <p className="text-muted">If you typed or copied the link by hand, check that it is complete.</p>
    </Quiet>
  );
}

/** Right after "Delete for good" went through. */
export function BoardDeleted({ partnerName }: { partnerName: string | null }) {
  return (
    <Quiet title="Your board is deleted">
      <p>
        Everything you and {partnerName ?? 'your partner'} wrote is gone from Twofold for good, and neither of your links opens it any
        more.
      </p>
      <p className="text-muted">
        Anything you downloaded or printed stays yours: it lives wherever you saved it. Thank you for taking part.
      </p>
    </Quiet>
  );
}
