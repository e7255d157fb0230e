'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { QuietPage } from '../../_components/QuietPage';

/** A quiet page for a workshop that is not here any more. */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QuietPage
      title={title}
      home="Go to the home page"
      more={
        <Link href="/host/new" className="inline-flex min-h-12 items-center text-lg font-semibold text-accent underline underline-offset-4">
          Host another workshop
        </Link>
      }
    >
      {children}
    </QuietPage>
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
