import { getTranslations } from 'next-intl/server';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { Projector } from './Projector';
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
      <Projector code={code} />
    </PageMessages>
  );
}
