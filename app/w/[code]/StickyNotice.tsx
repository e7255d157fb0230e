import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * A one-line note that stays in the status bar: writing paused, workshop
 * ended, time's up. Calm on purpose — no red, no motion — with an optional
 * way to put it away. Not a live region: the page's Announcer says "time's up".
 */
export function StickyNotice({ children, onDismiss }: { children: ReactNode; onDismiss?: () => void }) {
  const t = useTranslations('board');
  return (
    <div className="flex min-h-11 items-center gap-3 rounded-xl border border-accent/40 bg-card px-3 py-1 text-base">
      <p className="flex-1 font-semibold">{children}</p>
      {onDismiss && (
        <button type="button" onClick={onDismiss} className="min-h-11 min-w-11 shrink-0 rounded-lg px-2 text-base text-muted underline-offset-4 hover:underline">
          {t('ok')}
        </button>
      )}
    </div>
  );
}
