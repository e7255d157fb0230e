import { Wordmark } from '../../_components/Wordmark';
import type { ReviewData } from '../../../lib/review/reviewData';
import { PersonBadge } from './PersonBadge';
import { coupleNames, dateText } from './reviewText';

/** What this is, whose, and when: the first thing on screen and on paper. */
export function ReviewHeader({ data }: { data: ReviewData }) {
  const { workshop, people } = data;
  const seated = [...people].sort((x, y) => x.seat.localeCompare(y.seat));
  return (
    <header className="flex flex-col gap-6">
      <div className="flex items-center justify-between gap-4 print:hidden">
        <Wordmark />
        {/* On a phone the actions come after the board; this takes the reader there in one tap. */}
        <a href="#keep" className="inline-flex min-h-11 items-center rounded-lg text-base font-semibold text-accent underline-offset-4 hover:underline lg:hidden">
          Save or print <span aria-hidden="true">↓</span>
        </a>
      </div>
      <div className="flex flex-col gap-3">
        <p className="text-base font-semibold text-muted print:hidden">Your board from</p>
        <h1 className="text-4xl font-semibold tracking-tight break-words sm:text-5xl print:text-3xl">{workshop.title}</h1>
        <p className="flex items-center gap-3 text-xl">
          <span aria-hidden="true" className="flex shrink-0 -space-x-1.5">
            {seated.map((p) => (
              <PersonBadge key={p.seat} name={p.name} seat={p.seat} size="md" />
            ))}
          </span>
          <span className="font-semibold break-words">{coupleNames(people)}</span>
        </p>
        <p className="text-lg text-muted">
          <time dateTime={new Date(workshop.startedAt).toISOString()}>{dateText(workshop.startedAt)}</time>
        </p>
      </div>
    </header>
  );
}
