/**
 * One client process of the benchmark: it holds whole couples of simulated
 * phones, each with the stock socket.io-client (the control plane) and the
 * stock y-websocket provider over `ws` (the board), set up through the
 * documented HTTP API exactly as docs/API.md tells an outside client to.
 * Driven over IPC by bench/run.ts (messages in bench/protocol.ts).
 */
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addEntry, ENTRIES_KEY } from '../lib/board/schema';
import { PROTOCOL_VERSION, type BoardAccess, type PublicWorkshopState, type Seat } from '../lib/protocol';
import { ApiClient } from '../tests/helpers/apiClient';
import type { JoinPlan, JoinResult, Reply, Request, Target, TypingPlan, TypingResult } from './protocol';
import { now, sleep } from './stats';
import { keepConnected, ownReconnects, ticketSource, type TicketSource } from './ticketRenewal';

interface Replica {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** This phone's own entry text (created by prepareTyping or the light activity). */
  own: Y.Text | null;
  /** Stops the ticket-renewing reconnects (Twofold boards only). */
  stopReconnects: () => void;
}

interface Phone {
  couple: number;
  seat: Seat;
  name: string;
  token: string;
  participantId: string;
  board: BoardAccess;
  /** Board tickets (60 s) for this phone's reconnects to Twofold. */
  tickets: TicketSource;
  partner: Phone | null;
  control: Socket | null;
  replicas: Partial<Record<Target, Replica>>;
  /** Every workshop:state received: [version, arrival]. */
  states: [number, number][];
  /** The last workshop:state, to measure its size for the fan-out reference. */
  lastState: unknown;
  /** The fan-out reference's socket (bench/referenceSocketServer.ts) and its broadcasts: [version, arrival]. */
  referenceControl: Socket | null;
  referenceStates: [number, number][];
  /** Targets whose typing observers are set up (prepareTyping is called again after more phones join). */
  prepared: Set<Target>;
  timers: NodeJS.Timeout[];
}

interface RoundState {
  target: Target;
  latencies: number[];
  lastSent: Map<Phone, number>;
  lastSeen: Map<Phone, number>;
}

const SYNC_TIMEOUT_MS = 60_000;

let api: ApiClient;
let twofoldUrl = '';
let exerciseKey = '';
let column = '';
const phones: Phone[] = [];
const rounds = new Map<number, RoundState>();
let disconnects = 0;

const entryId = (phone: Phone) => `bench-${phone.participantId}`;
const TOKEN = /^(\d+)\.(\d+)@(\d+(?:\.\d+)?)$/;

/**
 * A board replica. On Twofold it connects with the ticket from /api/me and reconnects on a fresh
 * one once that is past half its life (bench/ticketRenewal.ts); the reference relay takes no
 * credential, so its replicas keep the stock provider's own reconnects.
 */
function openReplica(phone: Phone, target: Target, serverUrl: string): Promise<Replica> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, phone.board.docName, doc, {
    params: phone.board.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(target === 'twofold' ? ownReconnects : {}),
  });
  const stopReconnects = target === 'twofold' ? keepConnected(provider, phone.tickets) : () => undefined;
  provider.awareness.setLocalStateField('user', { name: phone.name, seat: phone.seat });
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'disconnected') disconnects++;
  });
  const replica: Replica = { doc, provider, own: null, stopReconnects };
  phone.replicas[target] = replica;
  return new Promise((resolve, reject) => {
    if (provider.synced) return resolve(replica);
    const timer = setTimeout(() => reject(new Error(`${target} board of ${phone.name} did not sync`)), SYNC_TIMEOUT_MS);
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      resolve(replica);
    });
  });
}

function openControl(phone: Phone): Promise<void> {
  const socket: Socket = io(twofoldUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: phone.token },
    forceNew: true,
  });
  phone.control = socket;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`control socket of ${phone.name} got no state`)), SYNC_TIMEOUT_MS);
    socket.on('workshop:state', (state: PublicWorkshopState) => {
      phone.states.push([state.version, now()]);
      phone.lastState = state;
      clearTimeout(timer);
      resolve();
    });
    socket.on('connect_error', (err) => {
      if (!socket.active) {
        clearTimeout(timer);
        reject(err);
      }
    });
  });
}

