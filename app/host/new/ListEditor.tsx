'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { CompactButton } from '../../_components/CompactButton';
import { fieldDirection } from '../../_i18n/fieldDirection';
import type { FieldErrors } from './exerciseDraft';

/** Which list this is: its words (heading, "Column 1", "Add column") are in messages (hostNew.lists). */
export type ListName = 'columns' | 'areas' | 'stops' | 'questions';

interface ListEditorProps {
  list: ListName;
  hint?: string;
  labels: string[];
  min: number;
  max: number;
  /** Path prefix of this list in FieldErrors, e.g. "columns". */
  path: string;
  /** True when lines are objects ({id, label}): their errors sit at "<path>.<i>.label". */
  objects: boolean;
  errors: FieldErrors;
  onChange: (index: number, label: string) => void;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/** An editable list of short labels (columns, areas, stops, questions) with add and remove. */
export function ListEditor({ list, hint, labels, min, max, path, objects, errors, onChange, onAdd, onRemove }: ListEditorProps) {
  const t = useTranslations('hostNew.lists');
  const listRef = useRef<HTMLOListElement>(null);
  const listError = errors[path];

  function add() {
    onAdd();
    // Focus the new line once React has rendered it, so typing can start at once.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  }

  return (
    <fieldset className="flex flex-col gap-3 rounded-2xl border border-line p-4">
      <legend className="px-1 text-base font-semibold">{t('legend', { list })}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      <ol ref={listRef} className="flex flex-col gap-2">
        {labels.map((label, i) => {
          const error = errors[objects ? `${path}.${i}.label` : `${path}.${i}`];
          const errorId = `${path}-${i}-error`;
          return (
            <li key={i} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <input
                  aria-label={t('line', { list, number: i + 1 })}
                  dir={fieldDirection('auto', label)}
                  value={label}
                  maxLength={80}
                  onChange={(e) => onChange(i, e.target.value)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  className={`min-h-11 min-w-0 flex-1 rounded-lg border bg-card px-3 text-base text-ink ${error ? 'border-warn' : 'border-muted'}`}
                />
                <CompactButton
                  variant="quiet"
                  aria-disabled={labels.length <= min || undefined}
                  onClick={() => labels.length > min && onRemove(i)}
                >
                  {t.rich('remove', { list, number: i + 1, hidden: (chunks) => <span className="sr-only">{chunks}</span> })}
                </CompactButton>
              </div>
              {error && (
                <p id={errorId} className="text-sm text-warn">
                  {error}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {listError && <p className="text-sm text-warn">{listError}</p>}
      <CompactButton onClick={add} disabled={labels.length >= max} className="self-start">
        {t('add', { list })}
      </CompactButton>
      <p className="text-sm text-muted">{t('range', { list, min, max })}</p>
    </fieldset>
  );
}
