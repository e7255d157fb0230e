import { getTranslations } from 'next-intl/server';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { phoneOriginForFirstScreen, roomStateForFirstScreen } from '../../_lib/firstScreenData';
import { qrOnServer } from '../../_lib/qrOnServer';
import { Projector, type RenderedLobby } from './Projector';
import './projector.css';

export const generateMetadata = () => pageTitle('projector');

/** The room's big screen. Needs only the room code (which is on the wall anyway): no secret, nothing private. */
export default async function PresentPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  const t = await getTranslations('common');
  if (!isRoomCode(code)) {
    return (
      <main className="projector flex min-h-dvh items-center justify-center bg-paper p-[5vh] text-ink">
        <h1 className="text-[5vh] font-semibold">{t('notARoomCode')}</h1>
      </main>
    );
  }
  return (
    <PageMessages namespaces={['projector', 'spotlight', 'timeUp']}>
      <Projector code={code} rendered={await lobbyOnServer(code)} />
    </PageMessages>
  );
}

/** The lobby, drawn whole on the server (title, code, QR) so the wall shows it before the scripts run; any other phase waits for the live state. */
async function lobbyOnServer(code: string): Promise<RenderedLobby | null> {
  const [state, phoneOrigin] = await Promise.all([roomStateForFirstScreen(code), phoneOriginForFirstScreen()]);
  if (state?.phase !== 'lobby') return null;
  const qr = phoneOrigin && state.joinsOpen ? await qrOnServer(`${phoneOrigin.phoneOrigin}/join/${code}`) : null;
  return { state, phoneOrigin, qr };
}
