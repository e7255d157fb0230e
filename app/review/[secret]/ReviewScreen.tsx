'use client';

import { useTranslations } from 'next-intl';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import { BoardCouldNotOpen } from '../../_components/BoardCouldNotOpen';
import { forgetBoardOfReviewLink } from '../../_lib/localBoardCopies';
import { usePhoneOrigin } from '../../_lib/usePhoneOrigin';
import { BoardDeleted, BoardNotHere } from './BoardGone';
import { DeleteBoard } from './DeleteBoard';
import { ExerciseReview } from './ExerciseReview';
import { PrintPageRules } from './PrintPageRules';
import { ReviewActions } from './ReviewActions';
import { ReviewHeader } from './ReviewHeader';
import { useReview } from './useReview';

/**
 * On paper everything is black on white whatever the screen's theme: the
 * theme tokens are set to ink-on-paper values for print (partner colours
 * stay, darkened as in the light theme, for borders and initials).
 */
const printTokens =
  'print:[--color-ink:#000] print:[--color-muted:#333] print:[--color-paper:#fff] print:[--color-card:#fff] print:[--color-line:#999] ' +
  'print:[--color-partner-a:#0f6e6e] print:[--color-partner-b:#8a3d78] print:bg-white print:text-black';

/** /review/<secret>: the couple's whole board, to read calmly afterwards, keep, print, or delete. */
export function ReviewScreen({ secret }: { secret: string }) {
  const t = useTranslations('review');
  const state = useReview(secret);
  const [deleted, setDeleted] = useState(false);
  // The secret is in the path, so the page's own address is the link; any query or fragment is left off.
  const path = usePathname().replace(/\/$/, '');
  const { origin } = usePhoneOrigin();

  const ready = state.kind === 'ready' ? state.data : null;
  const partnerName = ready?.people.find((p) => p.seat !== ready.viewer)?.name ?? null;
  const title = ready?.workshop.title ?? null;
  useEffect(() => {
    // The tab (and a printout's header, where the browser adds one) names the workshop, not the link.
    if (title) document.title = t('documentTitle', { title });
  }, [title, t]);

  if (deleted) return <BoardDeleted partnerName={partnerName} />;
  if (state.kind === 'gone') return <BoardNotHere />;
  if (state.kind === 'loading') {
    return (
      <p role="status" className="mx-auto max-w-xl px-5 py-10 text-lg text-muted">
        {t('opening')}
      </p>
    );
  }
  if (state.kind === 'problem') {
    return <BoardCouldNotOpen message={state.message} retry={state.retry} />;
  }

  const { data } = state;
  return (
    <div className={`min-h-dvh ${printTokens}`}>
      <PrintPageRules title={data.workshop.title} />
      <div className="mx-auto grid w-full max-w-6xl grid-cols-1 gap-10 px-5 py-6 sm:px-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:gap-x-16 lg:py-10 print:block print:p-0">
        <div className="flex min-w-0 flex-col gap-10 lg:col-start-1">
          <ReviewHeader data={data} />
          <main className="flex max-w-2xl flex-col gap-10 print:max-w-none print:gap-6">
            {data.exercises.map((exercise, i) => (
              <ExerciseReview key={exercise.key} exercise={exercise} index={i} total={data.exercises.length} people={data.people} viewer={data.viewer} />
            ))}
          </main>
        </div>
        {/* After the board on a phone (reading comes first); beside it, in sight, on a laptop. */}
        <div className="lg:col-start-2 lg:row-start-1">
          <div className="lg:sticky lg:top-8">
            <ReviewActions path={path} url={origin + path} title={data.workshop.title} retentionDays={data.workshop.retentionDays} />
          </div>
        </div>
        <div className="max-w-2xl lg:col-start-1">
          <DeleteBoard
            secret={secret}
            partnerName={partnerName}
            onDeleted={() => {
              setDeleted(true);
              void forgetBoardOfReviewLink(path);
            }}
          />
        </div>
      </div>
    </div>
  );
}
