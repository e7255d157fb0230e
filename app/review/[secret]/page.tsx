import type { Metadata } from 'next';
import { ReviewScreen } from './ReviewScreen';

export const metadata: Metadata = {
  title: 'Your board · Twofold',
  // A private link: never in a search index, even if it leaks into one.
  robots: { index: false, follow: false },
};

/** /review/<secret>: one partner's private link to the couple's board, afterwards. */
export default async function ReviewPage({ params }: { params: Promise<{ secret: string }> }) {
  const { secret } = await params;
  return <ReviewScreen secret={decodeURIComponent(secret)} />;
}
