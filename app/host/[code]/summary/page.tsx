import { NotARoomCode } from '../../../_components/NotARoomCode';
import { PageMessages } from '../../../_i18n/PageMessages';
import { pageTitle } from '../../../_i18n/currentLocale';
import { isRoomCode, normalizeCode } from '../../../../lib/codes';
import { SummaryScreen } from './SummaryScreen';

export const generateMetadata = () => pageTitle('summary');

export default async function SummaryPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return <NotARoomCode />;
  }
  return (
    <PageMessages namespaces={['summary', 'console', 'pause', 'pulse']}>
      <SummaryScreen code={code} />
    </PageMessages>
  );
}
