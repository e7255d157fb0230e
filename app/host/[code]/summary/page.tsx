import type { Metadata } from 'next';
import Link from 'next/link';
import { isRoomCode, normalizeCode } from '../../../../lib/codes';
import { SummaryScreen } from './SummaryScreen';

export const metadata: Metadata = { title: 'Session summary · Twofold' };

export default async function SummaryPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-4 px-5">
        <h1 className="text-3xl font-semibold">That is not a room code</h1>
        <Link href="/" className="text-lg font-semibold text-accent underline underline-offset-4">
          Go to the home page
        </Link>
      </main>
    );
  }
  return <SummaryScreen code={code} />;
}
