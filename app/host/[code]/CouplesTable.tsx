'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import type { CoupleSummary, Member } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { StatusDot } from '../../_components/StatusDot';
import { useRelativeTime } from '../../_i18n/useRelativeTime';
import { seatStyle } from '../../_lib/seatStyle';
import { ATTENTION_ORDER, coupleName } from './consoleText';
import { CoupleManage } from './CoupleManage';
import { PauseBadge } from './PauseRequests';
import { RevealCoupleButton } from './RevealButtons';
import type { HostActions } from './useHostActions';
import type { ReactNode } from 'react';

const strong = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;
const quiet = (chunks: ReactNode) => <span className="text-muted">{chunks}</span>;

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
  const t = useTranslations('console.couples');
  const [onlyAttention, setOnlyAttention] = useState(false);
  const needing = couples.filter((c) => c.attention !== null);
  const rows = onlyAttention
    ? [...needing].sort((x, y) => ATTENTION_ORDER.indexOf(x.attention!) - ATTENTION_ORDER.indexOf(y.attention!))
    : couples;

  if (couples.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-line p-6 text-base text-muted">
        {t('none')}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <div role="group" aria-label={t('filter')} className="flex flex-wrap gap-2">
        <CompactButton aria-pressed={!onlyAttention} onClick={() => setOnlyAttention(false)} className="aria-pressed:border-accent aria-pressed:bg-paper">
          {t('all', { count: couples.length })}
        </CompactButton>
        <CompactButton aria-pressed={onlyAttention} onClick={() => setOnlyAttention(true)} className="aria-pressed:border-accent aria-pressed:bg-paper">
          {t('needsAttention', { count: needing.length })}
        </CompactButton>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-6 text-base text-muted">{t('noneNeedAttention')}</p>
      ) : (
        <div className="relative overflow-x-auto rounded-2xl border border-line bg-card">
          {/* relative: holds the sr-only header text inside the scroller, or it would widen the page on a narrow screen. */}
          <table className="w-full border-collapse text-start text-base">
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="px-4 py-3 text-start font-semibold">
                  {t('partners')}
                </th>
                {inExercise && (
                  <th scope="col" className="px-4 py-3 text-start font-semibold">
                    {t('thisExercise')}
                  </th>
                )}
                <th scope="col" className="px-4 py-3 text-start font-semibold">
                  {t('allExercises')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-semibold">
                  {t('attention')}
                </th>
                <th scope="col" className="px-4 py-3 text-start font-semibold">
                  <span className="sr-only">{t('actions')}</span>
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
  const t = useTranslations('console');
  const format = useFormatter();
  const relativeTime = useRelativeTime();
  const current = couple.current;
  const name = coupleName(t, format, couple.members);
  return (
    <tr className="border-b border-line align-top last:border-b-0">
      <th scope="row" className="px-4 py-3 text-start font-normal">
        <ul className="flex flex-col gap-1.5">
          {sortedBySeat(couple.members).map((m) => (
            <MemberLine key={m.id} member={m} ready={inExercise ? (current?.ready[m.seat] ?? false) : null} />
          ))}
          {couple.members.length < 2 && <li className="ps-10 text-base text-muted italic">{t('couples.waitingForPartner')}</li>}
        </ul>
      </th>
      {inExercise && (
        <td className="px-4 py-3">
          <p className="tabular-nums">{t.rich('couples.written', { count: current?.entries ?? 0, strong, quiet })}</p>
          {privateFirst && current && (
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              {current.revealed ? (
                <span className="font-semibold">{t('couples.revealed')}</span>
              ) : (
                <>
                  <span className="text-muted">{t('couples.private')}</span>
                  {couple.members.length === 2 && (
                    <RevealCoupleButton couple={couple} name={name} label={t('couples.reveal')} what={t('couples.revealFor', { name })} actions={actions} />
                  )}
                </>
              )}
            </div>
          )}
        </td>
      )}
      <td className="px-4 py-3 whitespace-nowrap">
        <p className="tabular-nums">{t('couples.entries', { count: couple.entryCount })}</p>
        <p className="text-sm text-muted">{couple.lastActivityAt === null ? t('couples.noActivity') : relativeTime(couple.lastActivityAt, now)}</p>
      </td>
      <td className="px-4 py-3">
        <PauseBadge pause={couple.pause} />
        {couple.attention ? <StatusDot tone="warn" label={t(`attention.${couple.attention}`)} /> : !couple.pause && <span className="text-muted">–</span>}
      </td>
      <td className="px-4 py-3 text-end">
        <CoupleManage couple={couple} actions={actions} />
      </td>
    </tr>
  );
}

function MemberLine({ member, ready }: { member: Member; ready: boolean | null }) {
  const t = useTranslations('console.couples');
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <PartnerBadge name={member.name} seat={member.seat} size="sm" />
      <bdi className={`font-semibold ${seatStyle[member.seat].text}`}>{member.name}</bdi>
      <StatusDot tone={member.online ? 'ok' : 'idle'} label={member.online ? t('online') : t('offline')} className="text-sm text-muted" />
      {ready === true && <span className="text-sm font-semibold">{t('ready')}</span>}
    </li>
  );
}

const sortedBySeat = (members: Member[]) => [...members].sort((x, y) => (x.seat < y.seat ? -1 : 1));
