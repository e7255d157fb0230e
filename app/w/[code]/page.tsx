import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { EarlyGet } from '../../_components/EarlyGet';
import { tokenStorageKey } from '../../_lib/storage';
import { BoardScreen } from './BoardScreen';

export const metadata: Metadata = { title: 'Your board · Twofold' };

export default async function BoardPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = decodeURIComponent((await params).code);
  const code = normalizeCode(raw);
  if (!isRoomCode(code)) redirect('/');
  // One spelling per room, so the token stored under this code is always found.
  if (code !== raw) redirect(`/w/${code}`);
  return (
    <>
      <EarlyGet path="/api/me" tokenKey={tokenStorageKey(code)} />
      <BoardScreen code={code} />
    </>
  );
}
