import { describe, expect, it } from 'vitest';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { MAX_ROOM_NOTE_CHARS } from '../../lib/limits';
import type { MeResponse } from '../../lib/protocol';
import type { WorkshopSummary } from '../../lib/summary';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth, hostCommand, participantAuth, projectorAuth, type ControlSocket } from '../helpers/controlClient';
import { serverForFile, startTestServer, tempDataDir } from '../helpers/server';
import { eventually } from '../helpers/wait';

const { server, api } = await serverForFile({ timing: { hostSnapshotThrottleMs: 20 } });

const AGENDA = [BRING_NEED, SPECTRUM, SUPPORT];
const PRIVATE_STEP = 2;

/** Two couples, every phone, the console and the projector connected on `url`. */
async function room(url = server.url, client: ApiClient = api) {
  const workshop = await client.createWorkshop('Evening', AGENDA);
  const c1 = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await client.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
  const host = connectControl(url, hostAuth(workshop.code, workshop.hostKey));
  const projector = connectControl(url, projectorAuth(workshop.code));
  const phones = [c1.a, c1.b, c2.a, c2.b].map((p) => connectControl(url, participantAuth(p.token)));
  const me: MeResponse[] = await Promise.all([c1.a, c1.b, c2.a, c2.b].map((p) => client.me(p.token)));
  await eventually(() => expect([host, projector, ...phones].every((s) => s.latest.workshop?.phase === 'lobby')).toBe(true));
  const close = () => [host, projector, ...phones].forEach((s) => s.close());
  return { workshop, c1, c2, host, projector, phones, me, close };
}

const pause = (socket: ControlSocket, paused: boolean) => socket.timeout(5_000).emitWithAck('pause', { paused });
const ack = (socket: ControlSocket, coupleId: string) => socket.timeout(5_000).emitWithAck('host:pauseAck', { coupleId });
const note = (socket: ControlSocket, text: string | null) => socket.timeout(5_000).emitWithAck('host:note', { text });

