'use client';

import { useTranslations } from 'next-intl';
import type { WorkshopSummary } from '../../../../lib/summary';
import { useSummaryText } from './summaryText';

interface ExerciseTableProps {
  exercises: WorkshopSummary['exercises'];
  couples: number;
}

const cell = 'px-4 py-3 text-end whitespace-nowrap tabular-nums';
const head = 'px-4 py-3 font-semibold';

/**
 * One row per exercise on the agenda, in order: the time planned against the
 * time it was on screen, and how far couples got (wrote anything; both
 * tapped ready). Counts only: nothing any couple wrote.
 */
export function ExerciseTable({ exercises, couples }: ExerciseTableProps) {
  const t = useTranslations('summary.exercises');
  const pauseT = useTranslations('pause');
  const text = useSummaryText();
  const planned = exercises.reduce((sum, e) => sum + e.plannedMinutes, 0);
  const run = exercises.filter((e) => e.actualMinutes !== null);
  const actual = run.reduce((sum, e) => sum + (e.actualMinutes ?? 0), 0);

  return (
    <section aria-labelledby="exercises-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="exercises-heading" className="text-2xl font-semibold tracking-tight">
          {t('heading')}
        </h2>
        <p className="text-base text-muted">{t('lead', { run: run.length, total: exercises.length })}</p>
      </div>
      <div className="overflow-x-auto rounded-2xl border border-line bg-card">
        <table className="w-full border-collapse text-start text-base">
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className={`${head} text-start`}>
                {t('exercise')}
              </th>
              <th scope="col" className={`${head} text-end`}>
                {t('planned')}
              </th>
              <th scope="col" className={`${head} text-end`}>
                {t('actual')}
              </th>
              <th scope="col" className={`${head} text-end`}>
                {t('wrote')}
              </th>
              <th scope="col" className={`${head} text-end`}>
                {t('bothReady')}
              </th>
              <th scope="col" className={`${head} text-end`}>
                {pauseT('summaryColumn')}
              </th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((e, i) => (
              <tr key={e.key} className="border-b border-line align-top break-inside-avoid">
                <th scope="row" className="px-4 py-3 text-start font-normal">
                  <span className="me-2 text-muted tabular-nums">{t('number', { number: i + 1 })}</span>
                  <bdi className="font-semibold">{e.title}</bdi>
                </th>
                <td className={cell}>{text.minutes(e.plannedMinutes)}</td>
                <td className={cell}>{e.actualMinutes === null ? <span className="text-muted italic">{t('notRun')}</span> : text.minutes(e.actualMinutes)}</td>
                <td className={cell}>{text.ofCouples(e.couplesWrote, couples)}</td>
                <td className={cell}>{text.ofCouples(e.couplesBothReady, couples)}</td>
                <td className={cell}>{e.pauses ?? 0}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="px-4 py-3 text-start">
                {t('total')}
              </th>
              <td className={cell}>{text.minutes(planned)}</td>
              <td className={cell}>{run.length ? text.minutes(Math.round(actual * 10) / 10) : <span className="font-normal text-muted italic">{t('notRun')}</span>}</td>
              <td colSpan={3} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
