'use client';

import { useState } from 'react';
import type { CoupleSummary, Member } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { StatusDot } from '../../_components/StatusDot';
import { plural } from '../../_lib/plural';
import { relativeTime } from '../../_lib/relativeTime';
import { seatStyle } from '../../_lib/seatStyle';
import { ATTENTION_ORDER, ATTENTION_REASON, coupleName } from './consoleText';
import { CoupleManage } from './CoupleManage';
import type { HostActions } from './useHostActions';

interface CouplesTableProps {
  couples: CoupleSummary[];
  now: number;
  /** The exercise on screen is private-first: show who is revealed and offer "Reveal". */
  privateFirst: boolean;
  inExercise: boolean;
  actions: HostActions;
}

/*
 * Names appear as text exactly once per row (the e2e test reads them); the
 * row's buttons carry them in aria-label only ("Reveal for Ana and Ben").
 * Visible words in the table must not contain a name either: "Manage"
 * once matched a search for "Ana".
 */

/**
 * Who is here and how it is going, never what anyone wrote (the console
 * does not even receive it). Dense enough to scan twenty couples at once;
 * "Needs attention" narrows it to the couples worth walking over to.
 */
export function CouplesTable({ couples, now, privateFirst, inExercise, actions }: CouplesTableProps) {
  const [onlyAttention, setOnlyAttention] = useState(false);
  const needing = couples.filter((c) => c.attention !== null);
  const rows = onlyAttention
    ? [...needing].sort((x, y) => ATTENTION_ORDER.indexOf(x.attention!) - ATTENTION_ORDER.indexOf(y.attention!))
    : couples;

  if (couples.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-line p-6 text-base text-muted">
        No couples yet. When partners join and pair up, they appear here.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label="Which couples to show" className="flex flex-wrap gap-2">
        <CompactButton aria-pressed={!onlyAttention} onClick={() => setOnlyAttention(false)} className="aria-pressed:border-accent aria-pressed:bg-paper">
          All ({couples.length})
        </CompactButton>
        <CompactButton aria-pressed={onlyAttention} onClick={() => setOnlyAttention(true)} className="aria-pressed:border-accent aria-pressed:bg-paper">
          Needs attention ({needing.length})
        </CompactButton>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-6 text-base text-muted">No couple needs attention right now.</p>
      ) : (
        <div className="relative overflow-x-auto rounded-2xl border border-line bg-card">
          {/* relative: holds the sr-only header text inside the scroller, or it would widen the page on a narrow screen. */}
          <table className="w-full border-collapse text-left text-base">
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="px-4 py-3 font-semibold">Partners</th>
                {inExercise && <th scope="col" className="px-4 py-3 font-semibold">This exercise</th>}
                <th scope="col" className="px-4 py-3 font-semibold">All exercises</th>
                <th scope="col" className="px-4 py-3 font-semibold">Attention</th>
                <th scope="col" className="px-4 py-3 font-semibold">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((couple) => (
                <CoupleRow key={couple.id} couple={couple} now={now} privateFirst={privateFirst} inExercise={inExercise} actions={actions} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function CoupleRow({ couple, now, privateFirst, inExercise, actions }: { couple: CoupleSummary } & Omit<CouplesTableProps, 'couples'>) {
  const current = couple.current;
  const name = coupleName(couple.members);
  return (
    <tr className="border-b border-line align-top last:border-b-0">
      <th scope="row" className="px-4 py-3 text-left font-normal">
        <ul className="flex flex-col gap-1.5">
          {sortedBySeat(couple.members).map((m) => (
            <MemberLine key={m.id} member={m} ready={inExercise ? (current?.ready[m.seat] ?? false) : null} />
          ))}
          {couple.members.length < 2 && <li className="pl-10 text-base text-muted italic">waiting for partner</li>}
        </ul>
      </th>
      {inExercise && (
        <td className="px-4 py-3">
          <p className="tabular-nums">
            <span className="font-semibold">{current?.entries ?? 0}</span>
            <span className="text-muted"> written</span>
          </p>
          {privateFirst && current && (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              {current.revealed ? (
                <span className="font-semibold">✓ Revealed</span>
              ) : (
                <>
                  <span className="text-muted">Private</span>
                  {couple.members.length === 2 && (
                    <CompactButton
                      size="sm"
                      aria-label={`Reveal for ${name}`}
                      onClick={() => void actions.command(`Reveal for ${name}`, { type: 'revealCouple', coupleId: couple.id })}
                    >
                      Reveal
                    </CompactButton>
                  )}
                </>
              )}
            </div>
          )}
        </td>
      )}
      <td className="px-4 py-3 whitespace-nowrap">
        <p className="tabular-nums">{plural(couple.entryCount, 'entry', 'entries')}</p>
        <p className="text-sm text-muted">{couple.lastActivityAt === null ? 'no activity yet' : relativeTime(couple.lastActivityAt, now)}</p>
      </td>
      <td className="px-4 py-3">
        {couple.attention ? <StatusDot tone="warn" label={ATTENTION_REASON[couple.attention]} /> : <span className="text-muted">–</span>}
      </td>
      <td className="px-4 py-3 text-right">
        <CoupleManage couple={couple} actions={actions} />
      </td>
    </tr>
  );
}

function MemberLine({ member, ready }: { member: Member; ready: boolean | null }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <PartnerBadge name={member.name} seat={member.seat} size="sm" />
      <span className={`font-semibold ${seatStyle[member.seat].text}`}>{member.name}</span>
      <StatusDot tone={member.online ? 'ok' : 'idle'} label={member.online ? 'online' : 'offline'} className="text-sm text-muted" />
      {ready === true && <span className="text-sm font-semibold">✓ ready</span>}
    </li>
  );
}

const sortedBySeat = (members: Member[]) => [...members].sort((x, y) => (x.seat < y.seat ? -1 : 1));
