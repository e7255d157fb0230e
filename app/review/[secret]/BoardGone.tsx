'use client';

import type { ReactNode } from 'react';
import { QuietPage } from '../../_components/QuietPage';

/** A quiet page for a board that is not here (any more). */
function Quiet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <QuietPage title={title} home="Go to Twofold">
      {children}
    </QuietPage>
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
