import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { addEntry, listEntries } from '../../../lib/board/schema';
import { CLOSE_CODES, privateDocName, type BoardAccess } from '../../../lib/protocol';
import { DEFAULT_LIMITS } from '../../../server/tunables';
import { launchAttack, openProbe, p99, summarise, type ProbeFigures } from '../../helpers/attack';
import type { RefusedFloodResult } from '../../helpers/attacker';
import { rawBoardClient } from '../../helpers/rawBoardClient';
import { serverForFile } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../../helpers/yjsClient';

/**
 * The per-person /yjs budget (server/boards/frameBudget.ts, docs/SECURITY.md "Per-person
 * budgets"): frames and bytes a second for every frame, a much smaller budget of refused
 * frames, and a cool-down after either. Real server, raw `ws` clients and stock providers;
 * the flood comes from a process of its own (tests/helpers/attacker.ts). The cool-down is
 * shortened to 3 s so that a test sees it end; every budget is the default.
 */
const COOL_DOWN_MS = 3_000;
const { api } = await serverForFile({ timing: { boardCoolDownMs: COOL_DOWN_MS } });
const { boardRefusalBurst, boardRefusalForgiveMs, boardFrameBurst, boardByteBurst } = DEFAULT_LIMITS;
/** Probe rounds without and with the attacker, alternating, and how long each attack lasts. */
const ROUNDS = 3;
const ATTACK_MS = 4_000;

const withTicket = async (token: string, board: BoardAccess, docName = board.docName): Promise<BoardAccess> => ({ ...board, docName, params: (await api.boardTicket(token)).params });

/** Every close code a stock provider meets (null: closed on this side). */
function closesOf(phone: ReturnType<typeof connectBoard>): (number | null)[] {
  const codes: (number | null)[] = [];
  phone.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? null));
  return codes;
}

/** Whether a board socket opens: true at the server's first message, false if it is closed before one. */
function opens(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('error', () => undefined);
    ws.once('message', () => {
      resolve(true);
      ws.terminate();
    });
    ws.once('close', () => resolve(false));
  });
}

/** A sync step 1 carrying a state vector of `clients` made-up client ids: valid, accepted, answered; about 6 bytes per client. */
function bigSyncStep1(clients: number): Uint8Array {
  const sv = encoding.createEncoder();
  encoding.writeVarUint(sv, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(sv, 1_000_000_000 + i);
    encoding.writeVarUint(sv, 1);
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 0);
  encoding.writeVarUint(frame, 0);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(sv));
  return encoding.toUint8Array(frame);
}

