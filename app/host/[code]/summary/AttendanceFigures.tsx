import type { WorkshopSummary } from '../../../../lib/summary';

/** Each figure with what exactly it counts, so nobody has to guess what "joined" meant. */
const FIGURES: { key: keyof WorkshopSummary['attendance']; label: string; what: string }[] = [
  { key: 'couples', label: 'Couples', what: 'formed in the room' },
  { key: 'partnersJoined', label: 'Partners joined', what: 'seated in a couple' },
  { key: 'participants', label: 'People joined', what: 'everyone who entered a name' },
  { key: 'peakOnline', label: 'Peak online', what: 'most people online at once' },
];

export function AttendanceFigures({ attendance }: { attendance: WorkshopSummary['attendance'] }) {
  return (
    <section aria-labelledby="attendance-heading" className="flex flex-col gap-4">
      <h2 id="attendance-heading" className="text-2xl font-semibold tracking-tight">
        Attendance
      </h2>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4 print:grid-cols-4">
        {FIGURES.map((f) => (
          // dt before dd for screen readers ("Couples, 12"); flex-col-reverse puts the big number on top for the eye.
          <div key={f.key} className="flex flex-col-reverse justify-end gap-1 rounded-2xl border border-line bg-card px-5 py-4 break-inside-avoid">
            <dt className="text-base">
              <span className="font-semibold">{f.label}</span>
              <span className="block text-sm text-muted">{f.what}</span>
            </dt>
            <dd className="text-4xl font-semibold tabular-nums">{attendance[f.key]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