/** A couple arrives: both join, the first starts the couple, the second enters its pair code, both open the control socket and the board. */
async function joinCouple(code: string, n: number, arriveAt: number, result: JoinResult, lightEditEveryMs: number): Promise<void> {
  const wait = arriveAt - now();
  if (wait > 0) await sleep(wait);
  const made: Phone[] = [];
  try {
    const [a, b] = await Promise.all([api.join(code, `A${n}`), api.join(code, `B${n}`)]);
    const couple = await api.startCouple(code, a.token);
    await api.joinCouple(code, b.token, couple.pairCode);
    await Promise.all(
      ([[a, 'a'], [b, 'b']] as const).map(async ([joined, seat]) => {
        const me = await api.me(joined.token);
        if (!me.board) throw new Error(`${joined.name} has no board after pairing`);
        const phone: Phone = {
          couple: n,
          seat,
          name: joined.name,
          token: joined.token,
          participantId: joined.participantId,
          board: me.board,
          tickets: ticketSource(api, joined.token, me.board.params),
          partner: null,
          control: null,
          replicas: {},
          states: [],
          lastState: null,
          referenceControl: null,
          referenceStates: [],
          prepared: new Set(),
          timers: [],
        };
        made.push(phone);
        await Promise.all([openControl(phone), openReplica(phone, 'twofold', me.board.serverUrl)]);
        result.arrivals.push(arriveAt);
        result.synced.push(now());
      }),
    );
    const [p, q] = made;
    p.partner = q;
    q.partner = p;
    phones.push(p, q);
    if (lightEditEveryMs > 0) for (const phone of made) startLightActivity(phone, lightEditEveryMs);
  } catch (err) {
    result.failed += 2 - made.filter((p) => p.replicas.twofold?.provider.synced).length;
    result.firstError ??= err instanceof Error ? err.message : String(err);
    for (const phone of made) closePhone(phone);
  }
}

async function join(plan: JoinPlan): Promise<JoinResult> {
  const result: JoinResult = { phones: 0, failed: 0, firstError: null, arrivals: [], synced: [] };
  if (plan.arriveAt.length > 0) {
    await Promise.all(plan.couples.map((n, i) => joinCouple(plan.code, n, plan.arriveAt[i], result, plan.lightEditEveryMs)));
  } else {
    const queue = [...plan.couples];
    const lane = async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await joinCouple(plan.code, n, now(), result, plan.lightEditEveryMs);
    };
    await Promise.all(Array.from({ length: plan.concurrency }, lane));
  }
  result.phones = result.synced.length;
  return result;
}

function ownText(phone: Phone, target: Target): Y.Text {
  const replica = phone.replicas[target]!;
  if (!replica.own) replica.own = addEntry(replica.doc, { id: entryId(phone), exercise: exerciseKey, column, author: phone.seat, createdAt: Date.now() });
  return replica.own;
}

/** Replaces the phone's entry text with `token` in one edit (so the text stays short however long the run). */
function edit(phone: Phone, target: Target, token: string): void {
  const replica = phone.replicas[target]!;
  const text = ownText(phone, target);
  replica.doc.transact(() => {
    if (text.length > 0) text.delete(0, text.length);
    text.insert(0, token);
  });
}

/** Capacity ramp: a phone that edits its entry now and then, as someone thinking between sentences. */
function startLightActivity(phone: Phone, everyMs: number): void {
  let seq = 0;
  const first = setTimeout(() => {
    edit(phone, 'twofold', `0.${++seq}@${now().toFixed(3)}`);
    phone.timers.push(setInterval(() => edit(phone, 'twofold', `0.${++seq}@${now().toFixed(3)}`), everyMs));
  }, Math.random() * everyMs);
  phone.timers.push(first);
}

/** Creates each phone's entry on the given targets and waits until every phone sees its partner's entry. */
async function prepareTyping(targets: Target[]): Promise<number> {
  for (const phone of phones) for (const target of targets) ownText(phone, target);
  const deadline = now() + SYNC_TIMEOUT_MS;
  for (const phone of phones) {
    for (const target of targets) {
      if (phone.prepared.has(target)) continue;
      phone.prepared.add(target);
      const replica = phone.replicas[target]!;
      const partner = phone.partner!;
      const entries = replica.doc.getMap<Y.Map<unknown>>(ENTRIES_KEY);
      while (!(entries.get(entryId(partner))?.get('text') instanceof Y.Text)) {
        if (now() > deadline) throw new Error(`${phone.name} never saw ${partner.name}'s entry on ${target}`);
        await sleep(20);
      }
      const text = entries.get(entryId(partner))!.get('text') as Y.Text;
      text.observe(() => arrived(partner, target, text.toString()));
    }
  }
  return phones.length;
}

/** The partner's replica changed: `sender`'s latest token is in it. */
function arrived(sender: Phone, target: Target, token: string): void {
  const at = now();
  const m = TOKEN.exec(token);
  if (!m) return;
  const state = rounds.get(Number(m[1]));
  if (!state || state.target !== target) return;
  const seq = Number(m[2]);
  if (seq <= (state.lastSeen.get(sender) ?? 0)) return;
  state.latencies.push(at - Number(m[3]));
  state.lastSeen.set(sender, seq);
}

