/**
 * `npm run bench -- --nodes 2`: the typing scenario over two Twofold nodes on one Redis and one
 * store (issue 7). Couples are split in two: "same" couples have both partners on node 1,
 * "cross" couples have partner A on node 1 and partner B on node 2, so every edit of theirs takes
 * the cross-node path (store on node 1 → Redis → node 2 → B). Rounds alternate same / cross
 * (only that half types); the added latency is cross − same, per pair of rounds, and pooled.
 * Both partners of a couple live in this process: a latency is one clock's difference.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addEntry, ENTRIES_KEY } from '../lib/board/schema';
import { BRING_NEED } from '../lib/catalogue/catalogue';
import { ApiClient } from '../tests/helpers/apiClient';
import { startPostgres, startRedis } from '../tests/helpers/services';
import { BENCH_SERVER_ENV, startServer, twofoldScript, type ServerProcess } from './processes';
import { median, now, round, sleep, summarize, type Summary } from './stats';
import { keepConnected, ownReconnects, ticketSource } from './ticketRenewal';
import { redisHop } from './redisHop';

export interface CrossNodeFigures {
  nodes: 2;
  couples_per_half: number;
  edits_per_s_per_phone: number;
  same_node: Summary & { lost: number };
  cross_node: Summary & { lost: number };
  /** cross − same, pooled over all counted rounds. */
  added_p50_ms: number | null;
  added_p99_ms: number | null;
  /** The same, per pair of rounds (same_i, cross_i), and their medians. */
  pairs: { pair: number; same_p50_ms: number | null; cross_p50_ms: number | null; same_p99_ms: number | null; cross_p99_ms: number | null }[];
  added_p50_ms_median_of_pairs: number | null;
  added_p99_ms_median_of_pairs: number | null;
  /** One Redis pub/sub hop alone at the cross rounds' rate, nobody typing: the floor under the added latency (redisHop.ts). */
  redis_hop: Summary;
  store: string;
}

interface Side {
  doc: Y.Doc;
  provider: WebsocketProvider;
  stopReconnects: () => void;
}

interface Couple {
  a: Side;
  b: Side;
  text: Y.Text;
  /** Send time by text length after the edit. */
  sent: Map<number, number>;
  latencies: number[];
  lost: number;
}

