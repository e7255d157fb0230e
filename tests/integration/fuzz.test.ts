import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { addEntry, listEntries } from '../../lib/board/schema';
import { ApiClient } from '../helpers/api';
import { connectControl, hostAuth, participantAuth } from '../helpers/controlClient';
import { startTestServer } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { boardUrl, connectBoard } from '../helpers/yjsClient';

/**
 * Throws junk at every door: /yjs frames, Socket.IO events, /api bodies. The
 * process must stay up, answer with documented errors (never a 500), and a
 * couple must still be able to sync afterwards. FUZZ_FRAMES=100000 for the long run.
 */
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 1_500);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const LONG = FRAMES > 10_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

function frame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

/** Well-formed frames of every message type, the seeds that mutations start from. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  addEntry(doc, { id: 'e', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'seed text');
  const update = Y.encodeStateAsUpdate(doc);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzz', seat: 'a' }, typing: null });
  const aw = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return [
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(doc)))),
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update))),
    frame((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update))),
    frame((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, aw))),
    frame((e) => encoding.writeVarUint(e, 3)),
  ];
}

/** Payloads reported against y-websocket and Yjs: overlong varints, lengths past the end, absurd counts and clocks. */
const KNOWN_BAD: Uint8Array[] = [
  Uint8Array.from([0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
  Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]),
  Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]),
  Uint8Array.from([0, 2, 10, 1, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0, 0, 0]),
  Uint8Array.from([0, 2, 6, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xff, 0xff, 0xff, 0xff, 0x0f]),
  Uint8Array.from([1, 9, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3, 4, 5, 6]),
  Uint8Array.from([1, 6, 1, 0, 0, 2, 123, 125]),
  Uint8Array.from([0, 0, 3, 1, 0xff, 0x01]),
  Uint8Array.from([0, 1, 4, 0, 1, 0xff, 0x7f]),
  new Uint8Array(0),
  Uint8Array.from([0]),
  Uint8Array.from([0, 2]),
];

const mutated = (seeds: Uint8Array[]) =>
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.option(fc.nat(), { nil: undefined }))
    .map(([seed, flips, cut]) => {
      const bytes = Uint8Array.from(seed);
      for (const [at, value] of flips) if (bytes.length) bytes[at % bytes.length] = value;
      return cut === undefined ? bytes : bytes.slice(0, cut % (bytes.length + 1));
    });

const PROBE = Uint8Array.from([3]); // query awareness: the server always answers it

/**
 * Sends each frame followed by a probe and waits for the probe's answer (or
 * the close), so the server handles every frame, one at a time. A bad frame
 * closes the connection; the next frame gets a new one. Counts close codes.
 */
async function sendFrames(url: string, frames: Uint8Array[]): Promise<Map<number, number>> {
  const closes = new Map<number, number>();
  let i = 0;
  while (i < frames.length) {
    await new Promise<void>((resolve) => {
      const ws = new WebSocket(url);
      let waiting: (() => void) | null = null;
      ws.on('error', () => undefined);
      ws.on('message', (data: Buffer) => {
        if (data[0] === 1 && waiting) waiting();
      });
      const next = () => {
        if (i >= frames.length) return ws.close(1000);
        waiting = () => ((waiting = null), next());
        ws.send(frames[i++]);
        ws.send(PROBE);
      };
      ws.once('message', next); // the server speaks first (sync step 1): the board is ready
      ws.on('close', (code) => {
        closes.set(code, (closes.get(code) ?? 0) + 1);
        resolve();
      });
    });
  }
  return closes;
}

