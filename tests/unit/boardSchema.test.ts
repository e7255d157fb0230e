import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, countWrittenEntries, deleteEntry, ENTRIES_KEY, listEntries, readLinks, setLink } from '../../lib/board/schema';
import { boardDocName, coupleIdFromDocName } from '../../lib/protocol';
import { enforceBoardLimits } from '../../lib/board/boardLimits';
import { MAX_ENTRIES_PER_BOARD, MAX_ENTRY_CHARS } from '../../lib/limits';

const meta = (id: string, column: 'bring' | 'need', author: 'a' | 'b', createdAt: number) => ({ id, exercise: 'bring-need', column, author, createdAt });

/** Two replicas kept in sync by exchanging updates, as the server would relay them. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'));
  return { a, b };
}

describe('[R18] board doc schema', () => {
  it('keeps each entry as its own Y.Text, ordered by creation time then id', () => {
    const doc = new Y.Doc();
    addEntry(doc, meta('e2', 'bring', 'a', 20), 'patience');
    addEntry(doc, meta('e1', 'need', 'b', 10), 'quiet mornings');
    addEntry(doc, meta('e0', 'bring', 'b', 20), 'humour');
    const entries = listEntries(doc, 'bring-need');
    expect(entries.map((e) => e.id)).toEqual(['e1', 'e0', 'e2']);
    expect(entries[0].text).toBeInstanceOf(Y.Text);
    expect(entries[0].text.toString()).toBe('quiet mornings');
    expect(listEntries(doc, 'other-exercise')).toEqual([]);
  });

  it('merges concurrent typing in two entries without touching each other', () => {
    const { a, b } = pair();
    const textA = addEntry(a, meta('ea', 'bring', 'a', 1));
    const textB = addEntry(b, meta('eb', 'need', 'b', 2));
    textA.insert(0, 'calm');
    textB.insert(0, 'time');
    expect(listEntries(a, 'bring-need').map((e) => e.text.toString())).toEqual(['calm', 'time']);
    expect(listEntries(b, 'bring-need').map((e) => e.text.toString())).toEqual(['calm', 'time']);
  });

  it('links a need to a bring and drops links when either entry goes', () => {
    const doc = new Y.Doc();
    addEntry(doc, meta('bring1', 'bring', 'b', 1), 'cooking');
    addEntry(doc, meta('need1', 'need', 'a', 2), 'good food');
    addEntry(doc, meta('need2', 'need', 'a', 3), 'company');
    setLink(doc, 'need1', 'bring1');
    setLink(doc, 'need2', 'bring1');
    expect([...readLinks(doc)]).toEqual([
      ['need1', 'bring1'],
      ['need2', 'bring1'],
    ]);
    deleteEntry(doc, 'bring1');
    expect(readLinks(doc).size).toBe(0);
    expect(doc.getMap('links').size).toBe(0);
    setLink(doc, 'need1', null);
    expect(listEntries(doc, 'bring-need').map((e) => e.id)).toEqual(['need1', 'need2']);
  });

  it('counts only entries with written text, and ignores malformed values', () => {
    const doc = new Y.Doc();
    addEntry(doc, meta('e1', 'bring', 'a', 1), 'listening');
    addEntry(doc, meta('e2', 'bring', 'a', 2), '   ');
    doc.getMap(ENTRIES_KEY).set('junk', 'not an entry' as never);
    expect(countWrittenEntries(doc)).toBe(1);
    expect(listEntries(doc, 'bring-need').map((e) => e.id)).toEqual(['e1', 'e2']);
  });

  it('names board docs after unguessable couple ids only', () => {
    const id = 'AbCdEfGhIjKlMnOpQrStUv';
    expect(coupleIdFromDocName(boardDocName(id))).toBe(id);
    expect(coupleIdFromDocName('board.short')).toBeNull();
    expect(coupleIdFromDocName('other.AbCdEfGhIjKlMnOpQrStUv')).toBeNull();
    expect(coupleIdFromDocName('board.AbCdEfGhIjKlMnOpQrSt/v')).toBeNull();
  });
});

describe('[R37] board limits', () => {
  const changes = (doc: Y.Doc, edit: () => void) => {
    const changed = new Map<Y.AbstractType<unknown>, Set<string | null>>();
    const collect = (tr: Y.Transaction) => tr.changed.forEach((keys, type) => changed.set(type as Y.AbstractType<unknown>, keys));
    doc.on('afterTransaction', collect);
    edit();
    doc.off('afterTransaction', collect);
    return changed;
  };

  it('cuts an entry at the length limit, whether typed in place or pasted into a new entry', () => {
    const doc = new Y.Doc();
    let text!: Y.Text;
    const pasted = changes(doc, () => (text = addEntry(doc, meta('e1', 'bring', 'a', 1), 'x'.repeat(MAX_ENTRY_CHARS + 50))));
    expect(enforceBoardLimits(doc, pasted)).toEqual({ trimmed: 1, removed: 0 });
    expect(text.length).toBe(MAX_ENTRY_CHARS);
    const typed = changes(doc, () => text.insert(10, 'more'));
    enforceBoardLimits(doc, typed);
    expect(text.length).toBe(MAX_ENTRY_CHARS);
  });

  it('removes entries past the per-board limit', () => {
    const doc = new Y.Doc();
    const changed = changes(doc, () => {
      for (let i = 0; i < MAX_ENTRIES_PER_BOARD + 3; i++) addEntry(doc, meta(`e${i}`, 'need', 'b', i), 'x');
    });
    expect(enforceBoardLimits(doc, changed).removed).toBe(3);
    expect(doc.getMap('entries').size).toBe(MAX_ENTRIES_PER_BOARD);
  });
});
