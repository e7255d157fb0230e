import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { seatStyle } from '../../_lib/seatStyle';
import { MeetsNote, MetByNote } from './LinkNotes';

/** One of my partner's entries: read-only, in their colour, with their name, updating as they type. */
export function PartnerEntry({
  entry,
  name,
  seat,
  linkedBring,
  metCount,
}: {
  entry: EntryView;
  name: string;
  seat: Seat;
  linkedBring: EntryView | null;
  metCount: number;
}) {
  const text = entry.text.toString();
  const style = seatStyle[seat];
  return (
    <li className={`flex flex-col gap-2 rounded-2xl border-l-4 p-4 ${style.border} ${style.soft}`}>
      <p className={`flex items-center gap-2 text-base font-semibold ${style.text}`}>
        <PartnerBadge name={name} seat={seat} size="sm" />
        {name}
      </p>
      <blockquote aria-label={`${name}'s entry`} className="text-lg leading-relaxed break-words whitespace-pre-wrap text-ink">
        {text || <span className="text-muted italic">Writing…</span>}
      </blockquote>
      {entry.column === 'need' && <MetByNote bring={linkedBring} written={text.trim().length > 0} />}
      {entry.column === 'bring' && <MeetsNote count={metCount} whose="your" />}
    </li>
  );
}
