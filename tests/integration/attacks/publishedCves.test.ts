import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../../../lib/protocol';
import { ApiClient } from '../../helpers/apiClient';
import { connectControl, participantAuth } from '../../helpers/controlClient';
import { startTestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, connectBoard } from '../../helpers/yjsClient';

/**
 * The published denial-of-service advisories of the socket stack, replayed against our
 * versions (ws 8.23.0, socket.io 4.8.4, engine.io 6.6, socket.io-parser 4.2): every one
 * crashed or froze a process once. Each test sends the crafted bytes with a raw client and
 * then checks that the process still answers and that stock clients still work.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;
let couple: Awaited<ReturnType<ApiClient['coupleInWorkshop']>>;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
  couple = await api.coupleInWorkshop();
});
afterAll(() => server.close());

const WS_HEADERS = 'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';

/** Writes raw bytes on a fresh TCP connection; resolves with what came back by the time the server closed it or `waitMs` passed. */
function rawExchange(request: string | Buffer, opts: { reset?: boolean; waitMs?: number } = {}): Promise<{ response: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(server.port, '127.0.0.1');
    let response = '';
    const finish = () => resolve({ response, ms: performance.now() - started });
    socket.on('data', (chunk: Buffer) => (response += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.once('close', finish);
    socket.once('connect', () => {
      socket.write(request);
      // An RST right after the request: the "read ECONNRESET" of the engine.io advisories.
      if (opts.reset) socket.resetAndDestroy();
      else setTimeout(() => socket.destroy(), opts.waitMs ?? 1_000).unref();
    });
  });
}

