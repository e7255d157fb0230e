import { useId, type TextareaHTMLAttributes } from 'react';
import { fieldDirection } from '../_i18n/fieldDirection';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string | null;
}

/** TextField's multi-line sibling: a labelled textarea with hint and error wired for screen readers. */
export function TextAreaField({ label, hint, error, className = '', rows = 3, ...rest }: TextAreaFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
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
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        className={`w-full rounded-xl border bg-card px-4 py-3 text-lg leading-relaxed text-ink placeholder:text-muted ${error ? 'border-warn' : 'border-muted'}`}
        {...rest}
        dir={fieldDirection(rest.dir, rest.value)}
      />
      {error && (
        <p id={errorId} className="text-base text-warn">
          {error}
        </p>
      )}
    </div>
  );
}
