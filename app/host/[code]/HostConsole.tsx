'use client';

import Link from 'next/link';
import { formatRoomCode } from '../../../lib/codes';
import type { HostSnapshot } from '../../../lib/protocol';
import { Notice } from '../../_components/Notice';
import { useNow } from '../../_lib/useNow';
import { useOrigin } from '../../_lib/useOrigin';
import { ConnectionBadge } from './ConnectionBadge';
import { CouplesTable } from './CouplesTable';
import { HostLinkPanel } from './HostLinkPanel';
import { JoinPanel } from './JoinPanel';
import { UnpairedList } from './UnpairedList';
import { useHostConsole } from './useHostConsole';
import { useHostKey } from './useHostKey';

/** Relative times on the console move on by themselves at this pace. */
const CLOCK_TICK_MS = 15_000;

export function HostConsole({ code }: { code: string }) {
  const hostKey = useHostKey(code);
  const { snapshot, status, pair } = useHostConsole(code, hostKey);
  const origin = useOrigin();
  const now = useNow(CLOCK_TICK_MS);

  if (hostKey === null || status.kind === 'refused') {
    return <NoAccess code={code} reason={status.kind === 'refused' ? status.message : null} />;
  }

  const title = snapshot?.workshop.title ?? '';
  const joinUrl = origin ? `${origin}/join/${code}` : '';

  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-7xl flex-col gap-8 px-5 py-6 lg:px-10 lg:py-8">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <p className="text-sm font-semibold tracking-wide text-muted uppercase">Facilitator console · Twofold</p>
          <h1 className="text-3xl font-semibold tracking-tight lg:text-4xl">{title || 'Loading the room…'}</h1>
          <p className="text-base text-muted">
            Room <span className="font-mono font-semibold text-ink">{formatRoomCode(code)}</span>
            {snapshot?.workshop.status === 'ended' && ' · this workshop has ended'}
          </p>
        </div>
        <ConnectionBadge status={status} />
      </header>

      {snapshot && <Summary snapshot={snapshot} />}

      <div className="grid gap-8 md:grid-cols-[minmax(0,17rem)_minmax(0,1fr)] lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <JoinPanel code={code} title={title} joinUrl={joinUrl} />
          {hostKey && origin && <HostLinkPanel hostUrl={`${origin}/host/${code}#key=${hostKey}`} />}
        </div>

        <div className="flex min-w-0 flex-col gap-10">
          <section aria-labelledby="couples-heading" className="flex flex-col gap-4">
            <h2 id="couples-heading" className="text-2xl font-semibold">
              Couples
            </h2>
            {snapshot ? <CouplesTable couples={snapshot.couples} now={now} /> : <p className="text-base text-muted">Loading…</p>}
          </section>

          <section aria-labelledby="unpaired-heading" className="flex flex-col gap-4">
            <h2 id="unpaired-heading" className="text-2xl font-semibold">
              Not paired yet
            </h2>
            {snapshot && <UnpairedList people={snapshot.unpaired} pair={pair} />}
          </section>

          <p className="text-sm text-muted">
            This console shows names, presence and counts only. What couples write stays on their phones and is never sent
            here.
          </p>
        </div>
      </div>
    </div>
  );
}

function Summary({ snapshot }: { snapshot: HostSnapshot }) {
  const members = snapshot.couples.flatMap((c) => c.members);
  const online = members.filter((m) => m.online).length + snapshot.unpaired.filter((p) => p.online).length;
  const waiting = snapshot.couples.filter((c) => c.members.length < 2).length;
  const items = [
    { value: snapshot.couples.length, label: snapshot.couples.length === 1 ? 'couple' : 'couples' },
    { value: online, label: online === 1 ? 'person online' : 'people online' },
    { value: waiting, label: waiting === 1 ? 'couple waiting for a partner' : 'couples waiting for a partner' },
    { value: snapshot.unpaired.length, label: snapshot.unpaired.length === 1 ? 'person not paired yet' : 'people not paired yet' },
  ];
  return (
    <section aria-label="Summary">
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {items.map((item) => (
          <li key={item.label} className="rounded-2xl border border-line bg-card px-5 py-4">
            <span className="block text-3xl font-semibold tabular-nums">{item.value}</span>
            <span className="text-base text-muted">{item.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function NoAccess({ code, reason }: { code: string; reason: string | null }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-xl flex-col justify-center gap-6 px-5 py-10">
      <h1 className="text-3xl font-semibold tracking-tight">This console needs the private host link</h1>
      <Notice tone="problem" title={reason ?? 'No host key on this device.'}>
        To run room {formatRoomCode(code)}, open the private host link you got when the workshop was created (it ends in
        “#key=…”). Participants join from the home page with the room code instead.
      </Notice>
      <div className="flex flex-wrap gap-4 text-lg">
        <Link href="/host/new" className="font-semibold text-accent underline underline-offset-4">
          Create a new workshop
        </Link>
        <Link href="/" className="font-semibold text-accent underline underline-offset-4">
          Go to the home page
        </Link>
      </div>
    </main>
  );
}
