import { describe, expect, it } from 'vitest';
import { addEntry, listEntries } from '../../lib/board/schema';
import { ApiClient } from '../helpers/apiClient';
import { startTestServer, tempDataDir } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../lib/protocol';

const COUPLES = Number(process.env.RESTART_COUPLES ?? 100);

describe('[R40] restart with everyone connected', () => {
  it(`${COUPLES * 2} phones reconnect, resync and carry on after a server restart`, { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const api = new ApiClient(first.url);
    const workshop = await api.createWorkshop('Restart');
    const phones: { board: ReturnType<typeof connectBoard>; control: ReturnType<typeof io>; seat: 'a' | 'b'; selfStates: number }[] = [];
    for (let c = 0; c < COUPLES; c++) {
      const { a, b } = await api.coupleInWorkshop([`A${c}`, `B${c}`], workshop.code);
      for (const [p, seat] of [[a, 'a'], [b, 'b']] as const) {
        // Tickets of the first process do not open the second: the phone takes a fresh one on 4419, as docs/API.md says.
        const board = connectBoard((await api.me(p.token)).board!, undefined, { renew: async () => (await api.boardTicket(p.token)).params });
        // Reconnecting like a phone: Socket.IO's own jittered backoff.
        const control = io(first.url, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: p.token }, reconnectionDelay: 100, reconnectionDelayMax: 1_000 });
        const phone = { board, control, seat, selfStates: 0 };
        control.on('self:state', () => phone.selfStates++);
        phones.push(phone);
      }
    }
    await eventually(() => expect(phones.filter((p) => !(p.board.provider.synced && p.control.connected)).length).toBe(0), 60_000);
    phones.forEach((p, i) => addEntry(p.board.doc, { id: `before-${i}`, exercise: 'bring-need', column: 'bring', author: p.seat, createdAt: i }, `before ${i}`));
    await eventually(() => expect(phones.every((p) => listEntries(p.board.doc, 'bring-need').length === 2)).toBe(true), 30_000);

    const port = first.port;
    await first.close();
    const restartedAt = Date.now();
    const second = await startTestServer({ dataDir, port });
    try {
      await eventually(() => expect(phones.filter((p) => !(p.board.provider.synced && p.control.connected && p.selfStates >= 2)).map((p) => [p.board.provider.synced, p.control.connected, p.selfStates]).slice(0, 3)).toEqual([]), 60_000);
      const resyncedMs = Date.now() - restartedAt;
      // Edits after the restart reach the partner: everyone is really in sync again.
      phones.forEach((p, i) => addEntry(p.board.doc, { id: `after-${i}`, exercise: 'bring-need', column: 'need', author: p.seat, createdAt: 1000 + i }, `after ${i}`));
      await eventually(() => expect(phones.every((p) => listEntries(p.board.doc, 'bring-need').length === 4)).toBe(true), 30_000);
      const allSyncedMs = Date.now() - restartedAt;
      console.log(`[R40] ${phones.length} phones: reconnected and resynced ${resyncedMs} ms after the restart, exchanging new edits ${allSyncedMs} ms after it`);
      expect(resyncedMs).toBeLessThan(60_000);
    } finally {
      for (const p of phones) {
        p.board.destroy();
        p.control.close();
      }
      await second.close();
    }
  });
});
