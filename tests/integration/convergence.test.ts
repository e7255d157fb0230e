import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, deleteEntry, ENTRIES_KEY, LINKS_KEY, listEntries, setLink } from '../../lib/board/schema';
import type { BoardAccess } from '../../lib/protocol';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

/**
 * Several replicas of one board make random edits through the real server,
 * dropping and restoring their connections at random. At the end every
 * replica, and a fresh reader of the stored doc, hold the same board.
 * Seeds that once failed stay here as named cases.
 */
const SEEDS = [1, 7, 42, 20261129, ...(process.env.CONVERGENCE_SEEDS ?? '').split(',').filter(Boolean).map(Number)];
const CLIENTS = 4;
const STEPS = 150;

const { api } = await serverForFile();

function generator(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const snapshot = (doc: Y.Doc) => ({
  entries: listEntries(doc, 'bring-need').map((e) => [e.id, e.author, e.column, e.text.toString()]),
  links: doc.getMap(LINKS_KEY).toJSON(),
});

describe('[R39] convergence through the real server', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed}: ${CLIENTS} replicas, ${STEPS} random edits with random disconnects, all equal at the end`, { timeout: 60_000 }, async () => {
      const random = generator(seed);
      const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
      const { a, b } = await api.coupleInWorkshop();
      const accesses: BoardAccess[] = [(await api.me(a.token)).board!, (await api.me(b.token)).board!];
      // Two devices per partner: a phone and, say, a laptop.
      const replicas = Array.from({ length: CLIENTS }, (_, i) => ({ seat: (i % 2 === 0 ? 'a' : 'b') as 'a' | 'b', client: connectBoard(accesses[i % 2]) }));
      await Promise.all(replicas.map((r) => r.client.synced()));

      for (let step = 0; step < STEPS; step++) {
        const r = pick(replicas);
        const doc = r.client.doc;
        const mine = listEntries(doc, 'bring-need').filter((e) => e.author === r.seat);
        const roll = random();
        if (roll < 0.08) {
          if (r.client.provider.wsconnected || r.client.provider.shouldConnect) r.client.provider.disconnect();
          else r.client.provider.connect();
        } else if (roll < 0.3 || mine.length === 0) {
          addEntry(doc, { id: `s${seed}-${step}`, exercise: 'bring-need', column: random() < 0.5 ? 'bring' : 'need', author: r.seat, createdAt: step }, `e${step}`);
        } else if (roll < 0.8) {
          const text = pick(mine).text;
          const at = Math.floor(random() * (text.length + 1));
          if (random() < 0.7 || text.length === 0) text.insert(at, String.fromCharCode(97 + Math.floor(random() * 26)));
          else text.delete(Math.min(at, text.length - 1), 1);
        } else if (roll < 0.9) {
          deleteEntry(doc, pick(mine).id);
        } else {
          const partners = listEntries(doc, 'bring-need').filter((e) => e.author !== r.seat && e.column === 'bring');
          const needs = mine.filter((e) => e.column === 'need');
          if (partners.length && needs.length) setLink(doc, pick(needs).id, pick(partners).id);
        }
        if (step % 10 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the sockets breathe
      }
      for (const r of replicas) if (!r.client.provider.wsconnected) r.client.provider.connect();
      await eventually(() => {
        const first = snapshot(replicas[0].client.doc);
        for (const r of replicas) expect(snapshot(r.client.doc)).toEqual(first);
      }, 20_000);
      const expected = snapshot(replicas[0].client.doc);
      expect(expected.entries.length).toBeGreaterThan(0);
      for (const r of replicas) r.client.destroy();

      // The stored doc, read by a newcomer, is the same board.
      const reader = connectBoard(accesses[0]);
      await reader.synced();
      expect(snapshot(reader.doc)).toEqual(expected);
      expect(reader.doc.getMap(ENTRIES_KEY).size).toBe(expected.entries.length);
      reader.destroy();
    });
  }
});
