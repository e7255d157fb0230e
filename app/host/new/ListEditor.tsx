'use client';

import { useRef } from 'react';
import { CompactButton } from '../../_components/CompactButton';
import type { FieldErrors } from './exerciseDraft';

interface ListEditorProps {
  /** Heading of the list, e.g. "Columns". */
  legend: string;
  hint?: string;
  /** Name of one line, e.g. "Column": inputs are labelled "Column 1", "Column 2"… */
  noun: string;
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
export function ListEditor({ legend, hint, noun, labels, min, max, path, objects, errors, onChange, onAdd, onRemove }: ListEditorProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const listError = errors[path];

  function add() {
    onAdd();
    // Focus the new line once React has rendered it, so typing can start at once.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  }

  return (
    <fieldset className="flex flex-col gap-3 rounded-2xl border border-line p-4">
      <legend className="px-1 text-base font-semibold">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      <ol ref={listRef} className="flex flex-col gap-2">
        {labels.map((label, i) => {
          const error = errors[objects ? `${path}.${i}.label` : `${path}.${i}`];
          const errorId = `${path}-${i}-error`;
          return (
            <li key={i} className="flex flex-col gap-1">
              <div className="flex items-center gap-2">
                <input
                  aria-label={`${noun} ${i + 1}`}
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
                  Remove<span className="sr-only"> {noun.toLowerCase()} {i + 1}</span>
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
        Add {noun.toLowerCase()}
      </CompactButton>
      <p className="text-sm text-muted">
        {min === max ? `${min} ${legend.toLowerCase()}` : `${min} to ${max} ${legend.toLowerCase()}`}.
      </p>
    </fieldset>
  );
}