describe('a participant’s budget on the board endpoint', () => {
  it('[R114][R115] an unpaced flood of refused frames (junk, foreign roots, the partner’s name, over 1 MiB) from 4 sockets of one participant is cut with 4329 and refused at the upgrade while cooling down; a probe couple elsewhere keeps typing within 50 ms of the same probe without it', { timeout: 120_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const partner = connectBoard((await api.me(b.token)).board!);
    const partnerCloses = closesOf(partner);
    await partner.synced();
    const url = boardUrl((await api.me(a.token)).board!);
    const probe = await openProbe(api);
    try {
      // Rounds without and with the attacker, alternating, so both see the same shared machine.
      const quiet: ProbeFigures[] = [];
      const loud: ProbeFigures[] = [];
      const results: RefusedFloodResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        quiet.push(await probe.during(Promise.resolve(), { minSamples: 80 }));
        const attack = launchAttack<RefusedFloodResult>({ kind: 'refusedFlood', url, connections: 4, framesPerConnection: 1_000, durationMs: ATTACK_MS }, { lowPriority: true });
        await attack.running;
        loud.push(await probe.during(attack.done, { minSamples: 80 }));
        results.push(await attack.done);
      }
      const typing = (f: ProbeFigures[]) => p99(f.flatMap((x) => x.typingMs));
      const health = (f: ProbeFigures[]) => p99(f.flatMap((x) => x.healthMs));
      quiet.forEach((f, i) => console.log(summarise(`round ${i + 1}, no attacker`, f)));
      loud.forEach((f, i) => console.log(summarise(`round ${i + 1}, refused-frame flood from 4 sockets of one participant, ${ATTACK_MS / 1000} s`, f), JSON.stringify(results[i])));
      console.log(`typing p99: ${typing(quiet).toFixed(1)} ms without, ${typing(loud).toFixed(1)} ms with the flood; health ${health(quiet).toFixed(1)} / ${health(loud).toFixed(1)} ms`);

      for (const result of results) {
        expect(result.sent).toBeGreaterThan(2_000); // unpaced: a thousand frames a connection, written at once
        // Refused frames the server read: at most the burst, what the round forgives, and those in flight on the 4 sockets when it cut.
        expect(result.refusalsRead).toBeLessThanOrEqual(boardRefusalBurst + Math.ceil(ATTACK_MS / boardRefusalForgiveMs) + 4);
        // Cooling down, the attacker's reconnects are refused before a byte, each answered after a second (a few a second, not thousands).
        expect(result.refusedAtUpgrade).toBeGreaterThanOrEqual(4);
        expect(result.opened).toBeLessThan(200);
        // 1006: a frame over 1 MiB is answered with 1009, and the socket cut at once, sometimes before the close frame leaves.
        expect(Object.keys(result.closes).every((code) => ['4329', '4400', '4422', '1009', '1006'].includes(code))).toBe(true);
      }
      expect(results[0].firstCutMs).not.toBeNull();
      expect(results[0].refusalsRead).toBeGreaterThan(0);
      // Before the budget the same flood had every frame read: 427,000 in 6 s, and the probe went from 14 to 122 ms.
      expect(typing(loud)).toBeLessThan(typing(quiet) + 50);
      expect(health(loud)).toBeLessThan(health(quiet) + 50);

      // The partner, another participant on the same board, is neither cut nor shown the forged entry.
      expect(partnerCloses).toEqual([]);
      expect(listEntries(partner.doc, 'bring-need')).toEqual([]);
      addEntry(partner.doc, { id: 'ben', exercise: 'bring-need', column: 'need', author: 'b', createdAt: 1 }, 'still here');
      const check = connectBoard(await withTicket(b.token, (await api.me(b.token)).board!));
      await eventually(() => expect(listEntries(check.doc, 'bring-need').map((e) => e.text.toString())).toEqual(['still here']));
      check.destroy();
    } finally {
      probe.close();
      partner.destroy();
    }
  });

  it('[R114] frames the server accepts, unpaced on one socket, cut every socket of that person on every doc (4329), not the partner’s; the person is refused before a byte until the cool-down ends, then welcome', { timeout: 30_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const partner = rawBoardClient(boardUrl(meB.board!));
    const flooder = rawBoardClient(boardUrl(meA.board!));
    const ownPrivate = rawBoardClient(boardUrl(await withTicket(a.token, meA.board!, privateDocName(meA.couple!.id, 'support', 'a'))));
    await Promise.all([partner.synced(), flooder.synced(), ownPrivate.synced()]);

    // Presence queries: each is answered, none is refused. Written at once, far past the burst.
    const query = Uint8Array.from([3]);
    for (let i = 0; i < 2 * boardFrameBurst; i++) flooder.ws.send(query);
    expect(await flooder.closed).toMatchObject({ code: CLOSE_CODES.rateLimited });
    expect(await ownPrivate.closed).toMatchObject({ code: CLOSE_CODES.rateLimited });
    const cutAt = Date.now();

    const url = boardUrl(meA.board!);
    expect(await closeCodeOf(url)).toEqual({ code: CLOSE_CODES.rateLimited, reason: 'cooling down', messages: 0 });
    expect(await closeCodeOf(boardUrl(await withTicket(a.token, meA.board!)))).toMatchObject({ code: CLOSE_CODES.rateLimited, messages: 0 }); // a new ticket changes nothing
    expect(partner.ws.readyState).toBe(WebSocket.OPEN);

    // After the cool-down (not before) the same ticket opens the board again.
    await vi.waitFor(async () => expect(await opens(url)).toBe(true), { timeout: COOL_DOWN_MS + 5_000, interval: 200 });
    expect(Date.now() - cutAt).toBeGreaterThanOrEqual(COOL_DOWN_MS - 100);
    partner.close();
  });

  it('[R114] bytes: large frames the server accepts (sync step 1 with a 600 KB state vector) are cut past the byte burst, long before the frame budget', { timeout: 30_000 }, async () => {
    const { a } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const flooder = rawBoardClient(boardUrl((await api.me(a.token)).board!));
    await flooder.synced();
    const frame = bigSyncStep1(100_000);
    expect(frame.length).toBeGreaterThan(500_000);
    const count = Math.ceil((2 * boardByteBurst) / frame.length);
    for (let i = 0; i < count; i++) flooder.ws.send(frame);
    expect(await flooder.closed).toMatchObject({ code: CLOSE_CODES.rateLimited });
    expect(count).toBeLessThan(boardFrameBurst / 10);
  });

  it('[R116] an honest couple pasting, typing as fast as a loop can, editing offline and reconnecting again and again is never cut', { timeout: 60_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const ana = connectBoard(meA.board!, undefined, { renew: async () => (await api.boardTicket(a.token)).params });
    const ben = connectBoard(meB.board!, undefined, { renew: async () => (await api.boardTicket(b.token)).params });
    const anaPrivate = connectBoard(await withTicket(a.token, meA.board!, privateDocName(meA.couple!.id, 'support', 'a')));
    const anaCloses = closesOf(ana);
    const benCloses = closesOf(ben);
    const privateCloses = closesOf(anaPrivate);
    try {
      await Promise.all([ana.synced(), ben.synced(), anaPrivate.synced()]);
      ana.provider.awareness.setLocalState({ user: { name: 'Ana', seat: 'a' }, typing: null });
      // A paste: one update of an entry's 2,000 characters.
      addEntry(ana.doc, { id: 'paste', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'p'.repeat(2_000));
      // 600 keystrokes in one burst (a frame each), the partner typing 300 meanwhile, presence on every keystroke.
      const text = addEntry(ana.doc, { id: 'fast', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 2 });
      const hers = addEntry(ben.doc, { id: 'his', exercise: 'bring-need', column: 'need', author: 'b', createdAt: 3 });
      for (let i = 0; i < 600; i++) {
        text.insert(text.length, 'k');
        ana.provider.awareness.setLocalStateField('typing', i % 2 ? 'fast' : null);
        if (i % 2) hers.insert(hers.length, 'h');
      }
      await eventually(() => expect(listEntries(ben.doc, 'bring-need').find((e) => e.id === 'fast')?.text.length).toBe(600), 15_000);
      // Reconnects: offline edits each time, then the sync of everything on three docs at once, ten times over.
      for (let round = 0; round < 10; round++) {
        for (const phone of [ana, ben, anaPrivate]) phone.provider.disconnect();
        for (let i = 0; i < 50; i++) text.insert(text.length, 'o');
        for (const phone of [ana, ben, anaPrivate]) phone.provider.connect();
        await Promise.all([ana, ben, anaPrivate].map((phone) => eventually(() => expect(phone.provider.synced).toBe(true), 10_000)));
      }
      await eventually(() => expect(listEntries(ben.doc, 'bring-need').find((e) => e.id === 'fast')?.text.toString()).toBe(text.toString()), 15_000);
      expect(text.length).toBe(600 + 500);
      // Every close was this side's own disconnect(): none from the server, 4329 least of all.
      for (const codes of [anaCloses, benCloses, privateCloses]) expect(codes.filter((c) => c !== null)).toEqual([]);
      expect(anaCloses.length).toBe(10); // the control: the listener hears closes
    } finally {
      for (const phone of [ana, ben, anaPrivate]) phone.destroy();
    }
  });
});
