import { useTranslations } from 'next-intl';
import type { WorkshopSummary } from '../../../../lib/summary';

/** Each figure with what exactly it counts (summary.attendance.<key>.what), so nobody has to guess what "joined" meant. */
const FIGURES: (keyof WorkshopSummary['attendance'])[] = ['couples', 'partnersJoined', 'participants', 'peakOnline'];

export function AttendanceFigures({ attendance }: { attendance: WorkshopSummary['attendance'] }) {
  const t = useTranslations('summary.attendance');
  return (
    <section aria-labelledby="attendance-heading" className="flex flex-col gap-4">
      <h2 id="attendance-heading" className="text-2xl font-semibold tracking-tight">
        {t('heading')}
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
        {FIGURES.map((key) => (
          // dt before dd for screen readers ("Couples, 12"); flex-col-reverse puts the big number on top for the eye.
          <div key={key} className="flex flex-col-reverse justify-end gap-1 rounded-2xl border border-line bg-card px-5 py-4 break-inside-avoid">
            <dt className="text-base">
              <span className="font-semibold">{t(`${key}.label`)}</span>
              <span className="block text-sm text-muted">{t(`${key}.what`)}</span>
            </dt>
            <dd className="text-4xl font-semibold tabular-nums">{t('figure', { value: attendance[key] })}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
