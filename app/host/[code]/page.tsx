import { NotARoomCode } from '../../_components/NotARoomCode';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { HostConsole } from './HostConsole';

export const generateMetadata = () => pageTitle('console');

export default async function HostPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return <NotARoomCode />;
  }
  return (
    <PageMessages namespaces={['console', 'exerciseKinds', 'announce', 'cohosts', 'reveal', 'pause', 'hostNote', 'network', 'consoleShare', 'spotlight', 'timeUp']}>
      <HostConsole code={code} />
    </PageMessages>
  );
}
