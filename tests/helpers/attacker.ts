/**
 * The attacker of tests/integration/attacks, run as a process of its own
 * (`node --import tsx tests/helpers/attacker.ts '<job as JSON>'`, see attack.ts): its sockets,
 * descriptors and event loop are not the server's, so the server and the probes are measured
 * as they would be against a remote attacker. It prints one JSON line when the attack is under
 * way (`{ "event": "running", … }`) and one when it is over (`{ "event": "done", … }`).
 * Every loop is bounded by the job's counts or its `maxMs`.
 */
import net from 'node:net';
import { setTimeout as pace } from 'node:timers/promises';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { createID } from 'yjs';
import { addEntry, listAllEntries } from '../../lib/board/schema';
import { rawBoardClient } from './rawBoardClient';
import { chainedCharacters, deepMaps, manyRoots, nestedMapsInEntries, oneTransaction, syncFrame } from './craftedUpdates';

export type AttackJob =
  | { kind: 'readyFlood'; url: string; token: string; protocol: number; count: number; reconnects: number; perReconnect: number }
  | { kind: 'halfOpen'; port: number; addresses: string[]; perAddress: number; mode: 'partial' | 'silent' | 'socketIoNoAuth'; maxMs: number }
  | { kind: 'awarenessFlood'; url: string; connections: number; stateBytes: number; perSecond: number; durationMs: number }
  | { kind: 'boardUpdates'; urls: string[]; shape: CraftedShape; roundsPerUrl: number; durationMs: number; perSecond?: number; text?: { client: number; clock: number } }
  | { kind: 'boardOpeners'; urls: string[]; rounds: number; durationMs: number; gapMs: number; expected: BoardDigest }
  | { kind: 'refusedFlood'; url: string; connections: number; framesPerConnection: number; durationMs: number };

/** What a replica of a board holds, in two numbers: its entries and their characters. */
export interface BoardDigest {
  entries: number;
  chars: number;
}
export interface BoardOpenersResult {
  opens: number;
  /** Replicas that synced to something other than `expected`, and the first such digest. */
  wrong: number;
  firstWrong: BoardDigest | null;
  /** Connect to synced, per open. */
  syncMs: number[];
}

/**
 * The crafted updates of issue 12 (tests/helpers/craftedUpdates.ts): 70,000 roots, maps 20,000
 * deep, maps inside entries; and 100,000 characters as as many structs typed into `text`.
 */
export type CraftedShape = 'roots' | 'deep' | 'nested' | 'chain';
export interface BoardUpdatesResult {
  /** Size of the update each connection sent. */
  bytes: number;
  sent: number;
  /** Close code → connections closed with it. */
  closes: Record<string, number>;
}

const report = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function readyFlood(job: Extract<AttackJob, { kind: 'readyFlood' }>) {
  const acks: Record<string, number> = {};
  const disconnects: string[] = [];
  let sent = 0;
  for (let round = 0; round <= job.reconnects; round++) {
    const upTo = round === 0 ? job.count : sent + job.perReconnect;
    const socket = io(job.url, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { role: 'participant', protocol: job.protocol, token: job.token } });
    const connected = await new Promise<boolean>((resolve) => socket.once('connect', () => resolve(true)).once('connect_error', () => resolve(false)));
    if (!connected) break;
    if (round === 0) report({ event: 'running' });
    let outstanding = 0;
    const over = new Promise<void>((resolve) => {
      socket.once('disconnect', (reason) => {
        disconnects.push(reason);
        resolve();
      });
      for (; sent < upTo && socket.connected; sent++) {
        outstanding++;
        socket.emit('ready', { ready: sent % 2 === 0 }, (result: { ok: boolean; code?: string }) => {
          const key = result.ok ? 'ok' : (result.code ?? 'unknown');
          acks[key] = (acks[key] ?? 0) + 1;
          if (--outstanding === 0 && sent >= upTo) resolve();
        });
      }
    });
    await over;
    socket.close();
  }
  return { sent, acks, disconnects };
}

async function halfOpen(job: Extract<AttackJob, { kind: 'halfOpen' }>) {
  const started = Date.now();
  const lifetimesMs: number[] = [];
  let connected = 0;
  let failed = 0;
  let answered = 0;
  const request =
    job.mode === 'partial'
      ? 'GET /yjs/board.x HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      : job.mode === 'socketIoNoAuth'
        ? 'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n'
        : '';
  const sockets: net.Socket[] = [];
  const settled: Promise<void>[] = [];
  const closed: Promise<void>[] = [];
  for (const localAddress of job.addresses) {
    for (let i = 0; i < job.perAddress; i++) {
      const socket = net.connect({ host: '127.0.0.1', port: job.port, localAddress });
      sockets.push(socket);
      let openedAt = 0;
      settled.push(new Promise((resolve) => socket.once('connect', () => resolve()).once('close', () => resolve())));
      socket.once('connect', () => {
        connected++;
        openedAt = Date.now();
        if (request) socket.write(request);
      });
      socket.once('data', () => answered++);
      socket.on('error', () => failed++);
      closed.push(new Promise((resolve) => socket.once('close', () => {
        if (openedAt) lifetimesMs.push(Date.now() - openedAt);
        resolve();
      })));
    }
  }
  await Promise.all(settled);
  report({ event: 'running', connected });
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), Math.max(0, job.maxMs - (Date.now() - started))).unref());
  const outcome = await Promise.race([Promise.all(closed).then(() => 'closed' as const), timeout]);
  const stillOpen = sockets.filter((s) => !s.destroyed).length;
  for (const s of sockets) s.destroy();
  return { attempted: sockets.length, connected, failed, answered, stillOpen, outcome, lifetimesMs: lifetimesMs.sort((a, b) => a - b) };
}

