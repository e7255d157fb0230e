import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageMessages } from '../../_i18n/PageMessages';
import { ReviewScreen } from './ReviewScreen';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return {
    title: t('pageTitle', { page: t('board') }),
    // A private link: never in a search index, even if it leaks into one.
    robots: { index: false, follow: false },
  };
}

/** /review/<secret>: one partner's private link to the couple's board, afterwards. */
export default async function ReviewPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  return (
    <PageMessages namespaces={['review']}>
      <ReviewScreen secret={decodeURIComponent(secret)} />
    </PageMessages>
  );
}
