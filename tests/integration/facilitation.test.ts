import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { addEntry, answerText, listEntries } from '../../lib/board/schema';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { CLOSE_CODES, privateDocName, type BoardAccess, type MeResponse } from '../../lib/protocol';
import { connectControl, hostAuth, hostCommand, participantAuth, projectorAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../helpers/yjsClient';

const { server, api } = await serverForFile({ timing: { hostSnapshotThrottleMs: 20 } });

const AGENDA = [BRING_NEED, SPECTRUM, SUPPORT];
const PRIVATE_STEP = 2;

/** A workshop with two couples, every phone, the console and the projector connected. */
async function room() {
  const workshop = await api.createWorkshop('Evening', AGENDA);
  const c1 = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await api.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
  const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
  const projector = connectControl(server.url, projectorAuth(workshop.code));
  const phones = [c1.a, c1.b, c2.a, c2.b].map((p) => connectControl(server.url, participantAuth(p.token)));
  const me: MeResponse[] = await Promise.all([c1.a, c1.b, c2.a, c2.b].map((p) => api.me(p.token)));
  await eventually(() => expect([host, projector, ...phones].every((s) => s.latest.workshop?.phase === 'lobby')).toBe(true));
  const close = () => [host, projector, ...phones].forEach((s) => s.close());
  return { workshop, c1, c2, host, projector, phones, me, close };
}

const privateAccess = (board: BoardAccess, coupleId: string, seat: 'a' | 'b', params?: Record<string, string>): BoardAccess => ({
  ...board,
  docName: privateDocName(coupleId, SUPPORT.id, seat),
  // Another person's credential, for refusals: their board ticket; otherwise the board's own.
  params: params ?? board.params,
});
/** A fresh board ticket of the participant with this token (POST /api/me/board-ticket). */
const ticketOf = async (token: string) => (await api.boardTicket(token)).params;

describe('facilitating the room', () => {
  it('[R26] every phone, the projector and the console switch exercise together', async () => {
    const r = await room();
    try {
      const { version } = await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await eventually(() => {
        for (const s of [r.host, r.projector, ...r.phones]) expect(s.latest.workshop).toMatchObject({ phase: 'exercise', step: 0, version });
      });
      expect(r.phones[0].latest.workshop!.agenda.map((i) => i.key)).toEqual(['bring-need', 'spectrum', 'support']);
      // Phones never get the facilitator's notes; the console does.
      expect(JSON.stringify(r.phones[0].latest.raw)).not.toContain(BRING_NEED.facilitatorNote.slice(0, 40));
      expect(r.host.latest.snapshot?.agenda[0].facilitatorNote).toBe(BRING_NEED.facilitatorNote);
      await hostCommand(r.host.socket, { type: 'next' });
      await eventually(() => expect(r.phones.every((p) => p.latest.workshop?.step === 1)).toBe(true));
      const refused = await r.host.socket.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 7 });
      expect(refused).toMatchObject({ ok: false, code: 'bad_request' });
      const junk = await r.host.socket.timeout(5_000).emitWithAck('host:command', { type: 'explode' } as never);
      expect(junk).toMatchObject({ ok: false, code: 'invalid_body' });
    } finally {
      r.close();
    }
  });

  it('[R23] the countdown reaches every phone as an endsAt with the server clock', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await hostCommand(r.host.socket, { type: 'timerStart', seconds: 120 });
      await eventually(() => {
        for (const p of r.phones) {
          const w = p.latest.workshop!;
          expect(w.timer?.state).toBe('running');
          if (w.timer?.state === 'running') expect(w.timer.endsAt - w.serverNow).toBeGreaterThan(110_000);
        }
      });
      await hostCommand(r.host.socket, { type: 'timerPause' });
      await eventually(() => expect(r.phones.every((p) => p.latest.workshop?.timer?.state === 'paused')).toBe(true));
      expect(r.projector.latest.workshop?.timer?.state).toBe('paused');
    } finally {
      r.close();
    }
  });

  it('[R27] before the reveal a partner’s device receives none of the private content, not even with a raw client', async () => {
    const r = await room();
    const CANARY = 'CANARY-9d41-what-is-hard-to-ask';
    const boardA = r.me[0].board!;
    const aId = r.me[0].couple!.id;
    const mine = connectBoard(privateAccess(boardA, aId, 'a'));
    // Ben's phone on the couple's shared board, recording every byte it is sent.
    const bensBoard = connectBoard(r.me[1].board!);
    const bensBytes: Buffer[] = [];
    bensBoard.provider.on('status', () => bensBoard.provider.ws?.addEventListener('message', (e: MessageEvent) => bensBytes.push(Buffer.from(e.data as ArrayBuffer))));
    try {
      const { version: opened } = await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      await Promise.all([mine.synced(), bensBoard.synced()]);
      answerText(mine.doc, SUPPORT.id, 'hard-to-ask', 'a', 1).insert(0, CANARY);
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].current?.entries).toBe(1));

      // Ben, with his own valid token, asks for Ana's private doc: refused before a single byte.
      const attempt = await closeCodeOf(boardUrl(privateAccess(boardA, aId, 'a', await ticketOf(r.c1.b.token))));
      expect(attempt).toMatchObject({ code: CLOSE_CODES.forbidden, messages: 0 });
      // Another couple cannot either.
      expect((await closeCodeOf(boardUrl(privateAccess(boardA, aId, 'a', await ticketOf(r.c2.a.token))))).code).toBe(CLOSE_CODES.forbidden);
      // Ana alone being ready changes nothing.
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(r.phones[1].latest.self?.couple?.steps[PRIVATE_STEP].ready).toEqual({ a: true, b: false }));
      expect((await closeCodeOf(boardUrl(privateAccess(boardA, aId, 'a', await ticketOf(r.c1.b.token))))).code).toBe(CLOSE_CODES.forbidden);
      // Every other socket has heard the state after Ana's ready (and the console the count of her answer) before it is searched.
      const others = [r.host, r.projector, r.phones[1], r.phones[2], r.phones[3]];
      await eventually(() => expect(others.map((socket) => (socket.latest.workshop?.version ?? 0) > opened)).toEqual(others.map(() => true)));
      for (const socket of others) expect(socket.latest.raw.join('')).not.toContain(CANARY);
      expect(bensBytes.length).toBeGreaterThan(0);
      expect(Buffer.concat(bensBytes).includes(Buffer.from(CANARY))).toBe(false);

      // Both ready: revealed to this couple only, and read-only for Ben.
      await r.phones[1].socket.timeout(5_000).emitWithAck('ready', { ready: true });
      await eventually(() => expect(r.phones[1].latest.self?.couple?.steps[PRIVATE_STEP].revealed).toBe(true));
      // Couple 2 is not revealed with them: Cleo taps ready, and the state her phone gets for it (later than couple 1's reveal) says so.
      expect(await r.phones[2].socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(r.phones[2].latest.self?.couple?.steps[PRIVATE_STEP].ready).toEqual({ a: true, b: false }));
      expect(r.phones[2].latest.self?.couple?.steps[PRIVATE_STEP].revealed).toBe(false);
      const bensView = connectBoard(privateAccess(boardA, aId, 'a', await ticketOf(r.c1.b.token)));
      await eventually(() => expect(listEntries(bensView.doc, SUPPORT.id).map((e) => e.text.toString())).toEqual([CANARY]));
      const closed = new Promise<number>((resolve) => bensView.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
      addEntry(bensView.doc, { id: 'forged', exercise: SUPPORT.id, column: 'hard-to-ask', author: 'a', createdAt: 2 }, 'FORGED');
      expect(await closed).toBe(CLOSE_CODES.readOnly);
      bensView.destroy();
      // Ana's doc never got Ben's forgery.
      const check = connectBoard(privateAccess(boardA, aId, 'a'));
      await check.synced();
      expect(listEntries(check.doc, SUPPORT.id).map((e) => e.text.toString())).toEqual([CANARY]);
      check.destroy();
    } finally {
      mine.destroy();
      bensBoard.destroy();
      r.close();
    }
  });

  it('[R24] the facilitator reveals for one couple, then for everyone', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      await hostCommand(r.host.socket, { type: 'revealCouple', coupleId: r.me[2].couple!.id });
      await eventually(() => expect(r.phones[3].latest.self?.couple?.steps[PRIVATE_STEP].revealed).toBe(true));
      // Couple 1 is not revealed with them: Ana taps ready, and the state her phone gets for it (later than the reveal) says so.
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('ready', { ready: true })).toEqual({ ok: true });
      await eventually(() => expect(r.phones[0].latest.self?.couple?.steps[PRIVATE_STEP].ready).toEqual({ a: true, b: false }));
      expect(r.phones[0].latest.self?.couple?.steps[PRIVATE_STEP].revealed).toBe(false);
      const cleoDoc = privateAccess(r.me[2].board!, r.me[2].couple!.id, 'a', await ticketOf(r.c2.b.token));
      const devReads = connectBoard(cleoDoc);
      await devReads.synced();
      devReads.destroy();
      await hostCommand(r.host.socket, { type: 'revealAll' });
      await eventually(() => expect(r.phones[1].latest.self?.couple?.steps[PRIVATE_STEP].revealed).toBe(true));
      await eventually(() => expect(r.host.latest.snapshot?.couples.every((c) => c.current?.revealed)).toBe(true));
    } finally {
      r.close();
    }
  });

  it('[R25] a locked board refuses edits; they arrive after unlocking; nothing after the end', async () => {
    const r = await room();
    const a = connectBoard(r.me[0].board!);
    const b = connectBoard(r.me[1].board!);
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await Promise.all([a.synced(), b.synced()]);
      await hostCommand(r.host.socket, { type: 'lock' });
      await eventually(() => expect(r.phones[0].latest.workshop?.locked).toBe(true));
      const refused = new Promise<number>((resolve) => a.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
      addEntry(a.doc, { id: 'late', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'typed while locked');
      expect(await refused).toBe(CLOSE_CODES.readOnly);
      // A newcomer synced after the refusal has the server's whole doc, and the partner's socket everything relayed before it.
      const reader = connectBoard(r.me[1].board!);
      await reader.synced();
      expect(listEntries(reader.doc, BRING_NEED.id)).toEqual([]);
      reader.destroy();
      expect(listEntries(b.doc, BRING_NEED.id)).toEqual([]);
      await hostCommand(r.host.socket, { type: 'unlock' });
      await eventually(() => expect(listEntries(b.doc, BRING_NEED.id).map((e) => e.text.toString())).toEqual(['typed while locked']));

      await hostCommand(r.host.socket, { type: 'end' });
      await eventually(() => expect(r.phones[1].latest.workshop).toMatchObject({ phase: 'ended', status: 'ended', locked: true }));
      const join = await api.request('POST', `/api/workshops/${r.workshop.code}/participants`, { name: 'Latecomer' });
      expect(join.status).toBe(409);
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:command', { type: 'unlock' })).toMatchObject({ ok: false, code: 'workshop_ended' });
    } finally {
      a.destroy();
      b.destroy();
      r.close();
    }
  });

  it('[R25] a closed room refuses new people with a clear answer', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'closeJoins' });
      const res = await api.request<{ error: { code: string } }>('POST', `/api/workshops/${r.workshop.code}/participants`, { name: 'Eve' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('joins_closed');
      await hostCommand(r.host.socket, { type: 'openJoins' });
      expect((await api.request('POST', `/api/workshops/${r.workshop.code}/participants`, { name: 'Eve' })).status).toBe(201);
    } finally {
      r.close();
    }
  });
});

