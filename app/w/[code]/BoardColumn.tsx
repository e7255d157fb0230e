'use client';

import type { ReactNode, Ref } from 'react';
import type { Column, EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { seatStyle } from '../../_lib/seatStyle';
import type { BoardView } from './boardModel';
import { OwnEntry } from './OwnEntry';
import { PartnerEntry } from './PartnerEntry';

const partnerHeading: Record<Column, (name: string) => string> = {
  bring: (name) => `What ${name} brings`,
  need: (name) => `What ${name} needs`,
};

const intro: Record<Column, string> = {
  bring: 'Qualities, talents, skills, habits: what you give to your partnership.',
  need: 'What you need from your partnership to feel supported.',
};

interface BoardColumnProps {
  column: Column;
  title: string;
  view: BoardView;
  seat: Seat;
  partner: { name: string; seat: Seat } | null;
  /** The entry just added here, to put the caret in. */
  focusId: string | null;
  addRef: Ref<HTMLButtonElement>;
  onAdd: () => void;
  onTyping: (entryId: string) => void;
  onLink: (needId: string, bringId: string | null) => void;
  onDelete: (entry: EntryView) => void;
  /** The "Entry deleted. Undo" offer, when the deleted entry was in this column. */
  undo: ReactNode;
}

/** "What I bring" or "What I need": my entries (editable) above my partner's (read-only). */
export function BoardColumn(props: BoardColumnProps) {
  const { column, title, view, seat, partner, focusId } = props;
  const headingId = `column-${column}`;
  const mine = view.mine[column];
  const theirs = view.partners[column];
  const linked = (needId: string) => {
    const bringId = view.links.get(needId);
    return bringId ? (view.byId.get(bringId) ?? null) : null;
  };

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <div>
        <h2 id={headingId} className="text-2xl font-semibold tracking-tight">
          {title}
        </h2>
        <p className="mt-1 text-base text-muted">{intro[column]}</p>
      </div>

      {mine.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label={`Your entries in ${title}`}>
          {mine.map((entry) => (
            <OwnEntry
              key={entry.id}
              entry={entry}
              columnTitle={title}
              seat={seat}
              partnerName={partner?.name ?? null}
              autoFocus={entry.id === focusId}
              partnerBrings={view.partners.bring}
              linkedBring={linked(entry.id)}
              metCount={view.metCount.get(entry.id) ?? 0}
              onTyping={() => props.onTyping(entry.id)}
              onLink={(bringId) => props.onLink(entry.id, bringId)}
              onDelete={() => props.onDelete(entry)}
            />
          ))}
        </ul>
      )}

      {props.undo}

      <button
        ref={props.addRef}
        type="button"
        onClick={props.onAdd}
        className={`flex min-h-12 items-center justify-center gap-2 rounded-2xl border-2 border-dashed bg-card px-5 text-lg font-semibold ${seatStyle[seat].border} ${seatStyle[seat].text} hover:bg-paper`}
      >
        <span aria-hidden="true" className="text-2xl leading-none">+</span>
        Add to {title}
      </button>

      {partner && (
        <div className="mt-2 flex flex-col gap-3">
          <h3 className={`text-lg font-semibold ${seatStyle[partner.seat].text}`}>{partnerHeading[column](partner.name)}</h3>
          {theirs.length === 0 ? (
            <p className="text-base text-muted">Nothing from {partner.name} here yet.</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {theirs.map((entry) => (
                <PartnerEntry
                  key={entry.id}
                  entry={entry}
                  name={partner.name}
                  seat={partner.seat}
                  linkedBring={linked(entry.id)}
                  metCount={view.metCount.get(entry.id) ?? 0}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