/** An awareness update with one client whose state is `stateBytes` of JSON, framed as the y-websocket protocol's message type 1. */
function bigAwarenessFrame(clientId: number, clock: number, stateBytes: number): Buffer {
  const json = Buffer.from(JSON.stringify({ user: { name: 'x', seat: 'a' }, pad: 'x'.repeat(Math.max(0, stateBytes - 40)) }));
  const varint = (n: number) => {
    const out: number[] = [];
    while (n > 127) {
      out.push((n & 127) | 128);
      n = Math.floor(n / 128);
    }
    out.push(n);
    return Buffer.from(out);
  };
  const update = Buffer.concat([varint(1), varint(clientId), varint(clock), varint(json.length), json]);
  return Buffer.concat([varint(1), varint(update.length), update]);
}

async function awarenessFlood(job: Extract<AttackJob, { kind: 'awarenessFlood' }>) {
  const closes: Record<string, number> = {};
  let sent = 0;
  let opened = 0;
  const frame = bigAwarenessFrame(4242, 1, job.stateBytes); // the same bytes each time: the attacker's own heap stays flat
  const end = Date.now() + job.durationMs;
  report({ event: 'running' });
  const one = async () => {
    // Reconnect after every refusal until the time is up: the attack does not give up.
    for (let round = 0; Date.now() < end && round < 10_000; round++) {
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(job.url);
        let timer: NodeJS.Timeout | null = null;
        ws.on('open', () => {
          opened++;
          timer = setInterval(() => {
            if (Date.now() >= end) return ws.close();
            if (ws.readyState === WebSocket.OPEN) {
              ws.send(frame);
              sent++;
            }
          }, 1000 / job.perSecond);
        });
        ws.on('error', () => undefined);
        ws.on('close', (code) => {
          if (timer) clearInterval(timer);
          closes[code] = (closes[code] ?? 0) + 1;
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: job.connections }, () => one()));
  return { sent, opened, closes };
}

/**
 * One connection per URL (a seated participant's board with a ticket of theirs), each sending the
 * crafted update as soon as the board speaks, then reconnecting after every refusal: at least
 * `roundsPerUrl` times and until `durationMs` is over, at most `perSecond` times a second if given.
 */
async function boardUpdates(job: Extract<AttackJob, { kind: 'boardUpdates' }>): Promise<BoardUpdatesResult> {
  const update =
    job.shape === 'roots' ? manyRoots()
    : job.shape === 'deep' ? deepMaps().nested
    : job.shape === 'chain' ? chainedCharacters(100_000, createID(job.text!.client, job.text!.clock))
    : nestedMapsInEntries();
  const frame = syncFrame(2, update);
  const closes: Record<string, number> = {};
  let sent = 0;
  report({ event: 'running', bytes: update.length });
  const end = Date.now() + job.durationMs;
  const one = async (url: string) => {
    for (let round = 0; (round < job.roundsPerUrl || Date.now() < end) && round < 10_000; round++) {
      const startedAt = Date.now();
      const code = await new Promise<number>((resolve) => {
        const ws = new WebSocket(url);
        let cut: NodeJS.Timeout | null = null;
        ws.once('message', () => {
          ws.send(frame);
          sent++;
          // A server that kept the update would keep the connection: counted as 1006, not waited on.
          cut = setTimeout(() => ws.terminate(), 3_000);
        });
        ws.on('error', () => undefined);
        ws.once('close', (c) => {
          if (cut) clearTimeout(cut);
          resolve(c);
        });
      });
      closes[code] = (closes[code] ?? 0) + 1;
      if (job.perSecond) await pace(Math.max(0, 1000 / job.perSecond - (Date.now() - startedAt))); // the attacker's cadence
    }
  };
  await Promise.all(job.urls.map(one));
  return { bytes: update.length, sent, closes };
}

/**
 * Phones that open a board again and again, as a stock client does (connect, sync step 1 and 2
 * both ways), check what they synced against `expected`, and leave: one phone per URL, all at
 * once, in rounds `gapMs` apart (longer than the server's unload delay), so the board is
 * loaded, synced, unloaded and compacted each round. At least `rounds`, and until `durationMs`.
 */
async function boardOpeners(job: Extract<AttackJob, { kind: 'boardOpeners' }>): Promise<BoardOpenersResult> {
  const result: BoardOpenersResult = { opens: 0, wrong: 0, firstWrong: null, syncMs: [] };
  report({ event: 'running' });
  const end = Date.now() + job.durationMs;
  const open = async (url: string) => {
    const started = performance.now();
    const client = rawBoardClient(url);
    const outcome = await Promise.race([client.synced().then(() => 'synced' as const), client.closed.then(({ code }) => code)]);
    if (outcome !== 'synced') throw new Error(`an opener was closed with ${outcome} before it synced`);
    result.syncMs.push(performance.now() - started);
    const entries = listAllEntries(client.doc);
    const digest = { entries: entries.length, chars: entries.reduce((n, e) => n + e.text.length, 0) };
    result.opens++;
    if (digest.entries !== job.expected.entries || digest.chars !== job.expected.chars) {
      result.wrong++;
      result.firstWrong ??= digest;
    }
    client.ws.close();
    await client.closed;
    client.doc.destroy();
  };
  for (let round = 0; (round < job.rounds || Date.now() < end) && round < 10_000; round++) {
    await Promise.all(job.urls.map(open));
    await pace(job.gapMs); // the phones' cadence
  }
  return result;
}

export interface RefusedFloodResult {
  /** Frames written to sockets the server had accepted. */
  sent: number;
  /** Connections whose handshake completed (refused ones too: a refusal is a close after the handshake). */
  opened: number;
  /** Close code → connections closed with it. */
  closes: Record<string, number>;
  /** Connections closed with a refusal code after the server had spoken: each one is a refused frame the server read. */
  refusalsRead: number;
  /** Connections closed with 4329 before the server sent a byte: refused at the upgrade, cooling down. */
  refusedAtUpgrade: number;
  /** Milliseconds from the start to the first 4329. */
  firstCutMs: number | null;
}

/**
 * Frames every /yjs server refuses, in turn: bytes that are no message (4400), an update with
 * a root outside the schema (4422), an entry in the partner's name (4422), one over 1 MiB (1009).
 */
function refusedFrames(): Buffer[] {
  const junk = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]);
  const foreignRoot = oneTransaction((d) => d.getMap('mallory').set('x', 1))!;
  const partnersName = oneTransaction((d) => void addEntry(d, { id: 'forged', exercise: 'bring-need', column: 'need', author: 'b', createdAt: 1 }, 'I want to leave you'))!;
  return [junk, Buffer.from(syncFrame(2, foreignRoot)), Buffer.from(syncFrame(2, partnersName)), Buffer.alloc((1 << 20) + 16)];
}

