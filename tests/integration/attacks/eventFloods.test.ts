import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type SelfState } from '../../../lib/protocol';
import { DEFAULT_LIMITS, DEFAULT_TIMING } from '../../../server/tunables';
import { ApiClient } from '../../helpers/apiClient';
import { launchAttack, openProbe, p99, summarise } from '../../helpers/attack';
import { connectControl, hostAuth, hostCommand, participantAuth, projectorAuth } from '../../helpers/controlClient';
import { startTestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

const { socketEventBurst: BURST, socketEventsPerSecond: RATE, socketRefusalsBeforeCut: CUT } = DEFAULT_LIMITS;
const WINDOW_MS = DEFAULT_TIMING.coupleBroadcastWindowMs;
type Ack = { ok: boolean; code?: string };
const count = (raw: string[], event: string) => raw.filter((line) => line.startsWith(`["${event}"`)).length;

/** A room on its first exercise: a console, a projector, the attacker's couple and `others` more couples, all connected. */
async function roomInExercise(others: number) {
  const workshop = await api.createWorkshop('Flooded room');
  const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
  const projector = connectControl(server.url, projectorAuth(workshop.code));
  const attacker = await api.coupleInWorkshop(['Mallory', 'Pat'], workshop.code);
  const couples = [];
  for (let i = 0; i < others; i++) couples.push(await api.coupleInWorkshop([`A${i}`, `B${i}`], workshop.code));
  const phones = [attacker.b, ...couples.flatMap((c) => [c.a, c.b])].map((p) => connectControl(server.url, participantAuth(p.token)));
  const everyone = [host, projector, ...phones];
  await eventually(() => expect(everyone.every((c) => c.socket.connected)).toBe(true));
  await hostCommand(host.socket, { type: 'goTo', step: 0 });
  await eventually(() => expect(phones.every((p) => p.latest.workshop?.phase === 'exercise')).toBe(true));
  return { workshop, attacker, partner: phones[0], phones, close: () => everyone.forEach((c) => c.close()) };
}

describe('Socket.IO event floods', () => {
  it('[R51][R52] 4,000 ready toggles from one participant, then 100 after each of 20 reconnects: refused with rate_limited, the socket cut, the room told a bounded number of times; a probe couple stays under 100 ms', { timeout: 60_000 }, async () => {
    const room = await roomInExercise(8);
    const probe = await openProbe(api);
    try {
      for (const p of room.phones) p.latest.raw.length = 0;
      const attack = launchAttack<{ sent: number; acks: Record<string, number>; disconnects: string[] }>({
        kind: 'readyFlood',
        url: server.url,
        token: room.attacker.a.token,
        protocol: PROTOCOL_VERSION,
        count: 4_000,
        reconnects: 20,
        perReconnect: 100,
      });
      await attack.running;
      const started = performance.now();
      const figures = await probe.during(attack.done);
      const result = await attack.done;
      const seconds = (performance.now() - started) / 1000;
      console.log(summarise('4,000 ready toggles', figures), JSON.stringify(result.acks), `${result.disconnects.length} cuts (${result.disconnects[0]})`);

      // Refused past the budget with the documented code, then cut (and cut again on every reconnect).
      expect(result.acks.rate_limited).toBeGreaterThan(0);
      expect(result.acks.ok ?? 0).toBeLessThanOrEqual(BURST + Math.ceil(RATE * (seconds + 1)));
      expect(result.disconnects[0]).toBe('io server disconnect');
      expect(result.disconnects.length).toBeGreaterThan(1); // reconnecting refills nothing: cut at once again
      expect(result.sent).toBe(4_000 + 20 * 100);
      const handled = (result.acks.ok ?? 0) + (result.acks.rate_limited ?? 0);
      expect(handled).toBeLessThanOrEqual(BURST + CUT + Math.ceil(2 * RATE * (seconds + 1)) + result.disconnects.length);

      // The room heard of it at most once per window, not once per tap.
      await eventually(() => expect(count(room.partner.latest.raw, 'self:state')).toBeGreaterThan(0));
      const windows = Math.ceil((seconds * 1000) / WINDOW_MS) + 2;
      for (const phone of room.phones) expect(count(phone.latest.raw, 'workshop:state')).toBeLessThanOrEqual(windows);
      // The partner also hears each reconnect come online and go offline ([R16]): two per reconnect, not per tap.
      expect(count(room.partner.latest.raw, 'self:state')).toBeLessThanOrEqual(windows + 2 * result.disconnects.length);
      expect(count(room.phones[1].latest.raw, 'self:state')).toBe(0); // another couple is not told at all

      expect(p99(figures.healthMs)).toBeLessThan(100);
      expect(p99(figures.typingMs)).toBeLessThan(100);
      expect((await api.request('GET', '/api/health')).status).toBe(200);
    } finally {
      probe.close();
      room.close();
    }
  });

  it('[R51] a participant’s sockets share one budget: a second socket is refused once the first spent it', async () => {
    const { a } = await api.coupleInWorkshop(); // in the lobby "ready" is refused (bad_request): it still costs an event
    const first = connectControl(server.url, participantAuth(a.token));
    const second = connectControl(server.url, participantAuth(a.token));
    try {
      await eventually(() => expect(first.socket.connected && second.socket.connected).toBe(true));
      const acks = await Promise.all(Array.from({ length: BURST + 20 }, () => first.socket.timeout(5_000).emitWithAck('ready', { ready: true }) as Promise<Ack>));
      expect(acks.filter((r) => r.code === 'rate_limited').length).toBeGreaterThan(0);
      expect(((await second.socket.timeout(5_000).emitWithAck('ready', { ready: true })) as Ack).code).toBe('rate_limited');
      expect(first.socket.connected && second.socket.connected).toBe(true); // refused, not yet cut
    } finally {
      first.close();
      second.close();
    }
  });

  it('[R52] a ready toggle that flips back within the window goes out once, with the final state', async () => {
    const room = await roomInExercise(1);
    const phone = connectControl(server.url, participantAuth(room.attacker.a.token));
    try {
      await eventually(() => expect(phone.socket.connected).toBe(true));
      await eventually(() => expect(room.partner.latest.self?.couple).toBeTruthy());
      const selfStates = () => room.partner.latest.raw.filter((line) => line.startsWith('["self:state"')).map((line) => (JSON.parse(line) as [string, SelfState])[1]);
      const readyA = (s: SelfState) => s.couple?.steps[0].ready.a;
      const before = selfStates().length;
      const [on, off] = await Promise.all([phone.socket.emitWithAck('ready', { ready: true }), phone.socket.emitWithAck('ready', { ready: false })]);
      expect([on, off]).toEqual([{ ok: true }, { ok: true }]);
      await eventually(() => expect(selfStates().length).toBeGreaterThan(before));
      // A later tap, in a window of its own, marks the end: between the two, exactly one state was sent.
      expect(await phone.socket.emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(readyA(selfStates().at(-1)!)).toBe(true));
      const between = selfStates().slice(before, -1);
      expect(between.map(readyA)).toEqual([false]);
    } finally {
      phone.close();
      room.close();
    }
  });
});
