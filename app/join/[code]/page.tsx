import type { Metadata } from 'next';
import { isPairCode, isRoomCode, normalizeCode } from '../../../lib/codes';
import { JoinFlow } from './JoinFlow';
import { WorkshopNotFound } from './WorkshopNotFound';

export const metadata: Metadata = { title: 'Join · Twofold' };

interface Props {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** /join/<code>[?pair=XXXXXX]: codes are read forgivingly (lower case, dashes) before anything else. */
export default async function JoinPage({ params, searchParams }: Props) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  const rawPair = (await searchParams).pair;
  const pair = typeof rawPair === 'string' ? normalizeCode(rawPair) : '';
  if (!isRoomCode(code)) return <WorkshopNotFound />;
  return <JoinFlow code={code} pairFromLink={isPairCode(pair) ? pair : null} />;
}
