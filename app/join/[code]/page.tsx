import type { Metadata } from 'next';
import { isPairCode, isRoomCode, normalizeCode } from '../../../lib/codes';
import { EarlyGet } from '../../_components/EarlyGet';
import { JoinFlow } from './JoinFlow';
import { leaveMessage } from './leaveMessages';
import { WorkshopNotFound } from './WorkshopNotFound';

export const metadata: Metadata = { title: 'Join · Twofold' };

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * /join/<code>[?pair=XXXXXX][&left=removed|unpaired|deleted]: codes are read
 * forgivingly (lower case, dashes) before anything else; `left` says why a
 * board sent this phone back here.
 */
export default async function JoinPage({ params, searchParams }: Props) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  const query = await searchParams;
  const rawPair = query.pair;
  const pair = typeof rawPair === 'string' ? normalizeCode(rawPair) : '';
  if (!isRoomCode(code)) return <WorkshopNotFound />;
  const left = leaveMessage(typeof query.left === 'string' ? query.left : undefined);
  return (
    <>
      <EarlyGet path={`/api/workshops/${code}`} />
      <JoinFlow code={code} pairFromLink={isPairCode(pair) ? pair : null} left={left} />
    </>
  );
}
