import { useFormatter, useTranslations } from 'next-intl';
import { LanguageMenu } from '../../_components/LanguageMenu';
import { Wordmark } from '../../_components/Wordmark';
import type { ReviewData } from '../../../lib/review/reviewData';
import { PersonBadge } from './PersonBadge';
import { seated } from './reviewText';

/** What this is, whose, and when: the first thing on screen and on paper. */
export function ReviewHeader({ data }: { data: ReviewData }) {
  const t = useTranslations('review');
  const format = useFormatter();
  const { workshop, people } = data;
  const couple = seated(people);
  const names = couple.map((p) => <bdi key={p.seat}>{p.name}</bdi>);
  return (
    <header className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-4 print:hidden">
        <Wordmark />
        <div className="flex flex-wrap items-center gap-4">
          {/* On a phone the actions come after the board; this takes the reader there in one tap. */}
          <a href="#keep" className="inline-flex min-h-11 items-center rounded-lg text-base font-semibold text-accent underline-offset-4 hover:underline lg:hidden">
            {t('saveOrPrint')} <span aria-hidden="true">↓</span>
          </a>
          <LanguageMenu scope="room" />
        </div>
      </div>
      <div className="flex flex-col gap-3">
        <p className="text-base font-semibold text-muted print:hidden">{t('boardFrom')}</p>
        <h1 dir="auto" className="text-4xl font-semibold tracking-tight break-words sm:text-5xl print:text-3xl">
          {workshop.title}
        </h1>
        <p className="flex items-center gap-3 text-xl">
          <span aria-hidden="true" className="flex shrink-0 -space-x-1.5">
            {couple.map((p) => (
              <PersonBadge key={p.seat} name={p.name} seat={p.seat} size="md" />
            ))}
          </span>
          <span className="font-semibold break-words">{format.list(names, { type: 'conjunction' })}</span>
        </p>
        <p className="text-lg text-muted">
          <time dateTime={new Date(workshop.startedAt).toISOString()}>{format.dateTime(workshop.startedAt, { dateStyle: 'long' })}</time>
        </p>
      </div>
    </header>
  );
}
