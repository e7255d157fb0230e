'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { seatStyle } from '../../_lib/seatStyle';
import { EntryTextarea } from './EntryTextarea';

interface OwnEntryProps {
  entry: EntryView;
  columnTitle: string;
  seat: Seat;
  autoFocus: boolean;
  readOnly: boolean;
  /** The link picker and link notes of a linking column (need → bring), if any. */
  links?: ReactNode;
  /** "Share with the room" and where that stands. */
  share?: ReactNode;
  onTyping: () => void;
  onDelete: () => void;
}

/** One of my entries: editable and deletable while writing is open; links and sharing come from the column. */
export function OwnEntry({ entry, columnTitle, seat, autoFocus, readOnly, links, share, onTyping, onDelete }: OwnEntryProps) {
  const t = useTranslations('board');
  return (
    <li className={`flex flex-col gap-3 rounded-2xl border-s-4 bg-card p-4 shadow-sm ${seatStyle[seat].border}`}>
      <EntryTextarea
        text={entry.text}
        label={t('yourEntryIn', { column: columnTitle })}
        colorClass=""
        autoFocus={autoFocus}
        readOnly={readOnly}
        onTyping={onTyping}
      />
      {links}
      {(share || !readOnly) && (
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <div className="min-w-0 flex-1">{share}</div>
          {!readOnly && (
            <button
              type="button"
              aria-label={t('deleteEntry')}
              onClick={onDelete}
              className="min-h-11 shrink-0 rounded-lg px-3 text-base text-muted underline-offset-4 hover:text-ink hover:underline"
            >
              {t('delete')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
