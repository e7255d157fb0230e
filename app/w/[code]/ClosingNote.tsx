'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { PhoneItem } from './phoneItem';

interface ClosingNoteProps {
  partnerName: string | null;
  agenda: PhoneItem[];
  /** The exercise being looked back at, or -1 when there is none. */
  shown: number;
  onShow: (index: number) => void;
}

/** After the end: thanks, and a quiet way to read back through every exercise (read-only). */
export function ClosingNote({ partnerName, agenda, shown, onShow }: ClosingNoteProps) {
  const t = useTranslations('board');
  const selectId = useId();
  return (
    <section aria-labelledby="closing-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-line bg-card p-5">
      <h2 id="closing-heading" className="text-2xl font-semibold tracking-tight">
        {t('closing.heading')}
      </h2>
      <p className="text-lg leading-relaxed">
        {partnerName ? t.rich('closing.bodyWithName', { name: partnerName, bdi }) : t('closing.body')}
      </p>
      {agenda.length > 1 && shown >= 0 && (
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-base font-semibold">
            {t('closing.lookBack')}
          </label>
          <select
            id={selectId}
            value={shown}
            onChange={(e) => onShow(Number(e.target.value))}
            className="min-h-12 w-full rounded-xl border border-muted bg-card px-3 text-base text-ink"
          >
            {agenda.map((item, i) => (
              <option key={item.key} value={i} dir="auto">
                {t('closing.option', { number: i + 1, title: item.title })}
              </option>
            ))}
          </select>
        </div>
      )}
    </section>
  );
}
