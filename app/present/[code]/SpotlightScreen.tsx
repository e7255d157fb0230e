'use client';

import { useTranslations } from 'next-intl';
import type { PublicAgendaItem } from '../../../lib/catalogue/agenda';
import type { Spotlight } from '../../../lib/protocol';
import { bdi } from '../../_i18n/bdi';

/** Shorter entries read larger: a few words fill the wall, a long paragraph still fits on it. */
function sizeFor(text: string): string {
  const n = [...text].length;
  if (n <= 80) return 'text-[9vh] leading-[1.15]';
  if (n <= 200) return 'text-[6.5vh] leading-[1.2]';
  if (n <= 500) return 'text-[4.6vh] leading-snug';
  if (n <= 1000) return 'text-[3.4vh] leading-snug';
  return 'text-[2.6vh] leading-snug';
}

/**
 * One wall entry, large and alone, for the back of the room: what a couple agreed to share,
 * without names, and from which exercise. The facilitator brings the wall back from the console.
 */
export function SpotlightScreen({ spotlight, agenda }: { spotlight: Spotlight; agenda: PublicAgendaItem[] }) {
  const t = useTranslations('spotlight');
  const title = agenda.find((a) => a.key === spotlight.itemKey)?.title ?? null;
  return (
    <section aria-labelledby="spotlight-kicker" className="flex flex-1 flex-col justify-center gap-[4vh] px-[8vw] py-[8vh] motion-safe:animate-[fadeIn_600ms_ease-out]">
      <h1 id="spotlight-kicker" className="text-[3vh] font-semibold tracking-wide text-muted uppercase">
        {t('kicker')}
      </h1>
      <figure aria-label={t('region')} className="flex min-h-0 flex-col gap-[3vh] border-s-[1vh] border-accent ps-[4vw]">
        <blockquote>
          <p dir="auto" className={`${sizeFor(spotlight.text)} font-semibold break-words whitespace-pre-line`}>
            {spotlight.text}
          </p>
        </blockquote>
        {title && <figcaption className="text-[3vh] text-muted">{t.rich('from', { title, bdi })}</figcaption>}
      </figure>
    </section>
  );
}
