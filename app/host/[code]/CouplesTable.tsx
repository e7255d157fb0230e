import type { CoupleSummary, Member } from '../../../lib/protocol';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { StatusDot } from '../../_components/StatusDot';
import { plural } from '../../_lib/plural';
import { relativeTime } from '../../_lib/relativeTime';
import { seatStyle } from '../../_lib/seatStyle';

/**
 * Who is here and how it is going, never what anyone wrote (the console
 * does not even receive it). Dense enough to scan twenty couples at once.
 */
export function CouplesTable({ couples, now }: { couples: CoupleSummary[]; now: number }) {
  if (couples.length === 0) {
    return (
      <p className="rounded-2xl border border-dashed border-line p-6 text-base text-muted">
        No couples yet. When partners join and pair up, they appear here.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-2xl border border-line bg-card">
      <table className="w-full border-collapse text-left text-base">
        <thead>
          <tr className="border-b border-line text-sm text-muted">
            <th scope="col" className="px-5 py-3 font-semibold">
              Partners
            </th>
            <th scope="col" className="px-5 py-3 font-semibold">
              Entries
            </th>
            <th scope="col" className="px-5 py-3 font-semibold">
              Last activity
            </th>
          </tr>
        </thead>
        <tbody>
          {couples.map((couple) => (
            <tr key={couple.id} className="border-b border-line last:border-b-0 align-top">
              <th scope="row" className="px-5 py-4 text-left font-normal">
                <ul className="flex flex-col gap-2">
                  {sortedBySeat(couple.members).map((m) => (
                    <MemberLine key={m.id} member={m} />
                  ))}
                  {couple.members.length < 2 && <li className="pl-10 text-base text-muted italic">waiting for partner</li>}
                </ul>
              </th>
              <td className="px-5 py-4 whitespace-nowrap tabular-nums">{plural(couple.entryCount, 'entry', 'entries')}</td>
              <td className="px-5 py-4 whitespace-nowrap text-muted">
                {couple.lastActivityAt === null ? 'no activity yet' : relativeTime(couple.lastActivityAt, now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberLine({ member }: { member: Member }) {
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <PartnerBadge name={member.name} seat={member.seat} size="sm" />
      <span className={`font-semibold ${seatStyle[member.seat].text}`}>{member.name}</span>
      <StatusDot tone={member.online ? 'ok' : 'idle'} label={member.online ? 'online' : 'offline'} className="text-sm text-muted" />
    </li>
  );
}

const sortedBySeat = (members: Member[]) => [...members].sort((x, y) => (x.seat < y.seat ? -1 : 1));
