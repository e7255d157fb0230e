'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { addEntry, deleteEntry, readLinks, setLink, type EntryMeta, type EntryView } from '../../../lib/board/schema';

/** How long "Undo" stays offered after a delete. */
const UNDO_WINDOW_MS = 8_000;

interface Deleted {
  meta: EntryMeta;
  text: string;
  /** Links that touched the entry, as [needId, bringId]. */
  links: [string, string][];
}

/**
 * Deleting is one tap (no dialog in a quiet room), so it must be undoable:
 * the entry is removed at once and can be put back, links and all, for a
 * few seconds.
 */
export function useDeleteWithUndo(doc: Y.Doc | null, onRestored: (id: string) => void) {
  const [last, setLast] = useState<Deleted | null>(null);
  const timer = useRef<number | null>(null);

  const clearTimer = () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clearTimer, []);

  const remove = useCallback(
    (entry: EntryView) => {
      if (!doc) return;
      const links = [...readLinks(doc)].filter(([needId, bringId]) => needId === entry.id || bringId === entry.id);
      const { text, ...meta } = entry;
      setLast({ meta, text: text.toString(), links });
      deleteEntry(doc, entry.id);
      clearTimer();
      timer.current = window.setTimeout(() => setLast(null), UNDO_WINDOW_MS);
    },
    [doc],
  );

  const undo = useCallback(() => {
    if (!doc || !last) return;
    doc.transact(() => {
      addEntry(doc, last.meta, last.text);
      for (const [needId, bringId] of last.links) setLink(doc, needId, bringId);
    });
    clearTimer();
    setLast(null);
    onRestored(last.meta.id);
  }, [doc, last, onRestored]);

  const dismiss = useCallback(() => {
    clearTimer();
    setLast(null);
  }, []);

  /** The column of the entry that can be put back, if any: the undo offer shows there. */
  return { deletedColumn: last?.meta.column ?? null, remove, undo, dismiss };
}
