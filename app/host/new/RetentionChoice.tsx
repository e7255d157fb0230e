'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { RETENTION_DAYS, type RetentionDays } from '../../../lib/retentionPolicy';

interface RetentionChoiceProps {
  value: RetentionDays;
  onChange: (days: RetentionDays) => void;
}

/**
 * How long Twofold keeps the couples' boards after the workshop: four
 * native radios (arrow keys move between them), drawn as one row of tiles so
 * the choice reads at a glance. The fieldset carries role=radiogroup and is
 * named by its legend, so it is announced as the choice it is.
 */
export function RetentionChoice({ value, onChange }: RetentionChoiceProps) {
  const t = useTranslations('hostNew.retention');
  const id = useId();
  const legendId = `${id}-legend`;
  const hintId = `${id}-hint`;
  return (
    <fieldset role="radiogroup" aria-labelledby={legendId} aria-describedby={hintId} className="flex flex-col gap-2">
      <legend id={legendId} className="mb-2 text-base font-semibold">
        {t('legend')}
      </legend>
      <div className="grid grid-cols-4 gap-2">
        {RETENTION_DAYS.map((days) => (
          <label
            key={days}
            className="flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-xl border border-muted bg-card px-2 text-base has-[:checked]:border-accent has-[:checked]:bg-paper has-[:checked]:font-semibold has-[:checked]:ring-1 has-[:checked]:ring-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ink"
          >
            {/* The tile shows focus instead of the small dot, so the outline is where the eye is ("!" beats the global :focus-visible rule). */}
            <input
              type="radio"
              name={`${id}-retention`}
              value={days}
              checked={value === days}
              onChange={() => onChange(days)}
              className="size-4 shrink-0 accent-accent focus-visible:outline-none!"
            />
            <span className="whitespace-nowrap">{t('days', { days })}</span>
          </label>
        ))}
      </div>
      <p id={hintId} className="text-sm text-muted">
        {t('hint')}
      </p>
    </fieldset>
  );
}
