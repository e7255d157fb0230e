import { expect } from 'vitest';
import type * as Y from 'yjs';
import { ApiClient } from './apiClient';
import { compareWords, startPhone, type Phone } from './typingPhones';
import { eventually } from './wait';

/** Each phone types a character this often: 10 keystrokes a second, a fast typist. */
const KEYSTROKE_MS = 100;

export interface WordFigures {
  /** Characters the server acknowledged (echoed or relayed), over every phone. */
  acked: number;
  /** Of those, found on both partners' phones and in the store. */
  ackedFound: number;
  /** Characters typed, over every phone; `typedFound`: present everywhere once the room settled. */
  typed: number;
  typedFound: number;
  /** The longest time a phone was without its board connection, and without its control connection (ms). */
  longestBoardOutageMs: number;
  longestControlOutageMs: number;
}

/**
 * A workshop of `couples` couples whose phones type continuously: partner A of couple c through
 * `baseUrls[c % n]`, partner B through `baseUrls[(c + 1) % n]` (balancers that prefer different
 * nodes, so partners sit on different nodes and every edit crosses Redis).
 */
export async function typingRoom(baseUrls: string[], couples: number) {
  const api = new ApiClient(baseUrls[0]);
  const workshop = await api.createWorkshop('Typing through restarts');
  const pairs: [Phone, Phone][] = [];
  for (let c = 0; c < couples; c++) {
    const { a, b } = await api.coupleInWorkshop([`A${c}`, `B${c}`], workshop.code);
    pairs.push([await startPhone(baseUrls[c % baseUrls.length], a.token, 'a'), await startPhone(baseUrls[(c + 1) % baseUrls.length], b.token, 'b')]);
  }
  const phones = pairs.flat();
  await eventually(() => expect(phones.filter((p) => !p.online)).toHaveLength(0), 30_000);
  let ticker: NodeJS.Timeout | null = null;

  return {
    pairs,
    phones,
    startTyping(): void {
      ticker ??= setInterval(() => phones.forEach((p) => p.type()), KEYSTROKE_MS);
    },
    stopTyping(): void {
      if (ticker) clearInterval(ticker);
      ticker = null;
    },
    /** Waits until every phone is online and has `chars` more acknowledged characters than now. */
    async progress(chars: number, timeout = 30_000): Promise<void> {
      const before = phones.map((p) => p.ackedChars());
      await eventually(() => {
        const behind = phones.filter((p, i) => !(p.online && p.ackedChars() >= before[i] + chars)).map((p) => p.describe());
        expect(behind).toEqual([]);
      }, timeout);
    },
    /** Once typing stopped: waits until both partners' phones hold everything either of them typed. */
    async settled(timeout = 30_000): Promise<void> {
      await eventually(() => {
        for (const [a, b] of pairs) {
          for (const phone of [a, b]) for (const replica of [a.doc, b.doc]) expect(compareWords(phone, replica).typedFound).toBe(compareWords(phone, replica).typed);
        }
      }, timeout);
    },
    /** Every phone's words against its partner's phone, its own, and the stored board (`stored(docName)`). */
    async figures(stored: (docName: string) => Promise<Y.Doc>): Promise<WordFigures> {
      const f: WordFigures = { acked: 0, ackedFound: 0, typed: 0, typedFound: 0, longestBoardOutageMs: 0, longestControlOutageMs: 0 };
      for (const [a, b] of pairs) {
        const store = await stored(a.docName);
        for (const phone of [a, b]) {
          const everywhere = [a.doc, b.doc, store].map((replica) => compareWords(phone, replica));
          f.acked += everywhere[0].acked;
          f.typed += everywhere[0].typed;
          // Found means found on all three replicas: the least of them.
          f.ackedFound += Math.min(...everywhere.map((w) => w.ackedFound));
          f.typedFound += Math.min(...everywhere.map((w) => w.typedFound));
          const longest = phone.longestOutage();
          f.longestBoardOutageMs = Math.max(f.longestBoardOutageMs, longest.board);
          f.longestControlOutageMs = Math.max(f.longestControlOutageMs, longest.control);
        }
        store.destroy();
      }
      return f;
    },
    destroy(): void {
      this.stopTyping();
      phones.forEach((p) => p.destroy());
    },
  };
}

export type TypingRoom = Awaited<ReturnType<typeof typingRoom>>;
