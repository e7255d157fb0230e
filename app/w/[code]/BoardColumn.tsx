'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { bdi } from '../../_i18n/bdi';
import { seatStyle } from '../../_lib/seatStyle';
import { useColumnWords } from './columnWords';
import type { ColumnsView } from './exerciseModel';
import { MeetsNote, MetByNote } from './LinkNotes';
import { LinkSelect } from './LinkSelect';
import { OwnEntry } from './OwnEntry';
import { PartnerEntry } from './PartnerEntry';
import { ShareAction } from './ShareAction';

/** How this column takes part in the exercise's links: its entries link out (needs), are linked to (brings), or neither. */
export type LinkRole = { kind: 'from'; toId: string; toLabel: string } | { kind: 'to'; fromLabel: string } | null;

interface BoardColumnProps {
  column: { id: string; label: string };
  linkRole: LinkRole;
  view: ColumnsView;
  seat: Seat;
  partner: { name: string; seat: Seat } | null;
  /** False while a private-first exercise is not revealed: the partner's entries are not even on this phone. */
  partnerVisible: boolean;
  readOnly: boolean;
  /** Docs the entries live in, for sharing. */
  docNames: { mine: string | null; theirs: string | null };
  /** The entry just added here, to put the caret in. */
  focusId: string | null;
  addRef: (el: HTMLButtonElement | null) => void;
  onAdd: () => void;
  onTyping: (entryId: string) => void;
  onLink: (fromId: string, toId: string | null) => void;
  onDelete: (entry: EntryView) => void;
  /** The "Entry deleted. Undo" offer, when the deleted entry was in this column. */
  undo: ReactNode;
}

/** One column ("What I bring"): my entries (editable) above my partner's (read-only). */
export function BoardColumn(props: BoardColumnProps) {
  const { column, linkRole, view, seat, partner, focusId, readOnly, docNames } = props;
  const t = useTranslations('board');
  const words = useColumnWords();
  const headingId = `column-${column.id}`;
  const mine = view.mine[column.id] ?? [];
  const theirs = view.partners[column.id] ?? [];
  const linkedTo = (fromId: string) => {
    const toId = view.links.get(fromId);
    return toId ? (view.byId.get(toId) ?? null) : null;
  };
  const written = (entry: EntryView) => entry.text.toString().trim().length > 0;

  function ownLinks(entry: EntryView): ReactNode {
    if (linkRole?.kind === 'from') {
      return (
        <>
          {partner && (
            <LinkSelect
              label={words.linkPickerLabel(linkRole.toLabel, partner.name)}
              partnerName={partner.name}
              targets={view.partners[linkRole.toId] ?? []}
              value={linkedTo(entry.id)?.id ?? null}
              disabled={readOnly}
              onChange={(toId) => props.onLink(entry.id, toId)}
            />
          )}
          <MetByNote target={linkedTo(entry.id)} written={written(entry)} />
        </>
      );
    }
    if (linkRole?.kind === 'to' && partner) {
      return <MeetsNote count={view.metCount.get(entry.id) ?? 0} partnerName={partner.name} />;
    }
    return null;
  }

  function partnerNotes(entry: EntryView): ReactNode {
    if (linkRole?.kind === 'from') return <MetByNote target={linkedTo(entry.id)} written={written(entry)} />;
    if (linkRole?.kind === 'to') return <MeetsNote count={view.metCount.get(entry.id) ?? 0} partnerName={null} />;
    return null;
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <h2 id={headingId} dir="auto" className="text-2xl font-semibold tracking-tight">
        {column.label}
      </h2>

      {mine.length > 0 && (
        <ul className="flex flex-col gap-3" aria-label={t('yourEntriesIn', { column: column.label })}>
          {mine.map((entry) => (
            <OwnEntry
              key={entry.id}
              entry={entry}
              columnTitle={column.label}
              seat={seat}
              autoFocus={entry.id === focusId}
              readOnly={readOnly}
              links={ownLinks(entry)}
              share={<ShareAction docName={docNames.mine} entryId={entry.id} written={written(entry)} />}
              onTyping={() => props.onTyping(entry.id)}
              onDelete={() => props.onDelete(entry)}
            />
          ))}
        </ul>
      )}
      {mine.length === 0 && readOnly && <p className="text-base text-muted">{t('wroteNothing')}</p>}

      {props.undo}

      {!readOnly && (
        <button
          ref={props.addRef}
          type="button"
          onClick={props.onAdd}
          className={`flex min-h-12 items-center justify-center gap-2 rounded-2xl border-2 border-dashed bg-card px-5 text-lg font-semibold ${seatStyle[seat].border} ${seatStyle[seat].text} hover:bg-paper`}
        >
          <span aria-hidden="true" className="text-2xl leading-none">+</span>
          {t.rich('addTo', { column: column.label, bdi })}
        </button>
      )}

      {partner && (
        <div className="mt-2 flex flex-col gap-3">
          <h3 dir="auto" className={`text-lg font-semibold ${seatStyle[partner.seat].text}`}>
            {words.partnerHeading(column.label, partner.name)}
          </h3>
          {!props.partnerVisible ? (
            <p className="text-base text-muted">{t.rich('partnerPrivate', { name: partner.name, bdi })}</p>
          ) : theirs.length === 0 ? (
            <p className="text-base text-muted">{t.rich('nothingFromPartner', { name: partner.name, bdi })}</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {theirs.map((entry) => (
                <PartnerEntry
                  key={entry.id}
                  entry={entry}
                  name={partner.name}
                  seat={partner.seat}
                  notes={partnerNotes(entry)}
                  share={<ShareAction docName={docNames.theirs} entryId={entry.id} written={written(entry)} />}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

