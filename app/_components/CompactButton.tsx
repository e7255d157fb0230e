import type { ComponentPropsWithRef } from 'react';

export type CompactVariant = 'primary' | 'secondary' | 'quiet' | 'danger';

/**
 * Smaller buttons for the facilitator's desktop screens, where many controls
 * sit side by side. Still 40 px tall: comfortable on a tablet, well above
 * the WCAG 2.2 minimum target size.
 */
const base =
  // relative: keeps sr-only name parts inside the button (and inside any scrolling list it sits in).
  // Labels may wrap: on a narrow window (or zoomed to 400 %) a long one wraps instead of pushing the page sideways.
  'relative inline-flex items-center justify-center gap-1.5 rounded-lg font-semibold ' +
  'transition-colors disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50';

const variants: Record<CompactVariant, string> = {
  primary: 'bg-accent text-accent-ink hover:bg-accent-hover',
  secondary: 'border border-muted bg-card text-ink hover:bg-paper',
  quiet: 'text-ink underline-offset-4 hover:underline',
  // Destructive but calm: an outline in the warning colour, never a red alarm.
  danger: 'border border-warn bg-card text-warn hover:bg-paper',
};

type CompactSize = 'md' | 'sm';

/** 'sm' (36 px) is for buttons inside a table row or a card header, where 'md' would crowd the text. */
const sizes: Record<CompactSize, string> = {
  md: 'min-h-10 px-3.5 text-base',
  sm: 'min-h-9 px-3 text-sm',
};

export function compactButtonClasses(variant: CompactVariant = 'secondary', extra = '', size: CompactSize = 'md'): string {
  return `${base} ${sizes[size]} ${variants[variant]} ${extra}`.trim();
}

interface CompactButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: CompactVariant;
  size?: CompactSize;
}

export function CompactButton({ variant = 'secondary', size = 'md', className = '', type = 'button', ...rest }: CompactButtonProps) {
  return <button type={type} className={compactButtonClasses(variant, className, size)} {...rest} />;
}
