import { describe, expect, it } from 'vitest';
import { addEntry, listEntries } from '../../lib/board/schema';
import { BRING_NEED, SPECTRUM } from '../../lib/catalogue/catalogue';
import { CLOSE_CODES, type MeResponse, type PulseSummary } from '../../lib/protocol';
import type { WorkshopSummary } from '../../lib/summary';
import { connectControl, hostAuth, hostCommand, participantAuth, projectorAuth, type ControlSocket } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

/** The server's clock is the test's: a countdown runs out when the test says so. */
let clock = 1_750_000_000_000;
const { server, api } = await serverForFile({ timing: { hostSnapshotThrottleMs: 20 }, now: () => clock });

/** Two couples, their four phones, the console and the projector, all connected. */
async function room() {
  const workshop = await api.createWorkshop('Evening', [BRING_NEED, SPECTRUM]);
  const c1 = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await api.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
  const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
  const projector = connectControl(server.url, projectorAuth(workshop.code));
  const phones = [c1.a, c1.b, c2.a, c2.b].map((p) => connectControl(server.url, participantAuth(p.token)));
  const me: MeResponse[] = await Promise.all([c1.a, c1.b, c2.a, c2.b].map((p) => api.me(p.token)));
  await eventually(() => expect([host, projector, ...phones].every((s) => s.latest.workshop?.phase === 'lobby')).toBe(true));
  const close = () => [host, projector, ...phones].forEach((s) => s.close());
  return { workshop, host, projector, phones, me, close };
}

type Room = Awaited<ReturnType<typeof room>>;
const ask = <E extends 'host:spotlight' | 'host:chime' | 'pulse:answer' | 'pulse:mine' | 'host:wall'>(s: ControlSocket, event: E, payload: unknown) =>
  (s.timeout(5_000).emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; code?: string; [k: string]: unknown }>)(event, payload);

/** An entry couple one wrote, both partners agreed to share, queued for the facilitator (approved if asked). */
async function sharedEntry(r: Room, entryId: string, text: string, approve: boolean): Promise<string> {
  const board = connectBoard(r.me[0].board!);
  try {
    await board.synced();
    addEntry(board.doc, { id: entryId, exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, text);
    await eventually(() => expect(r.host.latest.snapshot?.couples.some((c) => (c.entriesByItem[BRING_NEED.id] ?? 0) > 0)).toBe(true));
    let proposed: { ok: boolean; id?: string } = { ok: false };
    await eventually(async () => {
      proposed = await r.phones[0].socket.timeout(5_000).emitWithAck('share:propose', { docName: r.me[0].board!.docName, entryId });
      expect(proposed.ok).toBe(true);
    });
    const id = proposed.id!;
    expect(await r.phones[1].socket.timeout(5_000).emitWithAck('share:answer', { id, agree: true })).toEqual({ ok: true });
    if (approve) expect(await ask(r.host.socket, 'host:wall', { id, action: 'approve' })).toEqual({ ok: true });
    return id;
  } finally {
    board.destroy();
  }
}

describe('the spotlight', () => {
  it('[R99] the facilitator spotlights one approved entry of this workshop; the projector gets it, phones and projector cannot ask', async () => {
    const r = await room();
    const other = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await hostCommand(other.host.socket, { type: 'goTo', step: 0 });
      const approved = await sharedEntry(r, 'e1', 'We laugh at the same things', true);
      const queued = await sharedEntry(r, 'e2', 'Still waiting for the facilitator', false);
      const elsewhere = await sharedEntry(other, 'e1', 'Another room’s words', true);
      await eventually(() => expect(r.projector.latest.projector?.wall.map((w) => w.id)).toEqual([approved]));
      expect(r.projector.latest.projector?.spotlight).toBeNull();

      // Only an approved entry of this very workshop; the same answer for every other id.
      for (const id of [queued, elsewhere, 'no-such-entry']) expect(await ask(r.host.socket, 'host:spotlight', { id })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await ask(r.host.socket, 'host:spotlight', { id: 42 })).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await ask(r.host.socket, 'host:spotlight', { id: approved, extra: true })).toMatchObject({ ok: false, code: 'invalid_body' });
      // Not the phones, not the projector: they have no such command.
      expect(await ask(r.phones[0].socket, 'host:spotlight', { id: approved })).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await ask(r.projector.socket, 'host:spotlight', { id: approved })).toMatchObject({ ok: false, code: 'bad_request' });
      expect(r.projector.latest.workshop?.spotlight).toBeNull();

      expect(await ask(r.host.socket, 'host:spotlight', { id: approved })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.projector?.spotlight).toEqual({ id: approved, text: 'We laugh at the same things', itemKey: BRING_NEED.id }));
      await eventually(() => expect([r.host, r.projector, ...r.phones].every((s) => s.latest.workshop?.spotlight === approved)).toBe(true));
      // The other room's projector shows nothing of it.
      expect(other.projector.latest.projector?.spotlight).toBeNull();
      expect(JSON.stringify(other.projector.latest.raw)).not.toContain('We laugh');

      // Back to the wall.
      expect(await ask(r.host.socket, 'host:spotlight', { id: null })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.projector?.spotlight).toBeNull());
      expect(r.projector.latest.projector?.wall.map((w) => w.id)).toEqual([approved]);
    } finally {
      r.close();
      other.close();
    }
  });

  it('[R100] an entry taken down leaves the spotlight with it, and put back it returns to the wall, not to the screen', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      const id = await sharedEntry(r, 'e1', 'Sunday walks', true);
      expect(await ask(r.host.socket, 'host:spotlight', { id })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.projector?.spotlight?.id).toBe(id));
      expect(await ask(r.host.socket, 'host:wall', { id, action: 'remove' })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.projector).toMatchObject({ spotlight: null, wall: [] }));
      await eventually(() => expect(r.projector.latest.workshop?.spotlight).toBeNull());
      expect(await ask(r.host.socket, 'host:wall', { id, action: 'approve' })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.projector?.wall.map((w) => w.id)).toEqual([id]));
      expect(r.projector.latest.projector?.spotlight).toBeNull();
    } finally {
      r.close();
    }
  });
});

