import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES } from '../../../lib/protocol';
import { DEFAULT_LIMITS, SIZES } from '../../../server/tunables';
import { ApiClient } from '../../helpers/apiClient';
import { launchAttack, openProbe, p99, summarise } from '../../helpers/attack';
import { startTestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, connectBoard } from '../../helpers/yjsClient';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

interface RawState {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A y-websocket awareness message (type 1) carrying exactly these entries, as a crafted client would send it. */
function awarenessFrame(entries: RawState[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

/** A raw WebSocket on a board: every close code it gets, and a send that waits for the socket to open. */
function rawBoardSocket(url: string) {
  const ws = new WebSocket(url);
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  return { ws, closed, send: async (frame: Uint8Array) => (await opened, ws.send(frame)) };
}

describe('presence (awareness) floods and forgeries', () => {
  it('[R54][R115] 1 MB awareness states at 10/s from 3 connections: refused with 4422, then cut with 4329 by the participant’s budget, never kept or relayed; the heap stays flat and a probe couple under 100 ms', { timeout: 60_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop(['Mallory', 'Ben']);
    const partner = connectBoard((await api.me(b.token)).board!);
    await partner.synced();
    let largestSeen = 0;
    partner.provider.awareness.on('change', () => {
      for (const state of partner.provider.awareness.getStates().values()) largestSeen = Math.max(largestSeen, JSON.stringify(state).length);
    });
    const probe = await openProbe(api);
    try {
      const attack = launchAttack<{ sent: number; opened: number; closes: Record<string, number> }>({
        kind: 'awarenessFlood',
        url: boardUrl((await api.me(a.token)).board!),
        connections: 3,
        stateBytes: 1_000_000,
        perSecond: 10,
        durationMs: 5_000,
      });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      console.log(summarise('1 MB awareness states, 3 connections, 5 s', figures), JSON.stringify(result));

      expect(result.sent).toBeGreaterThan(3);
      // The first states are refused one by one; past the participant's byte or refused-frame budget, every connection is cut and reconnects are refused while cooling down.
      expect(result.closes[CLOSE_CODES.presenceRefused]).toBeGreaterThanOrEqual(1);
      expect(result.closes[CLOSE_CODES.presenceRefused]).toBeLessThanOrEqual(DEFAULT_LIMITS.boardRefusalBurst + 3);
      expect(result.closes[CLOSE_CODES.rateLimited]).toBeGreaterThan(0);
      expect((result.closes[CLOSE_CODES.presenceRefused] ?? 0) + (result.closes[CLOSE_CODES.rateLimited] ?? 0)).toBeGreaterThanOrEqual(result.opened - 3); // every connection (the last ones may meet the end first)
      expect(Object.keys(result.closes).every((code) => [String(CLOSE_CODES.presenceRefused), String(CLOSE_CODES.rateLimited), '1000', '1005'].includes(code))).toBe(true);
      expect(largestSeen).toBeLessThanOrEqual(DEFAULT_LIMITS.maxAwarenessStateBytes);
      // Documented budget: 2 KiB per state, 4 client ids per connection. The heap is dominated by noise, so: well under one state.
      expect(figures.heapGrowthMiB).toBeLessThan(32);
      expect(p99(figures.healthMs)).toBeLessThan(100);
      expect(p99(figures.typingMs)).toBeLessThan(100);
    } finally {
      probe.close();
      partner.destroy();
    }
  });

  it('[R55] a partner cannot show presence in the other’s name, change it or remove it; their own presence still goes through', async () => {
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const ben = connectBoard((await api.me(b.token)).board!);
    const anasPhone = connectBoard((await api.me(a.token)).board!); // a stock provider on the same board: its echoes must not cost it anything
    await Promise.all([ben.synced(), anasPhone.synced()]);
    ben.provider.awareness.setLocalState({ user: { name: 'Ben', seat: 'b' }, typing: null });
    anasPhone.provider.awareness.setLocalState({ user: { name: 'Ana', seat: 'a' }, typing: null });
    const seenByBen: unknown[] = [];
    ben.provider.awareness.on('change', () => seenByBen.push(...[...ben.provider.awareness.getStates()].filter(([id]) => id !== ben.doc.clientID).map(([, s]) => s)));
    await eventually(() => expect(seenByBen).toContainEqual({ user: { name: 'Ana', seat: 'a' }, typing: null }));
    const bensId = ben.doc.clientID;

    const forger = rawBoardSocket(boardUrl((await api.me(a.token)).board!));
    try {
      const forged = [
        { clientId: 900_001, clock: 1, state: { user: { name: 'Ben', seat: 'b' }, typing: 'x' } }, // a new id in Ben's name
        { clientId: 900_002, clock: 1, state: { user: { name: 'Ben', seat: 'a' }, typing: 'x' } }, // the right seat, his name
        { clientId: 900_003, clock: 1, state: { typing: 'x' } }, // no name at all: the UI would read it as the partner typing
        { clientId: bensId, clock: 1_000, state: { user: { name: 'Ben', seat: 'b' }, typing: 'FORGED' } }, // Ben's own id
        { clientId: bensId, clock: 1_001, state: null }, // Ben's presence removed
      ];
      for (const entry of forged) await forger.send(awarenessFrame([entry]));
      await forger.send(awarenessFrame([{ clientId: 900_004, clock: 1, state: { user: { name: 'Ana', seat: 'a' }, typing: 'marker' } }]));
      await eventually(() => expect(seenByBen).toContainEqual({ user: { name: 'Ana', seat: 'a' }, typing: 'marker' }));

      expect(JSON.stringify(seenByBen)).not.toContain('"typing":"x"');
      expect(JSON.stringify(seenByBen)).not.toContain('FORGED');
      expect(anasPhone.provider.awareness.getStates().get(bensId)).toEqual({ user: { name: 'Ben', seat: 'b' }, typing: null });
      expect(forger.ws.readyState).toBe(WebSocket.OPEN); // dropped, not a reason to close: the stock provider echoes others' states too
      expect(anasPhone.provider.wsconnected).toBe(true);
    } finally {
      forger.ws.close();
      ben.destroy();
      anasPhone.destroy();
    }
  });

  it('[R54] a connection that announces more client ids than one phone uses, or a state over 2 KiB, is closed with 4422', async () => {
    const { a } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const url = boardUrl((await api.me(a.token)).board!);
    const me = { user: { name: 'Ana', seat: 'a' } };

    const many = rawBoardSocket(url);
    const ids = Array.from({ length: DEFAULT_LIMITS.maxAwarenessClientsPerConnection + 1 }, (_, i) => 800_000 + i);
    for (const clientId of ids) await many.send(awarenessFrame([{ clientId, clock: 1, state: me }]));
    expect(await many.closed).toBe(CLOSE_CODES.presenceRefused);

    const big = rawBoardSocket(url);
    await big.send(awarenessFrame([{ clientId: 700_000, clock: 1, state: { ...me, pad: 'x'.repeat(DEFAULT_LIMITS.maxAwarenessStateBytes) } }]));
    expect(await big.closed).toBe(CLOSE_CODES.presenceRefused);

    // Just under the cap is fine, and reaches the partner.
    const ok = rawBoardSocket(url);
    const partner = connectBoard((await api.me((await api.coupleInWorkshop()).b.token)).board!); // another couple: must not see it
    const fits = { ...me, pad: 'y'.repeat(DEFAULT_LIMITS.maxAwarenessStateBytes - 100) };
    await ok.send(awarenessFrame([{ clientId: 700_001, clock: 1, state: fits }]));
    const reader = rawBoardSocket(url);
    const received: Buffer[] = [];
    reader.ws.on('message', (data: Buffer) => received.push(data));
    await eventually(() => expect(Buffer.concat(received).includes(Buffer.from('y'.repeat(100)))).toBe(true));
    expect(ok.ws.readyState).toBe(WebSocket.OPEN);
    expect([...partner.provider.awareness.getStates().values()].some((s) => JSON.stringify(s).includes('yyyy'))).toBe(false);
    for (const s of [ok, reader]) s.ws.close();
    partner.destroy();
  });

  it('[R54] a phone that reconnects again and again leaves a bounded number of client ids behind', { timeout: 30_000 }, async () => {
    const { a } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const board = (await api.me(a.token)).board!;
    const keeper = connectBoard(board); // keeps the board loaded, as a partner would
    await keeper.synced();
    const reconnects = 3 * SIZES.maxAwarenessIdsRememberedPerPerson;
    for (let i = 0; i < reconnects; i++) {
      const phone = rawBoardSocket(boardUrl(board));
      await phone.send(awarenessFrame([{ clientId: 600_000 + i, clock: 1, state: { user: { name: 'Ana', seat: 'a' } } }]));
      phone.ws.close();
      await phone.closed;
    }
    const live = await server.boards.acquire(board.docName);
    try {
      await eventually(() => expect(live.presence.awareness.getStates().has(600_000 + reconnects - 1)).toBe(false));
      // Every id announced once on this board is not kept for its life: y-protocols' clocks included.
      expect(live.presence.awareness.meta.size).toBeLessThanOrEqual(SIZES.maxAwarenessIdsRememberedPerPerson + 2);
    } finally {
      server.boards.release(board.docName);
      keeper.destroy();
    }
  });
});
