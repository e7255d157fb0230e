import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardAccess } from '../../lib/protocol';
import { launchAttack, openProbe, p99, summarise } from '../helpers/attack';
import type { BoardOpenersResult } from '../helpers/attacker';
import { HEAVY_CHARS_PER_ENTRY, HEAVY_ENTRIES, digestOf, writeHeavyBoard } from '../helpers/heavyBoard';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { boardUrl, connectBoard } from '../helpers/yjsClient';

/**
 * Issue 16's "no board stalls another": a board at its struct ceiling (~196,000 structs, 2.2 MB)
 * is opened over and over by 4 phones in a process of their own (tests/helpers/attacker.ts,
 * `boardOpeners`), so it is loaded, synced, unloaded and compacted again and again, while a probe
 * couple in another workshop types. The store is whichever TWOFOLD_TEST_STORE says (SQLite or
 * PostgreSQL). The unload delay is short so that every opening finds the board unloaded.
 *
 * The goal is a probe p99 under 50 ms (bench `hol` measures it); on a shared 2-core machine
 * with other suites running the test asserts 100 ms, the bound the attack suite holds, or twice
 * the probe's own p99 measured just before with no heavy board, when the machine alone is slower
 * than that. Before the state worker each load held the event loop for 300–600 ms.
 */
const { server, api } = await serverForFile({ timing: { docUnloadDelayMs: 20 } });
const UNDER_MS = 100;

const freshUrl = async (token: string, board: BoardAccess) => boardUrl({ ...board, params: (await api.boardTicket(token)).params });

describe('a board at its size limit stalls no other board', () => {
  it('[R111][R112][R113] 4 phones open a board of ~196,000 structs over and over (load, sync, unload, compaction each time) while a probe couple types in another workshop: the probe stays under 100 ms (or twice its p99 alone on a busy machine), every phone syncs the whole board, the work runs in the state worker, and what is stored is the board', { timeout: 180_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const docName = meA.board!.docName;
    const written = await writeHeavyBoard(await freshUrl(a.token, meA.board!));
    expect(written.digest).toEqual({ entries: HEAVY_ENTRIES, chars: HEAVY_ENTRIES * HEAVY_CHARS_PER_ENTRY });
    expect(written.structs).toBeGreaterThan(190_000);
    await eventually(() => expect(server.boards.liveCount).toBe(0), 30_000);

    let loads = 0;
    const loadDoc = server.store.loadDoc.bind(server.store);
    server.store.loadDoc = (name) => {
      if (name === docName) loads++;
      return loadDoc(name);
    };
    const workedBefore = server.stateWorkers.counts.worker;
    const probe = await openProbe(api);
    try {
      const alone = await probe.during(Promise.resolve(), { minSamples: 100 });
      const bound = Math.max(UNDER_MS, 2 * p99(alone.typingMs));
      const urls = await Promise.all([a, b, a, b].map((p, i) => freshUrl(p.token, i % 2 === 0 ? meA.board! : meB.board!)));
      const openers = launchAttack<BoardOpenersResult>({ kind: 'boardOpeners', urls, rounds: 4, durationMs: 8_000, gapMs: 200, expected: written.digest });
      await openers.running;
      const figures = await probe.during(openers.done, { minSamples: 100 });
      const result = await openers.done;
      const syncP99 = p99(result.syncMs);
      console.log(summarise('the probe alone', alone), '/', summarise('4 phones opening a board at its size limit', figures), `; ${result.opens} opens (${loads} loads), sync p99 ${Math.round(syncP99)} ms, worker tasks ${server.stateWorkers.counts.worker - workedBefore}, on the event loop ${server.stateWorkers.counts.inline}`);

      expect(result.opens).toBeGreaterThanOrEqual(12);
      expect(result.wrong).toBe(0);
      expect(result.firstWrong).toBeNull();
      expect(loads).toBeGreaterThanOrEqual(3);
      expect(server.stateWorkers.counts.worker - workedBefore).toBeGreaterThanOrEqual(loads);
      expect(server.stateWorkers.counts.inline).toBe(0);
      expect(p99(figures.typingMs)).toBeLessThan(bound);
      expect(p99(figures.healthMs)).toBeLessThan(bound);
    } finally {
      probe.close();
      server.store.loadDoc = loadDoc;
    }

    // Compacted on its last unload: the store holds one snapshot, and it is the board.
    await eventually(() => expect(server.boards.liveCount).toBe(0), 30_000);
    const stored = await server.store.loadDoc(docName);
    expect(stored.updates.length).toBeLessThanOrEqual(4); // the openers' empty sync step 2s after the last compaction, at most
    const replica = new Y.Doc();
    for (const u of [stored.snapshot, ...stored.updates]) if (u) Y.applyUpdate(replica, u);
    expect(Buffer.from(Y.encodeStateAsUpdate(replica)).equals(Buffer.from(written.state))).toBe(true);

    // A stock phone with the board already (a reconnect) gets its diff, and a keystroke builds the server's doc: the partner sees it.
    const phoneA = connectBoard({ ...meA.board!, params: (await api.boardTicket(a.token)).params }, replica);
    const phoneB = connectBoard({ ...meB.board!, params: (await api.boardTicket(b.token)).params });
    try {
      await Promise.all([phoneA.synced(), phoneB.synced()]);
      expect(digestOf(phoneB.doc)).toEqual(written.digest);
      const text = (phoneA.doc.getMap('entries').get('heavy-0') as Y.Map<unknown>).get('text') as Y.Text;
      text.insert(0, 'Z');
      await eventually(() => expect(((phoneB.doc.getMap('entries').get('heavy-0') as Y.Map<unknown>).get('text') as Y.Text).toString().startsWith('Z')).toBe(true), 30_000);
    } finally {
      phoneA.destroy();
      phoneB.destroy();
    }
  });
});
