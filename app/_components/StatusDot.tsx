import type { ReactNode } from 'react';

export type StatusTone = 'ok' | 'warn' | 'idle';

const dot: Record<StatusTone, string> = {
  ok: 'bg-ok',
  warn: 'bg-warn',
  idle: 'border-2 border-muted bg-transparent',
};

/** A status always spelled out in words; the dot only helps the eye (never colour alone). */
export function StatusDot({ tone, label, className = '' }: { tone: StatusTone; label: ReactNode; className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 ${className}`}>
      <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-full ${dot[tone]}`} />
      <span>{label}</span>
    </span>
  );
}
