import type { ComponentPropsWithRef } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'quiet';

const base =
  'inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-5 text-lg font-semibold ' +
  'transition-colors disabled:cursor-not-allowed disabled:opacity-60';

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-accent-ink hover:bg-accent-hover',
  secondary: 'border border-muted bg-card text-ink hover:bg-paper',
  quiet: 'text-ink underline-offset-4 hover:underline',
};

/** Classes for anything that should look like a button (buttons and links alike). */
export function buttonClasses(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${base} ${variants[variant]} ${extra}`.trim();
}

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  /** Shows a short "working" label and blocks double submits. */
  busy?: boolean;
  busyLabel?: string;
}

/** A button at least 48 px tall: big enough for a thumb, calm enough for a quiet room. */
export function Button({ variant = 'primary', busy = false, busyLabel, className = '', children, disabled, type = 'button', ...rest }: ButtonProps) {
  return (
    <button type={type} className={buttonClasses(variant, className)} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
