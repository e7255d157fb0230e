import type { Metadata } from 'next';
import { NotARoomCode } from '../../../_components/NotARoomCode';
import { isRoomCode, normalizeCode } from '../../../../lib/codes';
import { SummaryScreen } from './SummaryScreen';

export const metadata: Metadata = { title: 'Session summary · Twofold' };

export default async function SummaryPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return <NotARoomCode />;
  }
  return <SummaryScreen code={code} />;
}
