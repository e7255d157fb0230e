'use client';

import { useId } from 'react';
import type { EntryView } from '../../../lib/board/schema';
import { excerpt } from './boardModel';

/** On one of my needs: which of my partner's "brings" meets it, if any. */
export function LinkSelect({
  partnerName,
  brings,
  value,
  onChange,
}: {
  partnerName: string;
  brings: EntryView[];
  value: string | null;
  onChange: (bringId: string | null) => void;
}) {
  const id = useId();
  // Unwritten brings are not offered (there is nothing to recognise them by) unless already chosen.
  const options = brings.filter((b) => b.text.length > 0 || b.id === value);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-base font-semibold">
        Met by what {partnerName} brings
      </label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
        className="min-h-12 w-full rounded-xl border border-muted bg-card px-3 text-base text-ink"
      >
        <option value="">Not linked yet</option>
        {options.map((b) => (
          <option key={b.id} value={b.id}>
            {excerpt(b.text.toString()) || '(not written yet)'}
          </option>
        ))}
      </select>
      {options.length === 0 && (
        <p className="text-sm text-muted">When {partnerName} adds what they bring, you can choose it here.</p>
      )}
    </div>
  );
}