/** The process is up and its stock clients work: health, a Socket.IO ack, a board sync between two providers. */
async function stillServing(): Promise<void> {
  expect((await api.request('GET', '/api/health')).status).toBe(200);
  const phone = connectControl(server.url, participantAuth(couple.a.token));
  await eventually(() => expect(phone.socket.connected).toBe(true));
  expect(await phone.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toMatchObject({ ok: expect.any(Boolean) });
  phone.close();
  const one = connectBoard((await api.me(couple.a.token)).board!);
  const two = connectBoard((await api.me(couple.b.token)).board!);
  await Promise.all([one.synced(), two.synced()]);
  one.destroy();
  two.destroy();
}

/** A raw Engine.IO v4 session over WebSocket, past the Socket.IO handshake as a participant. */
async function rawSocketIoSession() {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const messages: string[] = [];
  ws.on('message', (data: Buffer) => messages.push(data.toString()));
  ws.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  await eventually(() => expect(messages[0]?.startsWith('0{')).toBe(true));
  ws.send(`40${JSON.stringify({ role: 'participant', protocol: PROTOCOL_VERSION, token: couple.a.token })}`);
  await eventually(() => expect(messages.some((m) => m.startsWith('40{'))).toBe(true));
  return { ws, messages, closed };
}

describe('published advisories of ws, engine.io and socket.io-parser', () => {
  it('[R56] ws CVE-2024-37890: an upgrade with more header fields than node keeps (2,100) is answered, not fatal', async () => {
    const { docName, params } = (await api.me(couple.a.token)).board!;
    const many = 'a: 1\r\n'.repeat(2_100);
    for (const path of [`/yjs/${docName}?${new URLSearchParams(params)}`, '/socket.io/?EIO=4&transport=websocket']) {
      // Fields after the 2,000th are dropped by node: without the key ws answers 400; without the
      // protocol (the crash of the advisory) the handshake completes.
      const late = await rawExchange(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${many}${WS_HEADERS}Sec-WebSocket-Protocol: x\r\n\r\n`);
      const early = await rawExchange(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}${many}Sec-WebSocket-Protocol: x\r\n\r\n`);
      expect(late.response).toMatch(/^HTTP\/1\.1 400/);
      expect(early.response).toMatch(/^HTTP\/1\.1 101/);
    }
    await stillServing();
  });

  it('[R56] ws CVE-2021-32640: a Sec-WebSocket-Protocol built to make a regular expression backtrack is answered at once', async () => {
    const { docName, params } = (await api.me(couple.a.token)).board!;
    for (const path of [`/yjs/${docName}?${new URLSearchParams(params)}`, '/socket.io/?EIO=4&transport=websocket']) {
      const { response, ms } = await rawExchange(`GET ${path} HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}Sec-WebSocket-Protocol: b${' '.repeat(15_000)}x\r\n\r\n`);
      expect(response).toMatch(/^HTTP\/1\.1 \d{3}/);
      expect(ms).toBeLessThan(1_000);
    }
    await stillServing();
  });

  it('[R56] engine.io CVE-2022-41940 and CVE-2023-31125: crafted handshakes and upgrades cut by a reset are not fatal', async () => {
    const sid = (await (await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`)).text()).match(/"sid":"([^"]+)"/)![1];
    const requests = [
      `GET /socket.io/?EIO=4&transport=websocket&sid=nope HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`,
      `GET /socket.io/?EIO=4&transport=websocket&sid=${sid} HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`,
      `GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`,
      `GET /socket.io/?EIO=4&transport=__proto__ HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`,
      `GET /socket.io/?EIO=5&transport=websocket HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`,
      `GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
      `POST /socket.io/?EIO=4&transport=polling&sid=${sid} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n4${'x'.repeat(1_000)}`,
      `POST /socket.io/?EIO=4&transport=polling&sid=nope HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n\r\n40{}`,
      `GET /socket.io/?EIO=4&transport=polling&sid=${sid}&j=0 HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    ];
    for (const request of requests) {
      await rawExchange(request, { reset: true });
      await rawExchange(request, { waitMs: 200 });
    }
    await stillServing();
  });

  it('[R56] socket.io-parser CVE-2022-2421 and CVE-2023-32695, socket.io CVE-2024-38355: crafted packets are refused or ignored, never fatal', async () => {
    const packets: (string | Buffer)[] = [
      '451-["ready",{"_placeholder":true,"num":"splice"}]',
      Buffer.from('attachment'),
      '451-["ready",{"_placeholder":true,"num":1000000}]',
      Buffer.from('attachment'),
      '451-["ready",{"_placeholder":true,"num":"__proto__"}]',
      Buffer.from('attachment'),
      '42[{"toString":"foo"}]',
      '42[null]',
      '42[]',
      '42["error"]',
      '42["error",{"message":"boom"}]',
      '42["disconnecting"]',
      '42["connect"]',
      '42["newListener","x"]',
      '42["ready",{"ready":true},{"__proto__":{"polluted":1}}]',
      `42${'['.repeat(5_000)}${']'.repeat(5_000)}`,
      '4x',
      '49',
      '43',
      '44{"message":"x"}',
    ];
    let sessions = 0;
    for (let i = 0; i < packets.length; ) {
      const session = await rawSocketIoSession();
      sessions++;
      // Packets go out until the server closes this session (a parse error closes it), then a new one carries on.
      for (; i < packets.length && session.ws.readyState === WebSocket.OPEN; i++) session.ws.send(packets[i]);
      session.ws.close();
      await session.closed;
      expect(sessions).toBeLessThanOrEqual(packets.length);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillServing();
  });

  it('[R56] a frame over the board limit and a board frame with reserved bits set close that socket only', async () => {
    const url = boardUrl((await api.me(couple.a.token)).board!);
    const big = new WebSocket(url);
    big.on('error', () => undefined);
    await new Promise((resolve) => big.once('open', resolve));
    big.send(Buffer.alloc((1 << 20) + 1));
    expect(await new Promise((resolve) => big.once('close', resolve))).toBe(1009);
    // RSV2 set on a text frame: the ws "Invalid WebSocket frame" error of engine.io's CVE-2022-21676.
    const { docName, params } = (await api.me(couple.a.token)).board!;
    const frame = Buffer.from([0xa1, 0x80, 0, 0, 0, 0]);
    await rawExchange(Buffer.concat([Buffer.from(`GET /yjs/${docName}?${new URLSearchParams(params)} HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`), frame]), { waitMs: 300 });
    await rawExchange(Buffer.concat([Buffer.from(`GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\n${WS_HEADERS}\r\n`), frame]), { waitMs: 300 });
    await stillServing();
  });
});
