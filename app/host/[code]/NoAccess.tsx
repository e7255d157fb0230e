import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatRoomCode } from '../../../lib/codes';
import { Notice } from '../../_components/Notice';

/**
 * For a facilitator page opened on a device without the room's host key (or
 * with one the server refused): how to get in, and the ways out.
 */
export function NoAccess({ code, reason, what = 'console' }: { code: string; reason: string | null; what?: 'console' | 'summary' }) {
  const t = useTranslations('console.noAccess');
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-6 px-5 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">{t('heading', { what })}</h1>
      <Notice tone="problem" title={reason ?? t('noKey')}>
        {t('body', { what, room: formatRoomCode(code) })}
      </Notice>
      <div className="flex flex-wrap gap-4 text-lg">
        <Link href="/host/new" className="font-semibold text-accent underline underline-offset-4">
          {t('create')}
        </Link>
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          {t('home')}
        </Link>
      </div>
    </main>
  );
}
