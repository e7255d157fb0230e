import { redirect } from 'next/navigation';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { EarlyGet } from '../../_components/EarlyGet';
import { LanguageMenu } from '../../_components/LanguageMenu';
import { pickMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { roomStateForFirstScreen } from '../../_lib/firstScreenData';
import { tokenStorageKey } from '../../_lib/storage';
import { BoardClient } from './BoardClient';

export const generateMetadata = () => pageTitle('board');

export default async function BoardPage({ params }: { params: Promise<{ code: string }> }) {
  const raw = decodeURIComponent((await params).code);
  const code = normalizeCode(raw);
  if (!isRoomCode(code)) redirect('/');
  // One spelling per room, so the token stored under this code is always found.
  if (code !== raw) redirect(`/w/${code}`);
  // The room's public state, for a first screen in the HTML; the couple's part waits for the phone's token (BoardScreen).
  const [initial, { locale, messages }] = await Promise.all([
    roomStateForFirstScreen(code),
    pickMessages(['board', 'announce', 'reveal', 'pause', 'hostNote', 'consoleShare', 'pulse', 'saveStatus', 'limits']),
  ]);
  return (
    <>
      <EarlyGet path="/api/me" tokenKey={tokenStorageKey(code)} />
      <BoardClient locale={locale} messages={messages} code={code} initial={initial} languageMenu={<LanguageMenu scope="room" />} />
    </>
  );
}
