import { getTranslations } from 'next-intl/server';
import { PageHeader } from '../../_components/PageHeader';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { CreateWorkshopForm } from './CreateWorkshopForm';

export const generateMetadata = () => pageTitle('hostNew');

export default async function NewWorkshopPage() {
  const t = await getTranslations('hostNew.page');
  return (
    <PageMessages namespaces={['hostNew', 'exerciseKinds']}>
      <div className="mx-auto flex min-h-dvh w-full max-w-7xl flex-col px-5 py-6 sm:py-10 lg:px-10">
        <PageHeader scope="host" />
        <main className="flex flex-col gap-8 pt-8 sm:pt-10">
          <div className="flex flex-col gap-3">
            <h1 className="text-3xl font-semibold tracking-tight">{t('heading')}</h1>
            <p className="max-w-prose text-lg leading-relaxed text-muted">{t('lead')}</p>
          </div>
          <CreateWorkshopForm />
        </main>
      </div>
    </PageMessages>
  );
}
