import { getTranslations } from 'next-intl/server';
import { PageHeader } from './_components/PageHeader';
import { PageMessages } from './_i18n/PageMessages';

/** An address Twofold has no page for, in the reader's language (Next.js's own 404 is English only). */
export default async function NotFound() {
  const t = await getTranslations('common');
  return (
    <PageMessages namespaces={[]}>
      <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
        <PageHeader scope="room" />
        <main className="flex flex-col gap-5 pt-10">
          <h1 className="text-3xl font-semibold tracking-tight">{t('notFoundTitle')}</h1>
          <p className="text-lg leading-relaxed text-muted">{t('notFoundBody')}</p>
          {/* A plain link, like the header's (Wordmark): every page carries this boundary, and next/link with it would be first-load code for all. */}
          <a href="/" className="text-lg font-semibold text-accent underline underline-offset-4">
            {t('homePage')}
          </a>
        </main>
      </div>
    </PageMessages>
  );
}
