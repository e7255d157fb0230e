'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { formatRoomCode } from '../../../lib/codes';
import type { HostSnapshot } from '../../../lib/protocol';
import { LanguageMenu } from '../../_components/LanguageMenu';
import { useErrorText } from '../../_i18n/errorText';
import { useNow } from '../../_lib/useNow';
import { usePhoneOrigin } from '../../_lib/usePhoneOrigin';
import { useAnnouncePlace } from '../../_components/Announcer';
import { AgendaStrip } from './AgendaStrip';
import { CohostInvites } from './CohostInvites';
import { CohostRevoked } from './CohostRevoked';
import { HostTeamPanel } from './HostTeamPanel';
import { useHostTeam } from './useHostTeam';
import { ConnectionBadge } from './ConnectionBadge';
import { COMPACT_CONSOLE } from './compact';
import { consolePlace } from './consolePlace';
import { itemNames } from './consoleText';
import { CountdownPanel } from './CountdownPanel';
import { CouplesTable } from './CouplesTable';
import { DeleteWorkshop } from './DeleteWorkshop';
import { HostLinkPanel } from './HostLinkPanel';
import { JoinPanel } from './JoinPanel';
import { NoAccess } from './NoAccess';
import { NoticeStack } from './NoticeStack';
import { NowPanel } from './NowPanel';
import { PauseRequests } from './PauseRequests';
import { PhoneReachNotice } from './PhoneReachNotice';
import { ProjectorLink } from './ProjectorLink';
import { RoomControls } from './RoomControls';
import { RoomNotePanel } from './RoomNotePanel';
import { SummaryLink } from './SummaryLink';
import { UnpairedList } from './UnpairedList';
import { useHostActions } from './useHostActions';
import { useHostConsole } from './useHostConsole';
import { useHostKey } from './useHostKey';
import { useNotices } from './useNotices';
import { WallPanel } from './WallPanel';
import { WorkshopDeleted, WorkshopNotHere } from './WorkshopGone';

/** Relative times on the console move on by themselves at this pace. */
const CLOCK_TICK_MS = 15_000;

/**
 * The facilitator's console: pace the room from the top (agenda, what is
 * on now, the next step), watch the couples below, and keep the countdown,
 * room switches and wall at hand on the side. Names, presence and counts
 * only: nothing here would embarrass a couple if the screen were shared.
 */
