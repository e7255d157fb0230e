import * as Y from 'yjs';
import { MAX_ENTRIES_PER_BOARD, MAX_ENTRY_CHARS } from '../limits';
import { ENTRIES_KEY } from './schema';

/**
 * Keeps a board within its limits after an edit: an entry's text is cut at
 * MAX_ENTRY_CHARS, and entries past MAX_ENTRIES_PER_BOARD (the newest ones,
 * by Yjs order) are removed. The corrections are ordinary Yjs edits, so they
 * reach every replica like any other. Returns what was corrected.
 */
export function enforceBoardLimits(doc: Y.Doc, changed: Map<Y.AbstractType<unknown>, Set<string | null>>): { trimmed: number; removed: number } {
  let trimmed = 0;
  let removed = 0;
  const entries = doc.getMap(ENTRIES_KEY);
  // Texts edited in place show up themselves; a text created in this edit only through its new entry.
  const texts = new Set<Y.Text>();
  for (const [type, keys] of changed) {
    if (type instanceof Y.Text) texts.add(type);
    if (type === entries) {
      for (const key of keys) {
        const text = key === null ? null : (entries.get(key) as Y.Map<unknown> | undefined)?.get?.('text');
        if (text instanceof Y.Text) texts.add(text);
      }
    }
  }
  doc.transact(() => {
    for (const text of texts) {
      if (text.length > MAX_ENTRY_CHARS) {
        text.delete(MAX_ENTRY_CHARS, text.length - MAX_ENTRY_CHARS);
        trimmed++;
      }
    }
    if (entries.size > MAX_ENTRIES_PER_BOARD) {
      const ids = [...entries.keys()];
      for (const id of ids.slice(MAX_ENTRIES_PER_BOARD)) {
        entries.delete(id);
        removed++;
      }
    }
  }, LIMITS_ORIGIN);
  return { trimmed, removed };
}

/** Transaction origin of the corrections, so they are told apart from client edits. */
const LIMITS_ORIGIN = 'twofold:limits';
