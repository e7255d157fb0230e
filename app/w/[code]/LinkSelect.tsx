'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { EntryView } from '../../../lib/board/schema';
import { excerpt } from './exerciseModel';

/** On one of my linking entries (a need): which of my partner's entries (what they bring) meets it, if any. */
export function LinkSelect({
  label,
  partnerName,
  targets,
  value,
  disabled,
  onChange,
}: {
  /** "Met by what Sam brings" */
  label: string;
  partnerName: string;
  targets: EntryView[];
  value: string | null;
  disabled: boolean;
  onChange: (targetId: string | null) => void;
}) {
  const t = useTranslations('board');
  const id = useId();
  // Unwritten entries are not offered (there is nothing to recognise them by) unless already chosen.
  const options = targets.filter((target) => target.text.length > 0 || target.id === value);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        className="min-h-12 w-full rounded-xl border border-muted bg-card px-3 text-base text-ink disabled:opacity-70"
      >
        <option value="">{t('notLinked')}</option>
        {options.map((target) => (
          <option key={target.id} value={target.id} dir="auto">
            {excerpt(target.text.toString()) || t('notWrittenYet')}
          </option>
        ))}
      </select>
      {options.length === 0 && !disabled && <p className="text-sm text-muted">{t.rich('nothingToLink', { name: partnerName, bdi })}</p>}
    </div>
  );
}