describe('time is up', () => {
  it('[R101] the facilitator turns the projector’s chime off and on; only the console can', async () => {
    const r = await room();
    try {
      expect(r.projector.latest.workshop?.chime).toBe(true);
      expect(await ask(r.phones[0].socket, 'host:chime', { on: false })).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await ask(r.host.socket, 'host:chime', { on: 'no' })).toMatchObject({ ok: false, code: 'invalid_body' });
      expect(await ask(r.host.socket, 'host:chime', { on: false })).toEqual({ ok: true });
      await eventually(() => expect([r.host, r.projector].every((s) => s.latest.workshop?.chime === false)).toBe(true));
      expect(await ask(r.host.socket, 'host:chime', { on: true })).toEqual({ ok: true });
      await eventually(() => expect(r.projector.latest.workshop?.chime).toBe(true));
    } finally {
      r.close();
    }
  });

  it('[R103] a countdown that reaches zero never locks writing: only the facilitator’s lock does', async () => {
    const r = await room();
    const a = connectBoard(r.me[0].board!);
    const b = connectBoard(r.me[1].board!);
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await hostCommand(r.host.socket, { type: 'timerStart', seconds: 5 });
      await Promise.all([a.synced(), b.synced()]);
      clock += 60_000; // a minute past zero
      const texts = () => listEntries(b.doc, BRING_NEED.id).map((e) => e.text.toString());
      addEntry(a.doc, { id: 'late', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 2 }, 'written after time was up');
      await eventually(() => expect(texts()).toEqual(['written after time was up']));
      expect(r.phones[0].latest.workshop).toMatchObject({ locked: false, timer: { state: 'running' } });
      expect(r.phones[0].latest.workshop!.timer!.state === 'running' && r.phones[0].latest.workshop!.timer!.endsAt).toBeLessThan(clock);

      await hostCommand(r.host.socket, { type: 'lock' });
      await eventually(() => expect(r.phones[0].latest.workshop?.locked).toBe(true));
      const refused = new Promise<number>((resolve) => a.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
      addEntry(a.doc, { id: 'locked', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 3 }, 'typed while locked');
      expect(await refused).toBe(CLOSE_CODES.readOnly);
    } finally {
      a.destroy();
      b.destroy();
      r.close();
    }
  });
});