describe('[R19][R38] fuzzing every decoder and handler', () => {
  it(`keeps the board endpoint up through ${FRAMES} random and mutated frames and the known crash payloads`, { timeout: LONG ? 900_000 : 120_000 }, async () => {
    const { a, b } = await api.coupleInWorkshop();
    const board = (await api.me(a.token)).board!;
    const heapBefore = process.memoryUsage().heapUsed;
    const frames = fc.sample(fc.oneof(fc.uint8Array({ maxLength: 256 }), mutated(validFrames())), { numRuns: FRAMES, seed: SEED });
    const closes = await sendFrames(boardUrl(board), [...KNOWN_BAD, ...frames]);
    expect([...closes.keys()].every((code) => [1000, 1005, 1009, 4400, 4413, 4422].includes(code))).toBe(true);
    expect(closes.get(4400)).toBeGreaterThan(0);

    // Still serving, and a couple still syncs through it.
    expect((await api.request('GET', '/api/health')).status).toBe(200);
    const one = connectBoard(board);
    const two = connectBoard((await api.me(b.token)).board!);
    await Promise.all([one.synced(), two.synced()]);
    addEntry(one.doc, { id: 'after', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 9 }, 'still in sync');
    await eventually(() => expect(listEntries(two.doc, 'bring-need').some((e) => e.text.toString() === 'still in sync')).toBe(true));
    one.destroy();
    two.destroy();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });

  it('answers junk Socket.IO events and payloads with errors, never a crash', { timeout: 60_000 }, async () => {
    const workshop = await api.createWorkshop();
    const p = await api.join(workshop.code, 'Fuzzy');
    const clients = [connectControl(server.url, hostAuth(workshop.code, workshop.hostKey)), connectControl(server.url, participantAuth(p.token))];
    await eventually(() => expect(clients.every((c) => c.socket.connected)).toBe(true));
    const events = ['host:command', 'host:pair', 'host:unpair', 'host:remove', 'host:wall', 'ready', 'share:propose', 'share:answer', 'nope', '__proto__', 'constructor'];
    const cases = fc.sample(fc.tuple(fc.constantFrom(...events), fc.anything({ withObjectString: true, withNullPrototype: true }), fc.boolean()), { numRuns: 300, seed: SEED });
    for (const [client, [event, payload, withAck]] of cases.map((c, i) => [clients[i % 2], c] as const)) {
      const socket = client.socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> }; emit(e: string, p: unknown): void };
      if (!withAck) socket.emit(event, payload);
      else expect(await socket.timeout(5_000).emitWithAck(event, payload)).toMatchObject({ ok: expect.any(Boolean) });
    }
    expect(clients.every((c) => c.socket.connected)).toBe(true);
    for (const c of clients) c.close();
    // Junk handshakes are refused, not fatal.
    for (const auth of fc.sample(fc.anything(), { numRuns: 50, seed: SEED })) {
      const c = connectControl(server.url, auth as never);
      await new Promise<void>((resolve) => c.socket.once('connect_error', () => resolve()).once('connect', () => resolve()));
      c.close();
    }
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });

  it('answers junk bodies on every /api route with a documented error, never a 500', { timeout: 60_000 }, async () => {
    const { code, a, couple } = await api.coupleInWorkshop();
    const workshop = await api.createWorkshop();
    const routes: [string, string, string | undefined][] = [
      ['POST', '/api/workshops', undefined],
      ['GET', `/api/workshops/${code}`, undefined],
      ['POST', `/api/workshops/${code}/participants`, undefined],
      ['POST', `/api/workshops/${code}/couples`, a.token],
      ['POST', `/api/workshops/${code}/couples/join`, a.token],
      ['GET', '/api/me', a.token],
      ['GET', `/api/workshops/${workshop.code}/summary`, workshop.hostKey],
      ['DELETE', `/api/review/${'r'.repeat(43)}`, undefined],
      ['POST', `/api/workshops/${couple.pairCode}/participants`, undefined],
    ];
    const bodies = fc.sample(fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify({ title: v, name: v, pairCode: v, agenda: v, confirm: v }))), { numRuns: 400, seed: SEED });
    const statuses = new Set<number>();
    for (const [i, body] of bodies.entries()) {
      const [method, path, token] = routes[i % routes.length];
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-forwarded-for': `10.0.${i % 250}.1` },
        body: method === 'GET' ? undefined : body,
      });
      statuses.add(res.status);
      expect(res.status).not.toBe(500);
      if (res.status >= 400) expect((await res.json()).error.code).toEqual(expect.any(String));
      else await res.arrayBuffer();
    }
    expect([...statuses].every((s) => [200, 201, 400, 401, 403, 404, 409, 413, 429].includes(s))).toBe(true);
  });
});
