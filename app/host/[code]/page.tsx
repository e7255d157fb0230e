import type { Metadata } from 'next';
import { NotARoomCode } from '../../_components/NotARoomCode';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { HostConsole } from './HostConsole';

export const metadata: Metadata = { title: 'Facilitator console · Twofold' };

export default async function HostPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return <NotARoomCode />;
  }
  return <HostConsole code={code} />;
}
