import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, answerText, listEntries } from '../../lib/board/schema';
import { BRING_NEED, SUPPORT } from '../../lib/catalogue/catalogue';
import { CLOSE_CODES, privateDocName, type BoardAccess, type MeResponse } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';
import { startBalancer } from '../helpers/balancer';
import { connectControl, hostAuth, hostCommand, participantAuth } from '../helpers/controlClient';
import { startPostgres, startRedis, type PostgresService, type RedisService } from '../helpers/services';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { eventually } from '../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../helpers/yjsClient';

/**
 * Three real server processes on one Redis and one PostgreSQL, each client behind
 * a TCP balancer that prefers "its" node: partner A on node 1, partner B on
 * node 2, the console on node 3. (issue 7)
 */
const SLOW = 60_000;
let redis: RedisService;
let postgres: PostgresService;
const nodes: ServerProcess[] = [];
const balancers: Awaited<ReturnType<typeof startBalancer>>[] = [];
const portOf = (url: string) => Number(new URL(url).port);

beforeAll(async () => {
  [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const databaseUrl = await postgres.createDatabase();
  for (const name of ['n1', 'n2', 'n3']) {
    nodes.push(await startServerProcess({ REDIS_URL: redis.url, DATABASE_URL: databaseUrl, NODE_ID: name }));
  }
  const [p1, p2, p3] = nodes.map((n) => portOf(n.url));
  balancers.push(await startBalancer([p1, p2, p3]), await startBalancer([p2, p3, p1]), await startBalancer([p3, p1, p2]));
}, 120_000);

afterAll(async () => {
  for (const b of balancers) await b.close();
  for (const n of nodes) {
    if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill('SIGTERM');
    await n.exited;
  }
  await redis?.stop();
  await postgres?.stop();
}, 60_000);

const privateAccess = (board: BoardAccess, coupleId: string, seat: 'a' | 'b', params?: Record<string, string>): BoardAccess => ({
  ...board,
  docName: privateDocName(coupleId, SUPPORT.id, seat),
  // Another person's credential, for refusals: their board ticket; otherwise the board's own.
  params: params ?? board.params,
});

/** A workshop created on node 3, partner A joining through node 1's balancer, B through node 2's, the console on node 3. */
async function room() {
  const [viaA, viaB, viaHost] = balancers.map((b) => new ApiClient(b.url));
  const workshop = await viaHost.createWorkshop('Across nodes', [BRING_NEED, SUPPORT]);
  const a = await viaA.join(workshop.code, 'Ana');
  const b = await viaB.join(workshop.code, 'Ben');
  const couple = await viaA.startCouple(workshop.code, a.token);
  await viaB.joinCouple(workshop.code, b.token, couple.pairCode);
  const meA: MeResponse = await viaA.me(a.token);
  const meB: MeResponse = await viaB.me(b.token);
  const host = connectControl(balancers[2].url, hostAuth(workshop.code, workshop.hostKey));
  const phoneA = connectControl(balancers[0].url, participantAuth(a.token));
  const phoneB = connectControl(balancers[1].url, participantAuth(b.token));
  await eventually(() => expect([host, phoneA, phoneB].every((s) => s.latest.workshop?.phase === 'lobby')).toBe(true), 10_000);
  const close = () => [host, phoneA, phoneB].forEach((s) => s.close());
  return { workshop, a, b, couple, meA, meB, host, phoneA, phoneB, close };
}

describe('several nodes on one Redis', () => {
  it('A’s entry on node 1 reaches B on node 2, and the console on node 3 counts it', async () => {
    const r = await room();
    const boardA = connectBoard(r.meA.board!);
    const boardB = connectBoard(r.meB.board!);
    try {
      expect(r.meA.board!.serverUrl).toContain(balancers[0].url.replace('http', 'ws'));
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await Promise.all([boardA.synced(), boardB.synced()]);
      // Both partners online, though each is on a different node from the console.
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].members.map((m) => m.online)).toEqual([true, true]), 10_000);
      addEntry(boardA.doc, { id: 'e1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'Patience');
      await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id).map((e) => e.text.toString())).toEqual(['Patience']), 10_000);
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].current?.entries).toBe(1), 10_000);
      // Presence across nodes: B leaves node 2, the console on node 3 sees it.
      r.phoneB.close();
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].members.map((m) => m.online)).toEqual([true, false]), 10_000);
    } finally {
      boardA.destroy();
      boardB.destroy();
      r.close();
    }
  }, SLOW);

  it('[R27] a private-first reveal across nodes: refused on every node before, readable after', async () => {
    const r = await room();
    const coupleId = r.meA.couple!.id;
    const mine = connectBoard(privateAccess(r.meA.board!, coupleId, 'a'));
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 1 });
      await mine.synced();
      answerText(mine.doc, SUPPORT.id, 'hard-to-ask', 'a', 1).insert(0, 'SECRET-across-nodes');
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].current?.entries).toBe(1), 10_000);
      // Ben's own token, A's private doc, asked of each node directly: refused before a byte.
      for (const node of nodes) {
        const url = boardUrl({ ...privateAccess(r.meA.board!, coupleId, 'a', r.meB.board!.params), serverUrl: node.url.replace('http', 'ws') + '/yjs' });
        expect(await closeCodeOf(url)).toMatchObject({ code: CLOSE_CODES.forbidden, messages: 0 });
      }
      // A says ready on node 1, B on node 2: the two commands meet in one state.
      expect(await r.phoneA.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      expect(await r.phoneB.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(r.phoneB.latest.self?.couple?.steps[1].revealed).toBe(true), 10_000);
      for (const node of nodes) {
        const view = connectBoard({ ...privateAccess(r.meA.board!, coupleId, 'a', r.meB.board!.params), serverUrl: node.url.replace('http', 'ws') + '/yjs' });
        await eventually(() => expect(listEntries(view.doc, SUPPORT.id).map((e) => e.text.toString())).toEqual(['SECRET-across-nodes']), 10_000);
        view.destroy();
      }
    } finally {
      mine.destroy();
      r.close();
    }
  }, SLOW);

  it('[R87] a pause across nodes: asked on node 1, seen on node 2 and by the console on node 3, acknowledged there, lifted on node 1', async () => {
    const r = await room();
    const coupleId = r.meA.couple!.id;
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      expect(await r.phoneA.socket.timeout(5_000).emitWithAck('pause', { paused: true })).toEqual({ ok: true });
      await eventually(() => expect(r.phoneB.latest.self?.couple?.pause).toMatchObject({ by: 'a', acknowledged: false }), 10_000);
      await eventually(() => expect(r.host.latest.snapshot?.couples.find((c) => c.id === coupleId)?.pause).toMatchObject({ acknowledged: false }), 10_000);
      expect(await r.phoneB.socket.timeout(5_000).emitWithAck('pause', { paused: false })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:pauseAck', { coupleId })).toEqual({ ok: true });
      await eventually(() => expect(r.phoneA.latest.self?.couple?.pause?.acknowledged).toBe(true), 10_000);
      expect(await r.phoneA.socket.timeout(5_000).emitWithAck('pause', { paused: false })).toEqual({ ok: true });
      await eventually(() => expect(r.phoneB.latest.self?.couple?.pause).toBeNull(), 10_000);
      await eventually(() => expect(r.host.latest.snapshot?.couples.find((c) => c.id === coupleId)?.pause).toBeNull(), 10_000);
    } finally {
      r.close();
    }
  }, SLOW);

  it('Socket.IO connection-state recovery: a phone cut off from node 2 resumes on node 3 with what it missed', async () => {
    const r = await room();
    const [, viaB] = balancers;
    try {
      const recovered = new Promise<boolean>((resolve, reject) => {
        r.phoneB.socket.once('connect', () => resolve(r.phoneB.socket.recovered));
        r.phoneB.socket.once('connect_error', reject);
      });
      r.phoneB.socket.io.reconnection(true);
      const seenBefore = r.phoneB.latest.raw.length;
      // Node 2 stays up but B's connection drops, and the balancer now sends B to node 3.
      const [p1, p2, p3] = nodes.map((n) => portOf(n.url));
      viaB.order = [p3, p1, p2];
      viaB.cut();
      await eventually(() => expect(r.phoneB.socket.connected).toBe(false));
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 }); // broadcast while B is away
      // Node 3 found the session node 2 saved in Redis: same socket id, same rooms, missed broadcasts replayed from the stream.
      expect(await recovered).toBe(true);
      await eventually(() => expect(r.phoneB.latest.workshop).toMatchObject({ phase: 'exercise', step: 0 }), 10_000);
      expect(r.phoneB.latest.raw.slice(seenBefore).some((m) => m.startsWith('["workshop:state"') && m.includes('"phase":"exercise"'))).toBe(true);
      viaB.order = [p2, p3, p1];
    } finally {
      r.close();
    }
  }, SLOW);

  it('SIGKILL of node 1: its clients reconnect to another node and every relayed edit is kept', async () => {
    const r = await room();
    const boardA = connectBoard(r.meA.board!);
    const boardB = connectBoard(r.meB.board!);
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await Promise.all([boardA.synced(), boardB.synced()]);
      const texts: string[] = [];
      for (let i = 0; i < 20; i++) {
        texts.push(`before-${i}`);
        addEntry(boardA.doc, { id: `k${i}`, exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: i }, `before-${i}`);
      }
      // Every one of them relayed to B on node 2: stored, by the rule that relays only what is stored.
      await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id)).toHaveLength(20), 10_000);

      nodes[0].child.kill('SIGKILL');
      await nodes[0].exited;
      // A's board reconnects through its balancer, which now finds node 2.
      await eventually(() => expect(boardA.provider.wsconnected).toBe(true), 20_000);
      addEntry(boardA.doc, { id: 'after', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 99 }, 'after the kill');
      await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id)).toHaveLength(21), 10_000);

      // A's control socket does not come back (no reconnection): once node 1's liveness key expires, the console shows A offline.
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].members.map((m) => m.online)).toEqual([false, true]), 20_000);

      // A fresh phone on node 3 loads everything from the store.
      const fresh = connectBoard({ ...r.meB.board!, serverUrl: nodes[2].url.replace('http', 'ws') + '/yjs' });
      await fresh.synced();
      expect(listEntries(fresh.doc, BRING_NEED.id).map((e) => e.text.toString()).sort()).toEqual([...texts, 'after the kill'].sort());
      fresh.destroy();
    } finally {
      boardA.destroy();
      boardB.destroy();
      r.close();
    }
  }, SLOW);

  it('a Redis outage: edits made on node 2 while Redis is down reach B on node 3 once it is back', async () => {
    const r = await room();
    const onNode = (board: BoardAccess, node: ServerProcess) => ({ ...board, serverUrl: node.url.replace('http', 'ws') + '/yjs' });
    const boardA = connectBoard(onNode(r.meA.board!, nodes[1]));
    const boardB = connectBoard(onNode(r.meB.board!, nodes[2]));
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await Promise.all([boardA.synced(), boardB.synced()]);
      addEntry(boardA.doc, { id: 'before', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'before the outage');
      await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id)).toHaveLength(1), 10_000);

      await redis.stop();
      for (let i = 0; i < 5; i++) addEntry(boardA.doc, { id: `during-${i}`, exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 10 + i }, `during-${i}`);
      // Node 2 keeps serving its own clients meanwhile: B's second device, on node 2, sees them.
      const tabB = connectBoard(onNode(r.meB.board!, nodes[1]));
      try {
        await eventually(() => expect(listEntries(tabB.doc, BRING_NEED.id)).toHaveLength(6), 10_000);
      } finally {
        tabB.destroy();
      }

      await redis.restart();
      await eventually(() => expect(listEntries(boardB.doc, BRING_NEED.id)).toHaveLength(6), 30_000);
      // And the path works again both ways.
      addEntry(boardB.doc, { id: 'after', exercise: BRING_NEED.id, column: 'need', author: 'b', createdAt: 99 }, 'after the outage');
      await eventually(() => expect(listEntries(boardA.doc, BRING_NEED.id)).toHaveLength(7), 30_000);
    } finally {
      boardA.destroy();
      boardB.destroy();
      r.close();
    }
  }, SLOW);

  // Last: it leaves this address limited for a minute on every node, which is the point.
  it('[R8] wrong room codes are counted across nodes: misses on node 2 and node 3 add up', async () => {
    const [n2, n3] = [nodes[1], nodes[2]].map((n) => new ApiClient(n.url));
    const guess = (api: ApiClient, i: number) => api.request('GET', `/api/workshops/YYYYYYY${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}`);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await guess(n2, i)).status);
    for (let i = 10; i < 20; i++) statuses.push((await guess(n3, i)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    // Neither node saw more than 10 misses itself; together they used up the 20 a minute.
    const limited = await guess(n2, 20);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  }, SLOW);
});
