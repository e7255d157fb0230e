import { isPairCode, isRoomCode, normalizeCode } from '../../../lib/codes';
import { EarlyGet } from '../../_components/EarlyGet';
import { workshopForFirstScreen } from '../../_lib/firstScreenData';
import { PageMessages } from '../../_i18n/PageMessages';
import { pageTitle } from '../../_i18n/currentLocale';
import { JoinFlow } from './JoinFlow';
import { deletedBy, leaveReason } from './leaveMessages';
import { WorkshopNotFound } from './WorkshopNotFound';

export const generateMetadata = () => pageTitle('join');

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /join/<code>[?pair=XXXXXX][&left=removed|unpaired|deleted[&by=you|partner|facilitator]]: codes are read
 * forgivingly (lower case, dashes) before anything else; `left` says why a
 * board sent this phone back here.
 */
export default async function JoinPage({ params, searchParams }: Props) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  const query = await searchParams;
  const rawPair = query.pair;
  const pair = typeof rawPair === 'string' ? normalizeCode(rawPair) : '';
  const left = leaveReason(typeof query.left === 'string' ? query.left : undefined);
  const by = deletedBy(typeof query.by === 'string' ? query.by : undefined);
  // The first screen (the workshop's title, the name step) comes in the HTML; without it, the browser asks as soon as the HTML is read.
  const workshop = isRoomCode(code) ? await workshopForFirstScreen(code) : null;
  return (
    <PageMessages namespaces={['join', 'announce', 'saveStatus', 'limits']}>
      {isRoomCode(code) ? (
        <>
          {!workshop && <EarlyGet path={`/api/workshops/${code}`} />}
          <JoinFlow code={code} pairFromLink={isPairCode(pair) ? pair : null} left={left} by={by} initialWorkshop={workshop} />
        </>
      ) : (
        <WorkshopNotFound />
      )}
    </PageMessages>
  );
}
