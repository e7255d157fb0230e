import { useTranslations } from 'next-intl';
import type { ConsoleNotice } from './useNotices';

/**
 * Problems with a command, in the corner: they do not block the console or
 * move anything, and screen readers hear them at once. The container always
 * exists so that assistive technology is listening before the first notice.
 */
export function NoticeStack({ notices, dismiss }: { notices: ConsoleNotice[]; dismiss: (id: number) => void }) {
  const t = useTranslations('console');
  return (
    <div aria-live="assertive" className="pointer-events-none fixed end-4 bottom-4 z-40 flex w-[min(26rem,calc(100vw-2rem))] flex-col gap-2">
      {notices.map((n) => (
        <div key={n.id} className="pointer-events-auto flex items-start gap-3 rounded-xl border border-warn bg-card p-4 text-base shadow-lg">
          <span aria-hidden="true" className="mt-1.5 size-2.5 shrink-0 rounded-full bg-warn" />
          <p className="flex-1">{n.text}</p>
          <button type="button" onClick={() => dismiss(n.id)} className="rounded px-1 text-sm font-semibold text-muted underline underline-offset-4">
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
