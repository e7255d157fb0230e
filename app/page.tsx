import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { buttonClasses } from './_components/Button';
import { JoinByCodeForm } from './_components/JoinByCodeForm';
import { PageHeader } from './_components/PageHeader';
import { PageMessages } from './_i18n/PageMessages';

export default async function Home() {
  const t = await getTranslations('home');
  return (
    <PageMessages namespaces={['home']}>
      <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6 sm:py-10">
        <PageHeader scope="room" />

        <main className="flex flex-1 flex-col gap-10 pt-8 sm:pt-12">
          <section aria-labelledby="join-heading" className="rounded-3xl border border-line bg-card p-6 shadow-sm sm:p-8">
            <h1 id="join-heading" className="text-3xl font-semibold tracking-tight">
              {t('joinHeading')}
            </h1>
            <p className="mt-2 mb-6 text-lg leading-relaxed text-muted">{t('joinLead')}</p>
            <JoinByCodeForm />
          </section>

          {/* Right under the way in, so a facilitator on a 1366×768 laptop finds it without scrolling ([R79]). */}
          <section aria-labelledby="host-heading" className="flex flex-wrap items-center justify-between gap-3 px-1">
            <h2 id="host-heading" className="text-base font-semibold text-muted">
              {t('hostHeading')}
            </h2>
            <Link href="/host/new" className={buttonClasses('secondary')}>
              {t('hostLink')}
            </Link>
          </section>

          <section aria-labelledby="about-heading" className="flex flex-col gap-3 border-t border-line px-1 pt-6">
            <h2 id="about-heading" className="text-xl font-semibold">
              {t('aboutHeading')}
            </h2>
            <p className="text-lg leading-relaxed">{t('aboutBoard')}</p>
            <p className="text-lg leading-relaxed text-muted">{t('aboutPrivacy')}</p>
          </section>
        </main>
      </div>
    </PageMessages>
  );
}
