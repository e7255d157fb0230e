import * as Y from 'yjs';
import { addEntry, ENTRIES_KEY } from '../../lib/board/schema';
import { CLOSE_CODES, type BoardAccess } from '../../lib/protocol';
import { connectBoard } from '../helpers/yjsClient';

/**
 * What the crash harness's phones do, and what their partners saw. `keystrokes`: each phone
 * types into an entry one character per tick (a new entry every few characters), as a person
 * does, so a board's log passes the compaction threshold while staying far below the entry
 * limit. `entries`: each tick adds a whole entry (the harness before issue 11), which passes
 * the 400-entries-per-board limit [R37] on a fast couple's board.
 */
export type Workload = 'keystrokes' | 'entries';

export interface Phone {
  index: number;
  couple: number;
  seat: 'a' | 'b';
  board: ReturnType<typeof connectBoard>;
}

export function connectPhone(index: number, couple: number, seat: 'a' | 'b', access: BoardAccess, onBudgetClose: () => void): Phone {
  const board = connectBoard(access);
  // These phones type every 2–25 ms: faster than anyone, yet within the frame budget [R116].
  board.provider.on('connection-close', (event: CloseEvent | null) => event?.code === CLOSE_CODES.rateLimited && onBudgetClose());
  return { index, couple, seat, board };
}

interface Sighting {
  couple: number;
  /** The longest text of the entry a partner's phone received: the server stored it before relaying it ([R12]). */
  text: string;
  /** Characters the entry was created with: one edit together with the entry (the `entries` workload's whole text). */
  initial: number;
}

/**
 * Confirmed edits: what each phone received of its partner's entries. Also the entries the
 * server removed: the harness never deletes, so a deletion a phone receives is the server's
 * entry-limit correction, which is stored before it is relayed like any update.
 */
export class Sightings {
  private readonly seen = new Map<string, Sighting>();
  readonly removed = new Set<string>();
  /** Confirmed edits per couple's board. */
  readonly perCouple: number[];

  constructor(
    couples: number,
    private readonly workload: Workload,
  ) {
    this.perCouple = Array.from({ length: couples }, () => 0);
  }

  get edits(): number {
    return this.perCouple.reduce((a, b) => a + b, 0);
  }

  watch(phone: Phone): void {
    const entries = phone.board.doc.getMap<Y.Map<unknown>>(ENTRIES_KEY);
    entries.observeDeep((events) => {
      const touched = new Set<string>();
      for (const event of events) {
        if (event.target === entries) {
          for (const [id, change] of event.changes.keys) {
            if (change.action === 'delete') this.removed.add(id);
            else touched.add(id);
          }
        } else if (typeof event.path[0] === 'string') touched.add(event.path[0]);
      }
      for (const id of touched) this.record(phone, id, entries.get(id));
    });
  }

  private record(phone: Phone, id: string, entry: Y.Map<unknown> | undefined): void {
    const text = entry?.get('text');
    if (!(text instanceof Y.Text) || entry?.get('author') === phone.seat) return;
    const now = text.toString();
    const before = this.seen.get(id);
    if (before && before.text.length >= now.length) return;
    const initial = before?.initial ?? (this.workload === 'entries' ? now.length : 0);
    this.perCouple[phone.couple] += before ? now.length - before.text.length : 1 + Math.max(0, now.length - initial);
    this.seen.set(id, { couple: phone.couple, text: now, initial });
  }

  /**
   * Compares with what the restarted server has. Lost: confirmed edits missing from it (an entry
   * counts with its edits, a text by its missing characters). Revived: an entry whose removal
   * a phone had received but that is back: the removal was relayed before it was stored.
   */
  check(stored: Map<string, string>): { lost: { id: string; edits: number }[]; revived: string[] } {
    const lost: { id: string; edits: number }[] = [];
    for (const [id, { text, initial }] of this.seen) {
      if (this.removed.has(id)) continue;
      const kept = stored.get(id);
      if (kept === undefined) lost.push({ id, edits: 1 + Math.max(0, text.length - initial) });
      else if (!kept.startsWith(text)) lost.push({ id, edits: text.length - commonPrefix(kept, text) });
    }
    return { lost, revived: [...this.removed].filter((id) => stored.has(id)) };
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Every entry of a board, by id, with its text: what the restarted server has. */
export function entryTexts(doc: Y.Doc, into: Map<string, string>): void {
  for (const [id, entry] of doc.getMap<Y.Map<unknown>>(ENTRIES_KEY)) {
    const text = entry instanceof Y.Map ? entry.get('text') : null;
    if (text instanceof Y.Text) into.set(id, text.toString());
  }
}

/** Starts every phone typing at its own interval; returns the function that stops them. */
export function startTyping(phones: Phone[], intervalsMs: number[], workload: Workload): () => void {
  let written = 0;
  const current = phones.map(() => ({ text: null as Y.Text | null, target: 0 }));
  const timers = phones.map((p, i) =>
    setInterval(() => {
      const id = `${p.index}-${written++}`;
      const meta = { id, exercise: 'bring-need', column: 'bring', author: p.seat, createdAt: Date.now() };
      if (workload === 'entries') {
        addEntry(p.board.doc, meta, `${p.seat}:${id}`);
        return;
      }
      const typing = current[i];
      if (typing.text && typing.text.length < typing.target) {
        typing.text.insert(typing.text.length, String.fromCharCode(97 + (typing.text.length % 26)));
        return;
      }
      typing.text = addEntry(p.board.doc, meta);
      typing.target = 3 + (written % 30); // 3 to 32 characters, then the next entry
    }, intervalsMs[i]),
  );
  return () => timers.forEach(clearInterval);
}
