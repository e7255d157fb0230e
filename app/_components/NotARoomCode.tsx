import { useTranslations } from 'next-intl';
import Link from 'next/link';

/** What a facilitator's page shows for an address whose room code cannot be one. */
export function NotARoomCode() {
  const t = useTranslations('common');
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-5">
      <h1 className="text-3xl font-semibold">{t('notARoomCode')}</h1>
      <Link href="/" className="text-lg font-semibold text-accent underline underline-offset-4">
        {t('homePage')}
      </Link>
    </main>
  );
}
