import { redirect } from 'next/navigation';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { EarlyGet } from '../../_components/EarlyGet';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { tokenStorageKey } from '../../_lib/storage';
import { BoardScreen } from './BoardScreen';

export const generateMetadata = () => pageTitle('board');

export default async function BoardPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = decodeURIComponent((await params).code);
  const code = normalizeCode(raw);
  if (!isRoomCode(code)) redirect('/');
  // One spelling per room, so the token stored under this code is always found.
  if (code !== raw) redirect(`/w/${code}`);
  return (
    <PageMessages namespaces={['board', 'announce', 'reveal', 'pause', 'hostNote', 'consoleShare', 'pulse', 'saveStatus', 'limits']}>
      <EarlyGet path="/api/me" tokenKey={tokenStorageKey(code)} />
      <BoardScreen code={code} />
    </PageMessages>
  );
}