export function HostConsole({ code }: { code: string }) {
  const t = useTranslations('console');
  const errorText = useErrorText();
  const hostKey = useHostKey(code);
  // 'deleting': the server drops this console's socket before it answers the DELETE; that is expected, not a refusal.
  const [deletion, setDeletion] = useState<null | 'deleting' | 'deleted'>(null);
  const { socket, snapshot, live, status, pair } = useHostConsole(code, deletion === 'deleted' ? null : hostKey);
  const { team, revoked, rename } = useHostTeam(socket);
  // Until the server says who this console is, it shows nothing that only the facilitator may use.
  const facilitator = team?.you.role === 'facilitator';
  const { notices, notify, dismiss } = useNotices();
  const actions = useHostActions(socket, notify);
  const { origin, reach } = usePhoneOrigin();
  const now = useNow(CLOCK_TICK_MS);

  const state = live?.state ?? null;
  const title = state?.title ?? snapshot?.workshop.title ?? '';
  const announceT = useTranslations('announce');
  useAnnouncePlace(consolePlace(announceT, state));

  if (deletion === 'deleted') return <WorkshopDeleted title={title} />;
  if (revoked) return <CohostRevoked code={code} />;
  if (status.kind === 'refused' && deletion === null) {
    if (status.code === 'workshop_not_found') return <WorkshopNotHere />;
    return <NoAccess code={code} reason={errorText(status.code)} />;
  }
  if (hostKey === null) return <NoAccess code={code} reason={null} />;

  const joinUrl = origin ? `${origin}/join/${code}` : '';
  const names = state ? itemNames(t, state.agenda) : [];
  const current = state?.phase === 'exercise' ? state.agenda[state.step] : undefined;
  const ended = state?.phase === 'ended';

  // An ended workshop takes nobody new: its way in is gone from the console ([R81]).
  const join = !ended && <JoinPanel key="join" code={code} joinUrl={joinUrl} title={title} />;
  const dangerZone = hostKey && facilitator && (
    <DeleteWorkshop code={code} hostKey={hostKey} onBusyChange={(busy) => setDeletion(busy ? 'deleting' : null)} onDeleted={() => setDeletion('deleted')} />
  );
  const room = state && <RoomControls key="room" state={state} actions={actions} dangerZone={dangerZone} />;
  const wall = snapshot && <WallPanel key="wall" snapshot={snapshot} actions={actions} spotlight={state?.spotlight ?? null} />;
  const roomNote = state && !ended && <RoomNotePanel key="note" state={state} actions={actions} />;
  // In the lobby the way in matters most; once an exercise runs, the room switches do.
  const side = state?.phase === 'lobby' ? [join, room, roomNote, wall] : [room, roomNote, wall, join];

  return (
    // A phone (≤ 480 px, compact.ts): tighter margins, every control a thumb's size, the step's controls first.
    <div className={`mx-auto flex min-h-dvh w-full max-w-[90rem] flex-col gap-6 px-5 py-6 lg:px-8 ${COMPACT_CONSOLE}`}>
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          {/* On a phone the page's title says enough: the kicker's line goes to the step's controls. */}
          <p className="text-sm font-semibold tracking-wide text-muted uppercase max-[30rem]:hidden">{t('kicker')}</p>
          {/* No heading until the title is known: a route announcement reads the first h1, and "Loading…" is not a place. */}
          {title ? (
            <h1 className="text-3xl font-semibold tracking-tight max-[30rem]:text-2xl">
              <bdi>{title}</bdi>
            </h1>
          ) : (
            <p className="text-3xl font-semibold tracking-tight">{t('loadingRoom')}</p>
          )}
          <p className="text-base text-muted">
            {t.rich('roomLine', { code: formatRoomCode(code), mono })}
            {snapshot && <Counts snapshot={snapshot} />}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <LanguageMenu scope="host" />
          <ConnectionBadge status={status} ended={ended} />
          {/* Once the workshop has ended, the summary is what comes next and the projector is done. */}
          <SummaryLink code={code} variant={ended ? 'primary' : 'secondary'} />
          <ProjectorLink code={code} variant={ended ? 'secondary' : 'primary'} />
        </div>
      </header>

      {!ended && <PhoneReachNotice reach={reach} />}
      {state && <AgendaStrip state={state} names={names} actions={actions} />}

      {/*
        Two columns on a laptop: what is on now and the couples on the left,
        the clock and the room's tools on the right. On a narrow screen the
        same order reads top to bottom: now, clock, couples, tools. The last
        row is 1fr so a tall right column never pushes the left rows apart.
      */}
      <main className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)] lg:grid-rows-[auto_auto_auto_1fr] xl:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-start-1">
          {snapshot && !ended && <PauseRequests couples={snapshot.couples} now={now} actions={actions} />}
          {state ? <NowPanel state={state} snapshot={snapshot} names={names} actions={actions} /> : <p className="text-base text-muted">{t('loading')}</p>}
        </div>
        <div className="min-w-0 lg:col-start-2 lg:row-start-1">
          {state && live && <CountdownPanel state={state} offsetMs={live.offsetMs} actions={actions} />}
        </div>

        <section aria-labelledby="couples-heading" className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-start-2">
          <h2 id="couples-heading" className="text-2xl font-semibold">
            {t('couplesHeading')}
          </h2>
          {snapshot ? (
            <CouplesTable couples={snapshot.couples} now={now} privateFirst={current?.privateFirst ?? false} inExercise={!!current} actions={actions} />
          ) : (
            <p className="text-base text-muted">{t('loading')}</p>
          )}
        </section>

        <div className="flex min-w-0 flex-col gap-6 lg:col-start-1 lg:row-start-3">
          <section aria-labelledby="unpaired-heading" className="flex flex-col gap-4">
            <h2 id="unpaired-heading" className="text-2xl font-semibold">
              {t('unpairedHeading')}
            </h2>
            {snapshot && <UnpairedList people={snapshot.unpaired} pair={pair} actions={actions} />}
          </section>
          <p className="text-sm text-muted">{t('privacy')}</p>
        </div>

        <aside aria-label={t('tools')} className="grid min-w-0 items-start gap-6 md:grid-cols-2 lg:col-start-2 lg:row-span-3 lg:row-start-2 lg:grid-cols-1">
          {side}
          {team && <HostTeamPanel team={team} rename={rename} />}
          {hostKey && facilitator && <CohostInvites code={code} hostKey={hostKey} team={team} title={title} />}
          {hostKey && origin && <HostLinkPanel hostUrl={`${origin}/host/${code}#key=${hostKey}`} />}
        </aside>
      </main>
      <NoticeStack notices={notices} dismiss={dismiss} />
    </div>
  );
}

/** " · 4 couples · 7 of 9 people online · 1 not paired yet": the room in one line. */
function Counts({ snapshot }: { snapshot: HostSnapshot }) {
  const t = useTranslations('console.counts');
  const people = snapshot.couples.flatMap((c) => c.members);
  const total = people.length + snapshot.unpaired.length;
  const online = people.filter((m) => m.online).length + snapshot.unpaired.filter((p) => p.online).length;
  const waiting = snapshot.couples.filter((c) => c.members.length < 2).length;
  const unpaired = snapshot.unpaired.length;
  return (
    <>
      {t('couples', { couples: snapshot.couples.length })}
      {t('online', { online, total })}
      {waiting > 0 && t('waiting', { couples: waiting })}
      {unpaired > 0 && t('unpaired', { people: unpaired })}
    </>
  );
}

const mono = (chunks: ReactNode) => (
  <span dir="ltr" className="font-mono font-semibold text-ink">
    {chunks}
  </span>
);