/** A partner's board on one node, with a board ticket from /api/me, renewed for reconnects (bench/ticketRenewal.ts). */
async function open(api: ApiClient, serverUrl: string, token: string): Promise<Side> {
  const { board } = await api.me(token);
  if (!board) throw new Error('no board after pairing');
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, board.docName, doc, { params: board.params, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true, ...ownReconnects });
  const stopReconnects = keepConnected(provider, ticketSource(api, token, board.params));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${board.docName} did not sync`)), 60_000);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve({ doc, provider, stopReconnects });
    });
  });
}

export async function crossNodeTyping(opts: { couplesPerHalf: number; pairs: number; roundMs: number; editsPerSecond: number; settleMs: number }): Promise<CrossNodeFigures> {
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const env = { ...BENCH_SERVER_ENV, DATABASE_URL: await postgres.createDatabase(), REDIS_URL: redis.url };
  const nodes: ServerProcess[] = [];
  const couples: { same: Couple[]; cross: Couple[] } = { same: [], cross: [] };
  try {
    nodes.push(await startServer('node 1', twofoldScript().script, { ...env, NODE_ID: 'bench-1' }));
    nodes.push(await startServer('node 2', twofoldScript().script, { ...env, NODE_ID: 'bench-2' }));
    const api = new ApiClient(nodes[0].url);
    const workshop = await api.createWorkshop('Cross-node benchmark', [BRING_NEED]);
    const ws = (url: string) => url.replace('http', 'ws') + '/yjs';
    for (const half of ['same', 'cross'] as const) {
      for (let i = 0; i < opts.couplesPerHalf; i++) {
        const c = await api.coupleInWorkshop([`A${half}${i}`, `B${half}${i}`], workshop.code);
        // Tickets come from node 1: any node of the cluster accepts them (one secret, shared through Redis).
        const a = await open(api, ws(nodes[0].url), c.a.token);
        const b = await open(api, ws(half === 'same' ? nodes[0].url : nodes[1].url), c.b.token);
        const text = addEntry(a.doc, { id: `lat-${i}`, exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 });
        const couple: Couple = { a, b, text, sent: new Map(), latencies: [], lost: 0 };
        // B sees A's text grow: every length it now has that A sent is one arrival.
        b.doc.getMap(ENTRIES_KEY).observeDeep(() => {
          const seen = (b.doc.getMap(ENTRIES_KEY).get(`lat-${i}`) as Y.Map<unknown> | undefined)?.get('text');
          if (!(seen instanceof Y.Text)) return;
          const t = now();
          for (const [len, at] of couple.sent) {
            if (len > seen.length) continue;
            couple.latencies.push(t - at);
            couple.sent.delete(len);
          }
        });
        couples[half].push(couple);
      }
    }
    // The room stays in the lobby: boards are writable.
    console.log(`  ${opts.couplesPerHalf} couples on one node, ${opts.couplesPerHalf} across two nodes (one PostgreSQL, one Redis)`);

    const runRound = async (half: 'same' | 'cross', roundNo: number) => {
      for (const c of couples[half]) {
        c.latencies = [];
        c.lost = 0;
      }
      const gap = 1000 / opts.editsPerSecond;
      const end = now() + opts.roundMs;
      const timers = couples[half].map((c, i) =>
        setTimeout(function tick() {
          if (now() >= end) return;
          c.text.insert(c.text.length, 'x');
          c.sent.set(c.text.length, now());
          timers[i] = setTimeout(tick, gap);
        }, Math.random() * gap),
      );
      await sleep(opts.roundMs);
      timers.forEach(clearTimeout);
      const drainUntil = now() + 10_000;
      while (couples[half].some((c) => c.sent.size > 0) && now() < drainUntil) await sleep(50);
      for (const c of couples[half]) {
        c.lost = c.sent.size;
        c.sent.clear();
      }
      const samples = couples[half].flatMap((c) => c.latencies);
      const s = { ...summarize(samples), lost: couples[half].reduce((n, c) => n + c.lost, 0), samples };
      console.log(`  round ${roundNo} ${half.padEnd(5)}: p50 ${s.p50_ms} ms, p99 ${s.p99_ms} ms, max ${s.max_ms} ms, ${s.count} edits, lost ${s.lost}`);
      await sleep(opts.settleMs);
      return s;
    };

    await runRound('same', 0);
    await runRound('cross', 0); // warm-up, uncounted
    const hop = await redisHop(redis.url, { perSecond: opts.couplesPerHalf * opts.editsPerSecond, ms: opts.roundMs });
    console.log(`  one Redis pub/sub hop alone (${hop.count} messages, nobody typing): p50 ${hop.p50_ms} ms, p99 ${hop.p99_ms} ms, max ${hop.max_ms} ms`);
    const counted: { same: Awaited<ReturnType<typeof runRound>>; cross: Awaited<ReturnType<typeof runRound>> }[] = [];
    for (let i = 1; i <= opts.pairs; i++) counted.push({ same: await runRound('same', i), cross: await runRound('cross', i) });

    const pooled = (half: 'same' | 'cross') => {
      const all = counted.flatMap((p) => p[half].samples);
      return { ...summarize(all), lost: counted.reduce((n, p) => n + p[half].lost, 0) };
    };
    const same = pooled('same');
    const cross = pooled('cross');
    const diff = (a: number | null, b: number | null) => (a !== null && b !== null ? round(a - b) : null);
    const pairs = counted.map((p, i) => ({ pair: i + 1, same_p50_ms: p.same.p50_ms, cross_p50_ms: p.cross.p50_ms, same_p99_ms: p.same.p99_ms, cross_p99_ms: p.cross.p99_ms }));
    const medianOf = (values: (number | null)[]) => round(median(values.filter((v): v is number => v !== null)));
    return {
      nodes: 2,
      couples_per_half: opts.couplesPerHalf,
      edits_per_s_per_phone: opts.editsPerSecond,
      same_node: same,
      cross_node: cross,
      added_p50_ms: diff(cross.p50_ms, same.p50_ms),
      added_p99_ms: diff(cross.p99_ms, same.p99_ms),
      pairs,
      added_p50_ms_median_of_pairs: medianOf(pairs.map((p) => diff(p.cross_p50_ms, p.same_p50_ms))),
      added_p99_ms_median_of_pairs: medianOf(pairs.map((p) => diff(p.cross_p99_ms, p.same_p99_ms))),
      redis_hop: hop,
      store: 'PostgreSQL (throw-away, fsync off) shared by both nodes',
    };
  } finally {
    for (const side of [couples.same, couples.cross].flat().flatMap((c) => [c.a, c.b])) {
      side.stopReconnects();
      side.provider.destroy();
    }
    for (const n of nodes.reverse()) await n.stop().catch(() => undefined);
    await redis.stop();
    await postgres.stop();
  }
}
