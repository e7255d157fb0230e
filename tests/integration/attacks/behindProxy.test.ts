import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../../lib/protocol';
import { DEFAULT_LIMITS, loadConfig } from '../../../server/config';
import { setPageCsp } from '../../../server/http/securityHeaders';
import { ApiClient } from '../../helpers/apiClient';
import { startTestServer } from '../../helpers/server';
import { boardUrl } from '../../helpers/yjsClient';

/**
 * What changes when the server sits behind a proxy (TRUST_PROXY): every
 * connection count uses the client's forwarded address — HTTP, Socket.IO
 * handshakes and /yjs upgrades all through server/infra/clientAddress.ts —
 * and loopback callers are no longer trusted with /api/metrics. Also the
 * page CSP's connect-src, which names this origin instead of any host.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
async function server(options: Parameters<typeof startTestServer>[0]): Promise<Server> {
  const s = await startTestServer(options);
  cleanups.push(() => s.close());
  return s;
}

const MAX = 3;

/** A board socket "forwarded for" `from`; resolves once it is open and synced (the first message), or with the close code. */
function openBoard(url: string, from: string): Promise<{ ws: WebSocket | null; code: number | null }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': from } });
    cleanups.push(() => ws.terminate());
    ws.once('message', () => resolve({ ws, code: null }));
    ws.on('close', (code) => resolve({ ws: null, code }));
    ws.on('error', reject);
  });
}

/** A participant's control socket "forwarded for" `from`: 'connected' or the refusal code. */
function openControl(baseUrl: string, token: string, from: string): Promise<string> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { role: 'participant', protocol: PROTOCOL_VERSION, token },
    extraHeaders: { 'x-forwarded-for': from },
    reconnection: false,
    forceNew: true,
  });
  cleanups.push(() => socket.close());
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (err) => resolve(err.message));
  });
}

async function seated(s: Server) {
  const api = new ApiClient(s.url);
  const { a } = await api.coupleInWorkshop();
  return { api, token: a.token, board: (await api.me(a.token)).board! };
}

describe('attack: one address’s connections, behind a proxy', () => {
  it('with TRUST_PROXY, /yjs and Socket.IO count the forwarded client: one client at its limit does not block another', async () => {
    const s = await server({ trustProxy: { hops: 1 }, limits: { ...DEFAULT_LIMITS, maxConnectionsPerIp: MAX } });
    const { token, board } = await seated(s);
    for (let i = 0; i < MAX; i++) expect((await openBoard(boardUrl(board), '203.0.113.1')).code).toBeNull();
    expect((await openBoard(boardUrl(board), '203.0.113.1')).code).toBe(CLOSE_CODES.rateLimited);
    expect(await openControl(s.url, token, '203.0.113.1')).toBe('rate_limited');
    // Another client behind the same proxy (the same socket peer) is not affected.
    expect((await openBoard(boardUrl(board), '203.0.113.2')).code).toBeNull();
    expect(await openControl(s.url, token, '203.0.113.2')).toBe('connected');
  });

  it('without TRUST_PROXY the header is ignored: every connection from this peer counts against one limit', async () => {
    const s = await server({ limits: { ...DEFAULT_LIMITS, maxConnectionsPerIp: MAX } });
    const { token, board } = await seated(s);
    for (let i = 0; i < MAX; i++) expect((await openBoard(boardUrl(board), `203.0.113.${i + 1}`)).code).toBeNull();
    expect((await openBoard(boardUrl(board), '203.0.113.99')).code).toBe(CLOSE_CODES.rateLimited);
    expect(await openControl(s.url, token, '203.0.113.98')).toBe('rate_limited');
  });
});

describe('TRUST_PROXY', () => {
  it('is a number of hops or a list of proxies; off by default; anything else stops the start with a readable message', () => {
    const trust = (value?: string) => loadConfig({ NODE_ENV: 'test', ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy;
    expect(trust()).toBeNull();
    expect(trust('off')).toBeNull();
    expect(trust('2')).toEqual({ hops: 2 });
    expect(trust('loopback, 10.0.0.0/8, 2001:db8::1')).toEqual({ proxies: ['loopback', '10.0.0.0/8', '2001:db8::1'] });
    expect(() => trust('true')).toThrow(/TRUST_PROXY: "true" is not a number of hops/);
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/);
  });
});

describe('attack: metrics behind a proxy', () => {
  const TOKEN = 'metrics-token-0123456789';
  const metrics = (s: Server, token?: string) => fetch(`${s.url}/api/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then((r) => r.status);

  it('with TRUST_PROXY a loopback caller (a proxy on this host) needs METRICS_TOKEN', async () => {
    const s = await server({ trustProxy: { proxies: ['loopback'] }, metricsToken: TOKEN });
    expect(await metrics(s)).toBe(401);
    expect(await metrics(s, 'wrong-token-0123456789')).toBe(401);
    expect(await metrics(s, TOKEN)).toBe(200);
  });

  it('without TRUST_PROXY loopback is trusted, as before', async () => {
    const s = await server({ metricsToken: TOKEN });
    expect(await metrics(s)).toBe(200);
  });
});

describe('page CSP', () => {
  /** A real HTTP server answering with the page CSP, read back with a raw request (so the Host header can be anything). */
  async function cspFor(publicUrl: string | null, host?: string): Promise<string> {
    const csp = http.createServer((req, res) => {
      setPageCsp(req, res, { dev: false, publicUrl });
      res.end();
    });
    await new Promise<void>((resolve) => csp.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => csp.close(resolve)));
    const { port } = csp.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: '/w/ABCDEFGH', headers: host ? { host } : {} }, (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        })
        .on('error', reject);
    }).then((policy) => String(policy).split('; ').find((d) => d.startsWith('connect-src')) ?? '');
  }

  it('connect-src names this origin, never any ws: or wss: host', async () => {
    expect(await cspFor('https://twofold.example.org')).toBe("connect-src 'self' wss://twofold.example.org");
    expect(await cspFor('http://10.0.0.5:3000')).toBe("connect-src 'self' ws://10.0.0.5:3000");
    expect(await cspFor(null, 'phone.local:3000')).toBe("connect-src 'self' ws://phone.local:3000 wss://phone.local:3000");
    // A Host header that is not a plain host name adds nothing.
    expect(await cspFor(null, "evil.example wss://x; script-src *")).toBe("connect-src 'self'");
  });
});
