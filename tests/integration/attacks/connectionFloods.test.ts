import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../../lib/protocol';
import { defaultMaxConnections, readFileDescriptorLimit } from '../../../server/infra/fileDescriptors';
import { DEFAULT_LIMITS } from '../../../server/tunables';
import { ApiClient } from '../../helpers/apiClient';
import { launchAttack, openProbe, p99, summarise } from '../../helpers/attack';
import { startTestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';

type HalfOpenResult = { attempted: number; connected: number; answered: number; stillOpen: number; outcome: string; lifetimesMs: number[] };

/** Timeouts shortened so that the attack is over in seconds; the budgets are the same code with smaller numbers. */
const TIMING = { headersTimeoutMs: 1_500, requestTimeoutMs: 3_000, connectionsCheckIntervalMs: 250, authTimeoutMs: 1_500 };
/** Loopback addresses other than the probe's 127.0.0.1 (Linux routes all of 127/8 to lo). */
const addresses = (n: number) => Array.from({ length: n }, (_, i) => `127.0.0.${i + 2}`);
const openDescriptors = () => fs.readdirSync('/proc/self/fd').length;

let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function serverWith(limits: Partial<typeof DEFAULT_LIMITS>) {
  server = await startTestServer({ limits: { ...DEFAULT_LIMITS, ...limits }, timing: TIMING });
  return { server, api: new ApiClient(server.url), port: server.port };
}

describe('connection floods', () => {
  it('[R53] 2,000 half-open upgrades from two addresses: each address held to its pending budget, the rest destroyed at once, the held ones timed out; a probe couple stays under 100 ms', { timeout: 60_000 }, async () => {
    const { api, port } = await serverWith({ maxConnections: 1_000, maxPendingPerIp: 200 });
    const probe = await openProbe(api);
    try {
      const attack = launchAttack<HalfOpenResult>({ kind: 'halfOpen', port, addresses: addresses(2), perAddress: 1_000, mode: 'partial', maxMs: 20_000 });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      console.log(summarise('2,000 half-open upgrades', figures), `refused at once: ${result.lifetimesMs.filter((ms) => ms < 500).length}`);

      expect(result.connected).toBe(2_000);
      // 200 per address were let in; everything else was destroyed at once.
      expect(result.lifetimesMs.filter((ms) => ms < 500).length).toBeGreaterThanOrEqual(1_600);
      // The held ones sent headers that never end: timed out by the server (408), not left open.
      const held = result.lifetimesMs.filter((ms) => ms >= 500);
      expect(held.length).toBeLessThanOrEqual(400);
      expect(Math.max(...held)).toBeLessThan(TIMING.headersTimeoutMs + 1_500);
      expect(result.answered).toBeGreaterThanOrEqual(held.length);
      expect(result).toMatchObject({ outcome: 'closed', stillOpen: 0 });
      expect((await probe.metrics()).tcpRefused).toBeGreaterThanOrEqual(1_600);

      expect(p99(figures.healthMs)).toBeLessThan(100);
      expect(p99(figures.typingMs)).toBeLessThan(100);
    } finally {
      probe.close();
    }
  });

  it('[R53] silent connections from many addresses stop at the process ceiling, below the descriptor limit; people already connected are still served', { timeout: 60_000 }, async () => {
    const CEILING = 300;
    const { api, port } = await serverWith({ maxConnections: CEILING, maxPendingPerIp: 200 });
    const probe = await openProbe(api);
    const descriptorsBefore = openDescriptors();
    try {
      const attack = launchAttack<HalfOpenResult>({ kind: 'halfOpen', port, addresses: addresses(10), perAddress: 100, mode: 'silent', maxMs: 20_000 });
      await attack.running;
      let peakDescriptors = 0;
      let peakOpen = 0;
      let refused = 0;
      const figures = await probe.during(attack.done, {
        onSample: async () => {
          const metrics = await probe.metrics();
          peakOpen = Math.max(peakOpen, metrics.tcpConnections ?? Infinity);
          refused = metrics.tcpRefused ?? 0;
          peakDescriptors = Math.max(peakDescriptors, openDescriptors() - descriptorsBefore);
        },
      });
      const result = await attack.done;
      console.log(summarise('1,000 silent connections, ceiling 300', figures), `refused ${refused}, peak open ${peakOpen}, descriptors +${peakDescriptors}`);

      expect(result.connected).toBe(1_000);
      expect(refused).toBeGreaterThanOrEqual(1_000 - CEILING);
      expect(result.lifetimesMs.filter((ms) => ms < 500).length).toBeGreaterThanOrEqual(1_000 - CEILING);
      // Connections that never sent a byte are dropped after the first-byte timeout (node's own timeouts never start).
      expect(Math.max(...result.lifetimesMs)).toBeLessThan(TIMING.headersTimeoutMs + 1_500);
      expect(result).toMatchObject({ outcome: 'closed', stillOpen: 0 });
      expect(peakOpen).toBeLessThanOrEqual(CEILING);
      expect(peakDescriptors).toBeLessThanOrEqual(CEILING);

      // The probe couple's sockets and the kept HTTP connection were opened before: still served.
      expect(p99(figures.healthMs)).toBeLessThan(100);
      expect(p99(figures.typingMs)).toBeLessThan(100);
      expect((await api.request('GET', '/api/health')).status).toBe(200); // and new visitors again afterwards
    } finally {
      probe.close();
    }
  });

  it('[R53] Socket.IO upgrades that never authenticate: held to the pending budget and closed after the auth timeout', { timeout: 60_000 }, async () => {
    const { api, port } = await serverWith({ maxConnections: 2_000, maxPendingPerIp: 200 });
    const probe = await openProbe(api);
    try {
      const attack = launchAttack<HalfOpenResult>({ kind: 'halfOpen', port, addresses: addresses(2), perAddress: 300, mode: 'socketIoNoAuth', maxMs: 20_000 });
      await attack.running;
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      console.log(summarise('600 unauthenticated Socket.IO upgrades', figures));

      expect(result.lifetimesMs.filter((ms) => ms < 500).length).toBeGreaterThanOrEqual(200);
      const held = result.lifetimesMs.filter((ms) => ms >= 500);
      expect(held.length).toBeGreaterThan(0);
      expect(held.length).toBeLessThanOrEqual(400);
      expect(Math.max(...held)).toBeLessThan(TIMING.authTimeoutMs + 1_500);
      expect(result).toMatchObject({ outcome: 'closed', stillOpen: 0 });
      await eventually(async () => expect((await probe.metrics()).controlSockets).toBe(0));
      expect(p99(figures.healthMs)).toBeLessThan(100);
      expect(p99(figures.typingMs)).toBeLessThan(100);
    } finally {
      probe.close();
    }
  });

  it('[R53] the default ceiling is the process’s descriptor limit minus max(256, 10 %)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-limits-'));
    const limits = (soft: string) => {
      const file = path.join(dir, `limits-${soft}`);
      fs.writeFileSync(file, `Limit                     Soft Limit           Hard Limit           Units\nMax open files            ${soft}                1048576              files\n`);
      return readFileDescriptorLimit(file);
    };
    expect(limits('20000')).toBe(20_000);
    expect(defaultMaxConnections(limits('20000'))).toBe(18_000);
    expect(defaultMaxConnections(limits('1024'))).toBe(768);
    expect(limits('unlimited')).toBeNull();
    expect(defaultMaxConnections(null)).toBe(4_096);
    expect(readFileDescriptorLimit(path.join(dir, 'missing'))).toBeNull();
    // This process: the same figure node applies (it raises the soft limit at start-up).
    expect(readFileDescriptorLimit()).toBe(Number(/Max open files\s+(\d+)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'))![1]));
    fs.rmSync(dir, { recursive: true });
  });

  it('[R53] a refused board socket that never answers the close is destroyed after a second, not the 30 s ws would wait', async () => {
    const { api, port } = await serverWith({});
    const { a } = await api.coupleInWorkshop();
    const { docName } = (await api.me(a.token)).board!;
    const socket = net.connect(port, '127.0.0.1');
    const opened = Date.now();
    let received = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
    socket.write(
      `GET /yjs/${docName} HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    const closedAfter = await new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - opened)));
    const text = received.toString('latin1');
    expect(text.startsWith('HTTP/1.1 101')).toBe(true);
    // The close frame carries the code (0x88, length, then the code big-endian).
    const frame = received.subarray(received.indexOf('\r\n\r\n') + 4);
    expect(frame[0]).toBe(0x88);
    expect(frame.readUInt16BE(2)).toBe(CLOSE_CODES.unauthorized);
    expect(closedAfter).toBeLessThan(3_000);
  });
});