/** Every phone types into its entry `editsPerSecond` times a second, each at its own phase. */
async function type(plan: TypingPlan): Promise<TypingResult> {
  const state: RoundState = { target: plan.target, latencies: [], lastSent: new Map(), lastSeen: new Map() };
  rounds.set(plan.round, state);
  const disconnectsBefore = disconnects;
  const interval = 1000 / plan.editsPerSecond;
  const start = now() + 50;
  const end = start + plan.durationMs;
  await Promise.all(
    phones.map(
      (phone) =>
        new Promise<void>((done) => {
          let seq = 0;
          let next = start + Math.random() * interval;
          const tick = () => {
            const t = now();
            if (t >= end) return done();
            seq++;
            state.lastSent.set(phone, seq);
            edit(phone, plan.target, `${plan.round}.${seq}@${t.toFixed(3)}`);
            next += interval;
            setTimeout(tick, Math.max(0, next - now()));
          };
          setTimeout(tick, Math.max(0, next - now()));
        }),
    ),
  );
  const missing = () => phones.reduce((n, p) => n + (state.lastSent.get(p) ?? 0) - (state.lastSeen.get(p) ?? 0), 0);
  const drainUntil = now() + plan.drainMs;
  while (missing() > 0 && now() < drainUntil) await sleep(20);
  rounds.delete(plan.round);
  const sent = phones.reduce((n, p) => n + (state.lastSent.get(p) ?? 0), 0);
  return { round: plan.round, target: plan.target, latencies: Float64Array.from(state.latencies), sent, lost: missing(), disconnects: disconnects - disconnectsBefore };
}

/** Connects every phone's socket to the fan-out reference (stock socket.io-client, as to Twofold). */
function openReferenceControls(url: string): Promise<number> {
  const opening = phones
    .filter((p) => p.referenceControl === null)
    .map(
      (phone) =>
        new Promise<void>((resolve, reject) => {
          const socket: Socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { role: 'phone' }, forceNew: true });
          phone.referenceControl = socket;
          socket.on('workshop:state', (state: { version: number }) => phone.referenceStates.push([state.version, now()]));
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        }),
    );
  return Promise.all(opening).then(() => phones.length);
}

/**
 * Arrival of the first workshop:state at or past `version` on every phone, from Twofold or from
 * the fan-out reference; with the size of the last Twofold state one phone received.
 */
async function fanout(version: number, timeoutMs: number, target: Target): Promise<{ arrivals: Float64Array; missing: number; stateBytes: number | null }> {
  const list = (p: Phone) => (target === 'twofold' ? p.states : p.referenceStates);
  const reached = (p: Phone) => list(p).find(([v]) => v >= version)?.[1];
  const until = now() + timeoutMs;
  while (phones.some((p) => reached(p) === undefined) && now() < until) await sleep(5);
  const arrivals = phones.map(reached).filter((t): t is number => t !== undefined);
  for (const p of phones) {
    // keep the lists short
    if (target === 'twofold') p.states = p.states.filter(([v]) => v >= version);
    else p.referenceStates = p.referenceStates.filter(([v]) => v >= version);
  }
  const sample = phones.find((p) => p.lastState !== null)?.lastState;
  const stateBytes = sample === undefined ? null : Buffer.byteLength(JSON.stringify(sample));
  return { arrivals: Float64Array.from(arrivals), missing: phones.length - arrivals.length, stateBytes };
}

function closePhone(phone: Phone): void {
  for (const t of phone.timers) clearTimeout(t);
  for (const replica of Object.values(phone.replicas)) {
    replica.stopReconnects();
    replica.provider.destroy();
    replica.doc.destroy();
  }
  phone.control?.close();
  phone.referenceControl?.close();
}

async function closeAll(): Promise<number> {
  const n = phones.length;
  for (const phone of phones.splice(0)) closePhone(phone);
  await sleep(200); // let the close frames go out
  return n;
}

async function handle(req: Request): Promise<unknown> {
  switch (req.cmd) {
    case 'setup':
      twofoldUrl = req.twofoldUrl;
      exerciseKey = req.exerciseKey;
      column = req.column;
      api = new ApiClient(twofoldUrl);
      return true;
    case 'clock':
      return now();
    case 'join':
      return join(req.plan);
    case 'openReference':
      await Promise.all(phones.filter((p) => !p.replicas.reference).map((p) => openReplica(p, 'reference', req.referenceUrl)));
      return phones.length;
    case 'openReferenceControls':
      return openReferenceControls(req.url);
    case 'prepareTyping':
      return prepareTyping(req.targets);
    case 'type':
      return type(req.plan);
    case 'fanout':
      return fanout(req.version, req.timeoutMs, req.target ?? 'twofold');
    case 'closeAll':
      return closeAll();
  }
}

process.setMaxListeners(0);
process.on('message', (req: Request) => {
  handle(req).then(
    (result) => process.send!({ id: req.id, ok: true, result } satisfies Reply),
    (err: unknown) => process.send!({ id: req.id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies Reply),
  );
});
process.on('disconnect', () => process.exit(0));
