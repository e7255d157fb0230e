'use client';

import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { seatStyle } from '../../_lib/seatStyle';
import { EntryTextarea } from './EntryTextarea';
import { LinkSelect } from './LinkSelect';
import { MeetsNote, MetByNote } from './LinkNotes';

interface OwnEntryProps {
  entry: EntryView;
  columnTitle: string;
  seat: Seat;
  partnerName: string | null;
  autoFocus: boolean;
  /** For my needs: my partner's brings to choose from, and the current choice. */
  partnerBrings: EntryView[];
  linkedBring: EntryView | null;
  /** For my brings: how many of my partner's needs this meets. */
  metCount: number;
  onTyping: () => void;
  onLink: (bringId: string | null) => void;
  onDelete: () => void;
}

/** One of my entries: editable, deletable, and (for needs) linkable to what my partner brings. */
export function OwnEntry(props: OwnEntryProps) {
  const { entry, columnTitle, seat, partnerName, autoFocus, partnerBrings, linkedBring, metCount } = props;
  const written = entry.text.length > 0;
  return (
    <li className={`flex flex-col gap-3 rounded-2xl border-l-4 bg-card p-4 shadow-sm ${seatStyle[seat].border}`}>
      <EntryTextarea
        text={entry.text}
        label={`Your entry in ${columnTitle}`}
        colorClass=""
        autoFocus={autoFocus}
        onTyping={props.onTyping}
      />
      {entry.column === 'need' && partnerName && (
        <LinkSelect partnerName={partnerName} brings={partnerBrings} value={linkedBring?.id ?? null} onChange={props.onLink} />
      )}
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1 pt-2">
          {entry.column === 'need' && <MetByNote bring={linkedBring} written={written} />}
          {entry.column === 'bring' && partnerName && <MeetsNote count={metCount} whose={`${partnerName}'s`} />}
        </div>
        <button
          type="button"
          aria-label="Delete entry"
          onClick={props.onDelete}
          className="min-h-11 shrink-0 rounded-lg px-3 text-base text-muted underline-offset-4 hover:text-ink hover:underline"
        >
          Delete
        </button>
      </div>
    </li>
  );
}
