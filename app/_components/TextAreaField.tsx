import { useId, type TextareaHTMLAttributes } from 'react';
import { fieldDirection } from '../_i18n/fieldDirection';
import { LengthLimitNote, limitNoteShown, useLengthLimit } from './LengthLimit';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  /** Counts down to `maxLength` near it and says what a paste lost (needs the `limits` messages). */
  countdown?: boolean;
}

/** TextField's multi-line sibling: a labelled textarea with hint and error wired for screen readers. */
export function TextAreaField({ label, hint, error, countdown = false, className = '', rows = 3, onChange, onPaste, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const limit = useLengthLimit(typeof rest.maxLength === 'number' ? rest.maxLength : Number.MAX_SAFE_INTEGER);
  const counting = countdown && typeof rest.maxLength === 'number';
  // A controlled field's value is the truth (it may start filled in).
  const limitState = typeof rest.value === 'string' ? { ...limit.state, length: rest.value.length } : limit.state;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const limitId = counting && limitNoteShown(limitState) ? `${id}-limit` : undefined;
  return (
    <div className={`flex flex-col gap-2 ${className}`}>
      <label htmlFor={id} className="text-base font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        aria-describedby={[hintId, limitId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        className={`w-full rounded-xl border bg-card px-4 py-3 text-lg leading-relaxed text-ink placeholder:text-muted ${error ? 'border-warn' : 'border-muted'}`}
        onChange={(e) => {
          if (counting) limit.track(e.target.value);
          onChange?.(e);
        }}
        onPaste={(e) => {
          if (counting) limit.onPaste(e);
          onPaste?.(e);
        }}
        {...rest}
        dir={fieldDirection(rest.dir, rest.value)}
      />
      {counting && <LengthLimitNote id={`${id}-limit`} state={limitState} />}
      {error && (
        <p id={errorId} className="text-base text-warn">
          {error}
        </p>
      )}
    </div>
  );
}
