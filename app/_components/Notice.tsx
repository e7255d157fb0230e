import type { ReactNode } from 'react';

type Tone = 'info' | 'problem';

/** A calm boxed message. Problems are announced to screen readers; info is not. */
export function Notice({ tone = 'info', title, children }: { tone?: Tone; title?: string; children: ReactNode }) {
  return (
    <div
      role={tone === 'problem' ? 'alert' : undefined}
      className={
        'rounded-2xl border p-5 text-base leading-relaxed ' +
        (tone === 'problem' ? 'border-warn bg-card text-ink' : 'border-line bg-card text-ink')
      }
    >
      {title && <p className={`mb-1 text-lg font-semibold ${tone === 'problem' ? 'text-warn' : ''}`}>{title}</p>}
      <div>{children}</div>
    </div>
  );
}