describe('a couple’s pause', () => {
  it('[R85] Ana asks for a pause: Ben’s phone and the console see it at once; the other couple and the projector do not', async () => {
    const r = await room();
    try {
      const [ana, ben, cleo, dev] = r.phones;
      const couple1 = r.me[0].couple!.id;
      // Nothing to pause in the lobby.
      expect(await pause(ana.socket, true)).toMatchObject({ ok: false, code: 'bad_request' });
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await eventually(() => expect(ben.latest.self?.couple?.pause).toBeNull());
      expect(await pause(ana.socket, true)).toEqual({ ok: true });
      await eventually(() => expect(ben.latest.self?.couple?.pause).toMatchObject({ by: 'a', acknowledged: false }));
      expect(ana.latest.self?.couple?.pause).toMatchObject({ by: 'a', acknowledged: false });
      await eventually(() => expect(r.host.latest.snapshot?.couples.find((c) => c.id === couple1)?.pause).toMatchObject({ acknowledged: false }));
      // The console learns that the couple asked, not who.
      expect(Object.keys(r.host.latest.snapshot!.couples.find((c) => c.id === couple1)!.pause!).sort()).toEqual(['acknowledged', 'since']);
      expect(r.host.latest.snapshot?.couples.find((c) => c.id !== couple1)?.pause).toBeNull();

      // Cleo taps ready after the pause: the state her couple gets for it is later than the pause, and carries none.
      expect(await cleo.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(dev.latest.self?.couple?.steps[0].ready.a).toBe(true));
      expect(dev.latest.self?.couple?.pause).toBeNull();
      expect(cleo.latest.self?.couple?.pause).toBeNull();
      // The projector and the room's public state hold no pause at all.
      for (const s of [r.projector, cleo, dev]) expect(s.latest.raw.join('')).not.toContain('"acknowledged"');
    } finally {
      r.close();
    }
  });

  it('[R86] only the partner who asked resumes; the facilitator acknowledges and both phones see it', async () => {
    const r = await room();
    try {
      const [ana, ben, cleo] = r.phones;
      const couple1 = r.me[0].couple!.id;
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      expect(await ack(r.host.socket, couple1)).toMatchObject({ ok: false, code: 'not_found' });
      expect(await pause(ben.socket, true)).toEqual({ ok: true });
      // Ana asking as well keeps Ben's pause his.
      expect(await pause(ana.socket, true)).toEqual({ ok: true });
      await eventually(() => expect(ana.latest.self?.couple?.pause).toMatchObject({ by: 'b' }));
      expect(await pause(ana.socket, false)).toMatchObject({ ok: false, code: 'forbidden' });
      // Another couple cannot lift it either: their command acts on their own couple, which has no pause.
      expect(await pause(cleo.socket, false)).toEqual({ ok: true });
      // A phone cannot acknowledge; the console can.
      expect(await ack(ana.socket, couple1)).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await ack(r.host.socket, couple1)).toEqual({ ok: true });
      await eventually(() => {
        for (const phone of [ana, ben]) expect(phone.latest.self?.couple?.pause).toMatchObject({ by: 'b', acknowledged: true });
      });
      await eventually(() => expect(r.host.latest.snapshot?.couples.find((c) => c.id === couple1)?.pause?.acknowledged).toBe(true));
      expect(await ack(r.host.socket, 'no-such-couple')).toMatchObject({ ok: false, code: 'not_found' });
      expect(await pause(ben.socket, false)).toEqual({ ok: true });
      await eventually(() => expect([ana, ben].map((p) => p.latest.self?.couple?.pause)).toEqual([null, null]));
      await eventually(() => expect(r.host.latest.snapshot?.couples.find((c) => c.id === couple1)?.pause).toBeNull());
    } finally {
      r.close();
    }
  });

  it('[R87] a stranger cannot pause; payloads are validated; a flood of taps meets the event budget', async () => {
    const r = await room();
    const stranger = await api.join(r.workshop.code, 'Eve');
    const eve = connectControl(server.url, participantAuth(stranger.token));
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await eventually(() => expect(eve.latest.workshop?.phase).toBe('exercise'));
      expect(await pause(eve.socket, true)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('pause', { paused: 'yes' } as never)).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('pause', { paused: true, why: 'x' } as never)).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:pauseAck', {} as never)).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(r.host.latest.snapshot?.couples.every((c) => c.pause === null)).toBe(true);
      const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => pause(r.phones[2].socket, i % 2 === 0)));
      expect(answers.filter((a) => !a.ok && a.code === 'rate_limited').length).toBeGreaterThan(0);
    } finally {
      eve.close();
      r.close();
    }
  });

  it('[R87] the pause is stored: it survives a reload and a server restart, and can be lifted afterwards', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir, timing: { hostSnapshotThrottleMs: 20 } });
    const client1 = new ApiClient(first.url);
    const r = await room(first.url, client1);
    const couple1 = r.me[0].couple!.id;
    await hostCommand(r.host.socket, { type: 'goTo', step: 1 });
    expect(await pause(r.phones[0].socket, true)).toEqual({ ok: true });
    await eventually(() => expect(r.phones[1].latest.self?.couple?.pause).toMatchObject({ by: 'a' }));
    // A reload: Ben's phone connects again and is told at once.
    r.phones[1].close();
    const benAgain = connectControl(first.url, participantAuth(r.c1.b.token));
    await eventually(() => expect(benAgain.latest.self?.couple?.pause).toMatchObject({ by: 'a', acknowledged: false }));
    benAgain.close();
    expect(await ack(r.host.socket, couple1)).toEqual({ ok: true });
    await eventually(() => expect(r.phones[0].latest.self?.couple?.pause?.acknowledged).toBe(true));
    r.close();
    await first.close();

    const second = await startTestServer({ dataDir, timing: { hostSnapshotThrottleMs: 20 } });
    const ana = connectControl(second.url, participantAuth(r.c1.a.token));
    const ben = connectControl(second.url, participantAuth(r.c1.b.token));
    const host = connectControl(second.url, hostAuth(r.workshop.code, r.workshop.hostKey));
    try {
      await eventually(() => expect(ben.latest.self?.couple?.pause).toMatchObject({ by: 'a', acknowledged: true }));
      await eventually(() => expect(host.latest.snapshot?.couples.find((c) => c.id === couple1)?.pause).toMatchObject({ acknowledged: true }));
      expect(await pause(ben.socket, false)).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await pause(ana.socket, false)).toEqual({ ok: true });
      await eventually(() => expect(ben.latest.self?.couple?.pause).toBeNull());
    } finally {
      [ana, ben, host].forEach((s) => s.close());
      await second.close();
    }
  });

  it('[R88] the summary counts pauses per exercise, without naming a couple', async () => {
    const r = await room();
    try {
      const [ana, , cleo] = r.phones;
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      expect(await pause(ana.socket, true)).toEqual({ ok: true });
      expect(await pause(cleo.socket, true)).toEqual({ ok: true });
      expect(await pause(ana.socket, false)).toEqual({ ok: true });
      expect(await pause(ana.socket, true)).toEqual({ ok: true });
      await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      expect(await pause(ana.socket, false)).toEqual({ ok: true });
      expect(await pause(ana.socket, true)).toEqual({ ok: true });
      await hostCommand(r.host.socket, { type: 'end' });
      const res = await api.request<WorkshopSummary>('GET', `/api/workshops/${r.workshop.code}/summary`, undefined, r.workshop.hostKey);
      expect(res.status).toBe(200);
      expect(res.body.exercises.map((e) => e.pauses)).toEqual([3, 0, 1]);
      const text = JSON.stringify(res.body);
      for (const secret of [r.me[0].couple!.id, r.me[2].couple!.id, 'Ana', 'Cleo']) expect(text).not.toContain(secret);
      // After the end there is nothing left to pause.
      await eventually(() => expect(r.phones[1].latest.self?.couple?.pause ?? null).toBeNull());
    } finally {
      r.close();
    }
  });
});