/**
 * One participant's unpaced flood of refused frames: `connections` sockets at once, each
 * writing `framesPerConnection` frames the moment the server speaks (a refused frame first,
 * then junk the server should not even read), reconnecting the moment it is closed, until
 * `durationMs` is over. Nothing waits between frames or reconnects.
 */
async function refusedFlood(job: Extract<AttackJob, { kind: 'refusedFlood' }>): Promise<RefusedFloodResult> {
  const frames = refusedFrames();
  const closes: Record<string, number> = {};
  const result: RefusedFloodResult = { sent: 0, opened: 0, closes, refusalsRead: 0, refusedAtUpgrade: 0, firstCutMs: null };
  const started = Date.now();
  const end = started + job.durationMs;
  report({ event: 'running' });
  const one = async (lane: number) => {
    for (let round = 0; Date.now() < end && round < 100_000; round++) {
      await new Promise<void>((resolve) => {
        const ws = new WebSocket(job.url);
        let spoke = false;
        ws.on('open', () => result.opened++);
        ws.once('message', () => {
          spoke = true;
          const first = frames[(lane + round) % frames.length];
          ws.send(first);
          result.sent++;
          for (let i = 1; i < job.framesPerConnection && ws.readyState === WebSocket.OPEN; i++, result.sent++) ws.send(frames[0]);
        });
        ws.on('error', () => undefined);
        ws.once('close', (code) => {
          closes[code] = (closes[code] ?? 0) + 1;
          if (code === 4329) {
            result.firstCutMs ??= Date.now() - started;
            if (!spoke) result.refusedAtUpgrade++;
          } else if (spoke && [4400, 4422, 1009].includes(code)) result.refusalsRead++;
          resolve();
        });
      });
    }
  };
  await Promise.all(Array.from({ length: job.connections }, (_, lane) => one(lane)));
  return result;
}

const job = JSON.parse(process.argv[2] ?? '{}') as AttackJob;
const run =
  job.kind === 'readyFlood' ? readyFlood(job)
  : job.kind === 'halfOpen' ? halfOpen(job)
  : job.kind === 'boardUpdates' ? boardUpdates(job)
  : job.kind === 'boardOpeners' ? boardOpeners(job)
  : job.kind === 'refusedFlood' ? refusedFlood(job)
  : awarenessFlood(job);
run.then(
  (result) => {
    report({ event: 'done', ...result });
    process.exit(0);
  },
  (err: unknown) => {
    report({ event: 'failed', message: String(err) });
    process.exit(1);
  },
);