describe('room wall', () => {
  it('[R28] an entry reaches the wall only with both partners’ consent and the facilitator’s approval, without names', async () => {
    const r = await room();
    const a = connectBoard(r.me[0].board!);
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await a.synced();
      addEntry(a.doc, { id: 'e1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'We laugh at the same things');
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].current?.entries).toBe(1));

      const proposed = await r.phones[0].socket.timeout(5_000).emitWithAck('share:propose', { docName: r.me[0].board!.docName, entryId: 'e1' });
      if (!proposed.ok) throw new Error(proposed.code);
      await eventually(() => expect(r.phones[1].latest.self?.couple?.shares).toMatchObject([{ id: proposed.id, status: 'proposed', proposedBy: 'a' }]));
      // A console snapshot newer than the proposal (someone joins) still has nothing on the wall.
      await api.join(r.workshop.code, 'Observer');
      await eventually(() => expect(r.host.latest.snapshot?.unpaired.map((p) => p.name)).toContain('Observer'));
      expect(r.host.latest.snapshot?.wall).toEqual([]);
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('share:answer', { id: proposed.id, agree: true })).toMatchObject({ ok: false, code: 'forbidden' });
      // Another couple cannot share this couple's entry.
      expect(await r.phones[2].socket.timeout(5_000).emitWithAck('share:propose', { docName: r.me[0].board!.docName, entryId: 'e1' })).toMatchObject({ ok: false });
      // The facilitator cannot approve what the partner has not agreed to.
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:wall', { id: proposed.id, action: 'approve' })).toMatchObject({ ok: false, code: 'forbidden' });

      expect(await r.phones[1].socket.timeout(5_000).emitWithAck('share:answer', { id: proposed.id, agree: true })).toEqual({ ok: true });
      await eventually(() => expect(r.host.latest.snapshot?.wall).toMatchObject([{ id: proposed.id, status: 'queued', text: 'We laugh at the same things' }]));
      expect(Object.keys(r.host.latest.snapshot!.wall[0]).sort()).toEqual(['at', 'id', 'itemKey', 'status', 'text']);
      // A projector state newer than the partner's consent (one more person) still has nothing on the wall.
      await api.join(r.workshop.code, 'Second observer');
      await eventually(() => expect(r.projector.latest.projector?.people).toBe(6));
      expect(r.projector.latest.projector?.wall).toEqual([]);

      await r.host.socket.timeout(5_000).emitWithAck('host:wall', { id: proposed.id, action: 'approve' });
      await eventually(() => expect(r.projector.latest.projector?.wall).toEqual([{ id: proposed.id, text: 'We laugh at the same things', itemKey: BRING_NEED.id }]));
      await r.host.socket.timeout(5_000).emitWithAck('host:wall', { id: proposed.id, action: 'remove' });
      await eventually(() => expect(r.projector.latest.projector?.wall).toEqual([]));
      await eventually(() => expect(r.phones[0].latest.self?.couple?.shares[0].status).toBe('removed'));
    } finally {
      a.destroy();
      r.close();
    }
  });

  it('[R28] a private-first entry cannot be shared before the reveal', async () => {
    const r = await room();
    const mine = connectBoard(privateAccess(r.me[0].board!, r.me[0].couple!.id, 'a'));
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: PRIVATE_STEP });
      await mine.synced();
      answerText(mine.doc, SUPPORT.id, 'feel-supported', 'a', 1).insert(0, 'when you listen');
      const docName = privateDocName(r.me[0].couple!.id, SUPPORT.id, 'a');
      const entryId = `${SUPPORT.id}~feel-supported~a`;
      await eventually(() => expect(r.host.latest.snapshot?.couples[0].current?.entries).toBe(1));
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('share:propose', { docName, entryId })).toMatchObject({ ok: false, code: 'forbidden' });
      await hostCommand(r.host.socket, { type: 'revealAll' });
      expect(await r.phones[0].socket.timeout(5_000).emitWithAck('share:propose', { docName, entryId })).toMatchObject({ ok: true });
    } finally {
      mine.destroy();
      r.close();
    }
  });
});