describe('the closing pulse', () => {
  it('[R104] each person answers once the workshop has ended, once each, and may change it; scores and words are checked', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      expect(await ask(r.phones[0].socket, 'pulse:answer', { score: 4 })).toMatchObject({ ok: false, code: 'bad_request' });
      await hostCommand(r.host.socket, { type: 'end' });
      await eventually(() => expect(r.phones.every((p) => p.latest.workshop?.phase === 'ended')).toBe(true));

      expect(await ask(r.phones[0].socket, 'pulse:mine', {})).toEqual({ ok: true, answer: null });
      expect(await ask(r.phones[0].socket, 'pulse:answer', { score: 2, word: '  tired\nbut   glad ' })).toEqual({ ok: true, answer: { score: 2, word: 'tired but glad' } });
      // Changed, not added: still one answer for this person.
      expect(await ask(r.phones[0].socket, 'pulse:answer', { score: 5, word: 'warm' })).toEqual({ ok: true, answer: { score: 5, word: 'warm' } });
      expect(await ask(r.phones[0].socket, 'pulse:mine', {})).toEqual({ ok: true, answer: { score: 5, word: 'warm' } });
      // The partner's socket reads its own answer, not this one.
      expect(await ask(r.phones[1].socket, 'pulse:mine', {})).toEqual({ ok: true, answer: null });

      for (const bad of [{ score: 0 }, { score: 6 }, { score: 3.5 }, { score: 3, word: 'x'.repeat(41) }, { score: 3, name: 'Ana' }, {}]) {
        expect(await ask(r.phones[1].socket, 'pulse:answer', bad), JSON.stringify(bad)).toMatchObject({ ok: false, code: 'invalid_body' });
      }
      expect(await ask(r.phones[1].socket, 'pulse:answer', { score: 3, word: 'é'.repeat(40) })).toMatchObject({ ok: true });
      expect(await ask(r.phones[1].socket, 'pulse:answer', { score: 3, word: '   ' })).toEqual({ ok: true, answer: { score: 3, word: null } });
      // The console and the projector have nothing to answer.
      expect(await ask(r.host.socket, 'pulse:answer', { score: 1 })).toMatchObject({ ok: false, code: 'bad_request' });
      expect(await ask(r.projector.socket, 'pulse:answer', { score: 1 })).toMatchObject({ ok: false, code: 'bad_request' });
      const summary = (await api.request<WorkshopSummary>('GET', `/api/workshops/${r.workshop.code}/summary`, undefined, r.workshop.hostKey)).body;
      expect(summary.pulse).toEqual({ answers: 2, counts: [0, 0, 1, 0, 1], words: ['warm'] });
    } finally {
      r.close();
    }
  });

  it('[R105] the summary shows the distribution and the words, sorted, with no name, person or couple', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'end' });
      await eventually(() => expect(r.phones.every((p) => p.latest.workshop?.phase === 'ended')).toBe(true));
      // Answered in an order that differs from the sorted one, so a summary in answer order would show.
      const answers = [{ score: 5, word: 'zest' }, { score: 4, word: 'calm' }, { score: 4, word: null }, { score: 1, word: 'heavy' }];
      for (const [i, a] of answers.entries()) expect(await ask(r.phones[i].socket, 'pulse:answer', a)).toMatchObject({ ok: true });
      expect((await api.request('GET', `/api/workshops/${r.workshop.code}/summary`)).status).toBe(401);
      const summary = (await api.request<WorkshopSummary>('GET', `/api/workshops/${r.workshop.code}/summary`, undefined, r.workshop.hostKey)).body;
      const pulse: PulseSummary = summary.pulse;
      expect(pulse).toEqual({ answers: 4, counts: [1, 0, 0, 2, 1], words: ['calm', 'heavy', 'zest'] });
      expect(Object.keys(pulse).sort()).toEqual(['answers', 'counts', 'words']);
      const text = JSON.stringify(pulse);
      for (const m of r.me) {
        for (const secret of [m.participant.id, m.participant.name, m.couple!.id]) expect(text).not.toContain(secret);
      }
      // Nothing of the pulse per exercise or per couple anywhere else in the summary.
      expect(JSON.stringify(summary.exercises)).not.toMatch(/zest|calm|heavy|pulse/);
    } finally {
      r.close();
    }
  });

  it('[R106] the pulse is deleted with the workshop', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'end' });
      await eventually(() => expect(r.phones[0].latest.workshop?.phase).toBe('ended'));
      expect(await ask(r.phones[0].socket, 'pulse:answer', { score: 4, word: 'grateful' })).toMatchObject({ ok: true });
      const store = server.store;
      expect(await store.listPulse(r.workshop.code)).toHaveLength(1);
      expect((await api.request('DELETE', `/api/workshops/${r.workshop.code}`, undefined, r.workshop.hostKey)).status).toBe(200);
      expect(await store.listPulse(r.workshop.code)).toEqual([]);
      expect(await store.getPulse(r.me[0].participant.id)).toBeNull();
    } finally {
      r.close();
    }
  });
});
