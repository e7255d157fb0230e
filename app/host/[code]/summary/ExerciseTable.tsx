import type { WorkshopSummary } from '../../../../lib/summary';
import { minutesText, ofCouples } from './summaryText';

interface ExerciseTableProps {
  exercises: WorkshopSummary['exercises'];
  couples: number;
}

const cell = 'px-4 py-3 text-right whitespace-nowrap tabular-nums';
const head = 'px-4 py-3 font-semibold';

/**
 * One row per exercise on the agenda, in order: the time planned against the
 * time it was on screen, and how far couples got (wrote anything; both
 * tapped ready). Counts only: nothing any couple wrote.
 */
export function ExerciseTable({ exercises, couples }: ExerciseTableProps) {
  const planned = exercises.reduce((sum, e) => sum + e.plannedMinutes, 0);
  const run = exercises.filter((e) => e.actualMinutes !== null);
  const actual = run.reduce((sum, e) => sum + (e.actualMinutes ?? 0), 0);

  return (
    <section aria-labelledby="exercises-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="exercises-heading" className="text-2xl font-semibold tracking-tight">
          Exercises
        </h2>
        <p className="text-base text-muted">
          {run.length} of {exercises.length} run · actual time is how long each was on screen
        </p>
      </div>
      <div className="overflow-x-auto rounded-2xl border border-line bg-card">
        <table className="w-full border-collapse text-left text-base">
          <thead>
            <tr className="border-b border-line text-sm text-muted">
              <th scope="col" className={head}>
                Exercise
              </th>
              <th scope="col" className={`${head} text-right`}>
                Planned
              </th>
              <th scope="col" className={`${head} text-right`}>
                Actual
              </th>
              <th scope="col" className={`${head} text-right`}>
                Couples who wrote
              </th>
              <th scope="col" className={`${head} text-right`}>
                Couples both ready
              </th>
            </tr>
          </thead>
          <tbody>
            {exercises.map((e, i) => (
              <tr key={e.key} className="border-b border-line align-top break-inside-avoid">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="mr-2 text-muted tabular-nums">{i + 1}.</span>
                  <span className="font-semibold">{e.title}</span>
                </th>
                <td className={cell}>{minutesText(e.plannedMinutes)}</td>
                <td className={cell}>{e.actualMinutes === null ? <span className="text-muted italic">not run</span> : minutesText(e.actualMinutes)}</td>
                <td className={cell}>{ofCouples(e.couplesWrote, couples)}</td>
                <td className={cell}>{ofCouples(e.couplesBothReady, couples)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="font-semibold">
              <th scope="row" className="px-4 py-3 text-left">
                Total
              </th>
              <td className={cell}>{minutesText(planned)}</td>
              <td className={cell}>{run.length ? minutesText(Math.round(actual * 10) / 10) : <span className="font-normal text-muted italic">not run</span>}</td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
