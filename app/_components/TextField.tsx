import { useId, type InputHTMLAttributes } from 'react';
import { fieldDirection } from '../_i18n/fieldDirection';
import { LengthLimitNote, limitNoteShown, useLengthLimit } from './LengthLimit';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  /** Large, spaced, monospace-ish digits for codes read off a screen. */
  code?: boolean;
  /** Counts down to `maxLength` near it and says what a paste lost (needs the `limits` messages). */
  countdown?: boolean;
}

/** A labelled input with optional hint and error, wired together for screen readers. */
export function TextField({ label, hint, error, code = false, countdown = false, className = '', onChange, onPaste, ...rest }: TextFieldProps) {
  const id = useId();
  const limit = useLengthLimit(typeof rest.maxLength === 'number' ? rest.maxLength : Number.MAX_SAFE_INTEGER);
  const counting = countdown && typeof rest.maxLength === 'number';
  // A controlled field's value is the truth (it may start filled in).
  const limitState = typeof rest.value === 'string' ? { ...limit.state, length: rest.value.length } : limit.state;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const limitId = counting && limitNoteShown(limitState) ? `${id}-limit` : undefined;
  const describedBy = [hintId, limitId, errorId].filter(Boolean).join(' ') || undefined;
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
      <input
        id={id}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={
          'min-h-12 w-full rounded-xl border bg-card px-4 text-lg text-ink placeholder:text-muted ' +
          (error ? 'border-warn ' : 'border-muted ') +
          (code ? 'font-mono text-2xl tracking-[0.2em] uppercase' : '')
        }
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
        <p id={errorId} className="text-base text-warn" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
