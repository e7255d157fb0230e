import { plural } from '../../_lib/plural';

/** Before anyone types a word: how long their board is kept, and that they can end it sooner ([R36]). */
export function RetentionNote({ days }: { days: number }) {
  return (
    <p className="flex gap-2 text-base leading-relaxed text-muted">
      <ClockIcon />
      <span>
        Your board is kept for {plural(days, 'day', 'days')} after the workshop, then deleted. You can delete it sooner.
      </span>
    </p>
  );
}

function ClockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-1 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}
