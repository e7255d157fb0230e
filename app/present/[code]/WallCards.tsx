'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { ProjectorState } from '../../../lib/protocol';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';

/** Long enough to read a card twice from the back of the room. */
const PAGE_MS = 15_000;

/**
 * Entries couples shared and the facilitator approved, anonymous, as large
 * cards. When there are more than fit, they page through slowly; with
 * reduced motion the newest stay put instead.
 */
export function WallCards({ wall, perPage }: { wall: ProjectorState['wall']; perPage: number }) {
  const t = useTranslations('projector');
  const reduced = usePrefersReducedMotion();
  const pages = Math.max(1, Math.ceil(wall.length / perPage));
  const [page, setPage] = useState(0);
  const rotating = pages > 1 && !reduced;

  useEffect(() => {
    if (!rotating) return;
    const id = window.setInterval(() => setPage((p) => p + 1), PAGE_MS);
    return () => window.clearInterval(id);
  }, [rotating]);

  const shown = rotating ? wall.slice((page % pages) * perPage, (page % pages) * perPage + perPage) : wall.slice(-perPage).reverse();

  return (
    <section aria-label={t('wall')} className="flex min-h-0 flex-col gap-[2vh]">
      <h2 className="text-[2.6vh] font-semibold tracking-wide text-muted uppercase">
        {t('wall')}
        {rotating && <span className="ms-3 font-normal normal-case tabular-nums">{t('wallPage', { page: (page % pages) + 1, pages })}</span>}
      </h2>
      <ul className="flex min-h-0 flex-col gap-[2vh]">
        {shown.map((w) => (
          <li key={w.id} className="motion-safe:animate-[fadeIn_600ms_ease-out] rounded-[2vh] border border-line bg-card px-[2.4vh] py-[2vh]">
            <p dir="auto" className="line-clamp-4 text-[3.2vh] leading-snug break-words whitespace-pre-line">
              {w.text}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