describe('projector and people management', () => {
  it('[R29] the projector gets public state and counts only: no secrets, names or private words', async () => {
    const r = await room();
    try {
      await hostCommand(r.host.socket, { type: 'goTo', step: 0 });
      await eventually(() => expect(r.projector.latest.projector).toMatchObject({ couples: 2, people: 4, readyCouples: 0 }));
      const seen = r.projector.latest.raw.join('\n');
      for (const secret of [r.workshop.hostKey, r.c1.a.token, r.c1.b.token, 'Ana', 'Cleo', r.me[0].couple!.id]) expect(seen).not.toContain(secret);
    } finally {
      r.close();
    }
  });

  it('[R30] removing a person closes their sockets and kills their token; unpairing deletes the couple’s board', async () => {
    const r = await room();
    const board = connectBoard(r.me[0].board!);
    try {
      await board.synced();
      addEntry(board.doc, { id: 'x', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'soon gone');
      const boardClosed = new Promise<number>((resolve) => board.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:unpair', { coupleId: r.me[0].couple!.id })).toEqual({ ok: true });
      expect(await boardClosed).toBe(CLOSE_CODES.notFound);
      await eventually(() => expect(r.phones[0].latest.removed).toBe('unpaired'));
      expect((await api.me(r.c1.a.token)).couple).toBeNull();
      board.destroy();

      const removedBoard = new WebSocket(boardUrl(r.me[2].board!));
      const code = new Promise<number>((resolve) => removedBoard.on('close', (c) => resolve(c)));
      await new Promise((resolve) => removedBoard.once('message', resolve));
      expect(await r.host.socket.timeout(5_000).emitWithAck('host:remove', { participantId: r.c2.a.participantId })).toEqual({ ok: true });
      expect(await code).toBe(CLOSE_CODES.unauthorized);
      await eventually(() => expect(r.phones[2].socket.connected).toBe(false));
      expect((await api.request('GET', '/api/me', undefined, r.c2.a.token)).status).toBe(401);
      await eventually(() => expect(r.host.latest.snapshot?.couples.map((c) => c.members.map((m) => m.name))).toEqual([['Dev']]));
    } finally {
      r.close();
    }
  });
});
