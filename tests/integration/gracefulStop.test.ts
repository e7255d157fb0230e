import net from 'node:net';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { addEntry, listEntries } from '../../lib/board/schema';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../lib/protocol';
import { openSqliteStore } from '../../server/store/sqliteStore';
import { TIMING } from '../../server/tunables';
import { ApiClient } from '../helpers/apiClient';
import { startTestServer, tempDataDir } from '../helpers/server';
import { docFromStore } from '../helpers/typingPhones';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

/** Sends `head` on a fresh connection to `port` and resolves with the socket once it is open. */
function openConnection(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Everything `socket` receives until the server closes it. */
function readUntilClosed(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
  });
}

describe('[R62] a graceful stop (SIGTERM)', () => {
  it('stops listening, answers 503 shutting_down on connections still open, stores every board and closes its sockets with 1012', { timeout: 30_000 }, async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir, databaseUrl: null });
    const api = new ApiClient(server.url);
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const access = (await api.me(a.token)).board!;
    const boardA = connectBoard(access);
    const boardB = connectBoard((await api.me(b.token)).board!);
    const control = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: b.token }, forceNew: true });
    const closes: number[] = [];
    for (const board of [boardA, boardB]) board.provider.on('connection-close', (event) => event && closes.push(event.code));
    try {
      await Promise.all([boardA.synced(), boardB.synced(), eventually(() => expect(control.connected).toBe(true))]);
      for (let i = 0; i < 20; i++) addEntry(boardA.doc, { id: `e${i}`, exercise: 'bring-need', column: 'bring', author: 'a', createdAt: i }, `entry ${i}`);
      await eventually(() => expect(listEntries(boardB.doc, 'bring-need')).toHaveLength(20));
      const disconnected = new Promise<string>((resolve) => control.once('disconnect', resolve));

      // A balancer's readiness probe on a connection that is already open, its request under way.
      const probe = await openConnection(server.port);
      const answer = readUntilClosed(probe);
      probe.write('GET /api/health/ready HTTP/1.1\r\nHost: twofold\r\n');
      expect((await api.request('GET', '/api/health')).status).toBe(200); // the server has read the probe's first bytes by now

      const started = performance.now();
      const closed = server.close();
      probe.write('\r\n');
      const response = await answer;
      expect(response).toMatch(/^HTTP\/1\.1 503 /);
      expect(response.toLowerCase()).toContain('connection: close');
      expect(response).toContain('"code":"shutting_down"');
      // Nothing new is taken: the balancer's next connection is refused and goes to another node.
      await expect(openConnection(server.port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      await closed;
      const stopMs = performance.now() - started;
      console.log(`[R62] close() took ${stopMs.toFixed(0)} ms`);
      expect(stopMs).toBeLessThan(TIMING.shutdownBoundMs);

      // Every board socket was told "reconnect now", never a code the stock provider gives up on…
      expect(closes.sort()).toEqual([CLOSE_CODES.serviceRestart, CLOSE_CODES.serviceRestart]);
      expect(boardA.provider.shouldConnect).toBe(true);
      // …and the Socket.IO client lost its transport (it reconnects), it was not sent away (it would not).
      expect(await disconnected).toBe('transport close');
      expect(control.active).toBe(true);
      // Everything was stored before the sockets closed.
      const store = openSqliteStore(dataDir);
      const stored = docFromStore(await store.loadDoc(access.docName));
      expect(listEntries(stored, 'bring-need').map((e) => e.text.toString()).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `entry ${i}`).sort());
      await store.close();
    } finally {
      boardA.destroy();
      boardB.destroy();
      control.close();
      await server.close();
    }
  });
});
