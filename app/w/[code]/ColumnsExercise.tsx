'use client';

import { useCallback, useMemo, useRef, useState } from 'react';
import { addEntry, setLink, type EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { newId } from '../../_lib/newId';
import { BoardColumn, type LinkRole } from './BoardColumn';
import { viewColumns } from './exerciseModel';
import type { ExerciseDocs } from './useExerciseDocs';
import type { ColumnsItem } from './phoneItem';
import { UndoNotice } from './UndoNotice';
import { useDeleteWithUndo } from './useDeleteWithUndo';

interface ColumnsExerciseProps {
  item: ColumnsItem;
  docs: ExerciseDocs;
  seat: Seat;
  partner: { name: string; seat: Seat } | null;
  partnerVisible: boolean;
  readOnly: boolean;
  onTyping: (entryId: string) => void;
}

/** A columns exercise ("What I bring / What I need"): one section per column, lists for each partner. */
export function ColumnsExercise({ item, docs, seat, partner, partnerVisible, readOnly, onTyping }: ColumnsExerciseProps) {
  const mineDoc = docs.mine?.doc ?? null;
  const theirsDoc = docs.theirs?.doc ?? null;
  const versions = `${docs.mine?.version ?? 0}:${docs.theirs?.version ?? 0}`;
  // `versions` changes whenever a doc does; the doc objects themselves stay the same.
  const view = useMemo(() => viewColumns(item, mineDoc, theirsDoc, seat), [item, mineDoc, theirsDoc, seat, versions]);

  const [focusId, setFocusId] = useState<string | null>(null);
  const addButtons = useRef<Record<string, HTMLButtonElement | null>>({});
  const { deletedColumn, remove, undo, dismiss } = useDeleteWithUndo(mineDoc, setFocusId);

  const add = (column: string) => {
    if (!mineDoc || readOnly) return;
    const id = newId();
    addEntry(mineDoc, { id, exercise: item.key, column, author: seat, createdAt: Date.now() });
    setFocusId(id);
  };
  const onDelete = (entry: EntryView) => {
    remove(entry);
    addButtons.current[entry.column]?.focus();
  };
  const onLink = useCallback((fromId: string, toId: string | null) => mineDoc && setLink(mineDoc, fromId, toId), [mineDoc]);

  // A link joins two entries of one doc, so it exists only on the shared board, not across two private docs.
  const link = item.link && !item.privateFirst ? item.link : null;
  const labelOf = (id: string) => item.columns.find((c) => c.id === id)?.label ?? id;
  const roleOf = (columnId: string): LinkRole => {
    if (!link) return null;
    if (columnId === link.from) return { kind: 'from', toId: link.to, toLabel: labelOf(link.to) };
    if (columnId === link.to) return { kind: 'to', fromLabel: labelOf(link.from) };
    return null;
  };

  return (
    <>
      {item.columns.map((column) => (
        <BoardColumn
          key={column.id}
          column={column}
          linkRole={roleOf(column.id)}
          view={view}
          seat={seat}
          partner={partner}
          partnerVisible={partnerVisible}
          readOnly={readOnly}
          docNames={{ mine: docs.mine?.docName ?? null, theirs: docs.theirs?.docName ?? null }}
          focusId={focusId}
          addRef={(el) => {
            addButtons.current[column.id] = el;
          }}
          onAdd={() => add(column.id)}
          onTyping={onTyping}
          onLink={onLink}
          onDelete={onDelete}
          undo={deletedColumn === column.id && !readOnly ? <UndoNotice onUndo={undo} onDismiss={dismiss} /> : null}
        />
      ))}
    </>
  );
}