describe('how a reveal happened', () => {
  it('[R84] both ready: each phone is told the partners revealed it, and taking ready back does not hide it again', async () => {
    const r = await room();
    try {
      const [ana, ben] = r.phones;
      await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      await eventually(() => expect(ana.latest.self?.couple?.steps[PRIVATE_STEP]).toEqual({ ready: { a: false, b: false }, revealed: false, revealedBy: null }));
      expect(await ana.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      expect(await ben.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => {
        for (const p of [ana, ben]) expect(p.latest.self?.couple?.steps[PRIVATE_STEP]).toMatchObject({ revealed: true, revealedBy: 'partners' });
      });
      expect(await ben.socket.timeout(5_000).emitWithAck('ready', { ready: false })).toEqual({ ok: true });
      await eventually(() => expect(ana.latest.self?.couple?.steps[PRIVATE_STEP].ready.b).toBe(false));
      expect(ana.latest.self?.couple?.steps[PRIVATE_STEP]).toMatchObject({ revealed: true, revealedBy: 'partners' });
      // A later "Reveal for everyone" does not rewrite how it happened.
      await hostCommand(r.host.socket, { type: 'revealAll' });
      await eventually(() => expect(r.phones[3].latest.self?.couple?.steps[PRIVATE_STEP]).toMatchObject({ revealed: true, revealedBy: 'facilitator' }));
      expect(ben.latest.self?.couple?.steps[PRIVATE_STEP].revealedBy).toBe('partners');
    } finally {
      r.close();
    }
  });

  it('[R84] revealed by the facilitator, for one couple and for everyone: the phones say so, also when both get ready afterwards', async () => {
    const r = await room();
    try {
      const [ana, ben, cleo, dev] = r.phones;
      await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      await hostCommand(r.host.socket, { type: 'revealCouple', coupleId: r.me[0].couple!.id });
      await eventually(() => {
        for (const p of [ana, ben]) expect(p.latest.self?.couple?.steps[PRIVATE_STEP]).toMatchObject({ revealed: true, revealedBy: 'facilitator' });
      });
      await hostCommand(r.host.socket, { type: 'revealAll' });
      await eventually(() => expect(dev.latest.self?.couple?.steps[PRIVATE_STEP]).toMatchObject({ revealed: true, revealedBy: 'facilitator' }));
      expect(await cleo.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      expect(await dev.socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(cleo.latest.self?.couple?.steps[PRIVATE_STEP].ready).toEqual({ a: true, b: true }));
      expect(cleo.latest.self?.couple?.steps[PRIVATE_STEP].revealedBy).toBe('facilitator');
    } finally {
      r.close();
    }
  });
});

describe('the facilitator’s note', () => {
  it('[R89] one line reaches every phone and the projector, is replaced by the next and cleared; long or multi-line notes are refused', async () => {
    const r = await room();
    try {
      const everyone = [r.projector, ...r.phones];
      const first = await note(r.host.socket, '  Two more minutes, then we gather  ');
      expect(first).toMatchObject({ ok: true });
      await eventually(() => {
        for (const s of everyone) expect(s.latest.workshop?.note?.text).toBe('Two more minutes, then we gather');
      });
      await note(r.host.socket, 'نلتقي بعد دقيقتين');
      await eventually(() => {
        for (const s of everyone) expect(s.latest.workshop?.note?.text).toBe('نلتقي بعد دقيقتين');
      });
      expect(await note(r.host.socket, 'x'.repeat(MAX_ROOM_NOTE_CHARS + 1))).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await note(r.host.socket, 'two\nlines')).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await note(r.host.socket, '   ')).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await note(r.host.socket, 'x'.repeat(MAX_ROOM_NOTE_CHARS))).toMatchObject({ ok: true });
      await eventually(() => expect(r.phones[3].latest.workshop?.note?.text).toHaveLength(MAX_ROOM_NOTE_CHARS));
      // Not a chat: a phone cannot send one.
      expect(await note(r.phones[0].socket, 'hello room')).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await note(r.host.socket, null)).toMatchObject({ ok: true });
      await eventually(() => {
        for (const s of everyone) expect(s.latest.workshop?.note).toBeNull();
      });
    } finally {
      r.close();
    }
  });
});
