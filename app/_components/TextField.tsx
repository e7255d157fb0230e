import { useId, type InputHTMLAttributes } from 'react';
import { fieldDirection } from '../_i18n/fieldDirection';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
  /** Large, spaced, monospace-ish digits for codes read off a screen. */
  code?: boolean;
}

/** A labelled input with optional hint and error, wired together for screen readers. */
export function TextField({ label, hint, error, code = false, className = '', ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
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
        {...rest}
        dir={fieldDirection(rest.dir, rest.value)}
      />
      {error && (
        <p id={errorId} className="text-base text-warn" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
