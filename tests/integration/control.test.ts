import { describe, expect, it } from 'vitest';
import { addEntry } from '../../lib/board/schema';
import { connectControl, hostAuth, participantAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

const { server, api } = await serverForFile();

const connectError = (client: ReturnType<typeof connectControl>) =>
  new Promise<string>((resolve) => client.socket.on('connect_error', (err) => resolve(err.message)));

describe('control plane (Socket.IO)', () => {
  it('[R15][R16] the console sees couples, presence and entry counts, and never what anyone wrote', async () => {
    const workshop = await api.createWorkshop('Evening for two');
    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    try {
      await eventually(() => expect(host.latest.snapshot?.workshop.title).toBe('Evening for two'));
      const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
      await eventually(() => {
        const couples = host.latest.snapshot!.couples;
        expect(couples).toHaveLength(1);
        expect(couples[0].members.map((m) => [m.name, m.seat, m.online])).toEqual([
          ['Ana', 'a', false],
          ['Ben', 'b', false],
        ]);
      });

      const phoneA = connectControl(server.url, participantAuth(a.token));
      const phoneB = connectControl(server.url, participantAuth(b.token));
      await eventually(() => expect(host.latest.snapshot!.couples[0].members.every((m) => m.online)).toBe(true));

      const boardA = connectBoard((await api.me(a.token)).board!);
      await boardA.synced();
      addEntry(boardA.doc, { id: 'e1', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 }, 'CANARY-7f3a tenderness');
      await eventually(() => expect(host.latest.snapshot!.couples[0].entryCount).toBe(1));
      expect(host.latest.snapshot!.couples[0].lastActivityAt).toBeGreaterThan(0);

      phoneB.close();
      await eventually(() => expect(host.latest.snapshot!.couples[0].members.map((m) => m.online)).toEqual([true, false]));
      boardA.destroy();
      phoneA.close();

      expect(host.latest.raw.length).toBeGreaterThan(2);
      expect(host.latest.raw.join('\n')).not.toContain('CANARY-7f3a');
    } finally {
      host.close();
    }
  });

  it('[R16] a phone learns when its partner joins and comes online', async () => {
    const workshop = await api.createWorkshop();
    const a = await api.join(workshop.code, 'Cleo');
    const couple = await api.startCouple(workshop.code, a.token);
    const phoneA = connectControl(server.url, participantAuth(a.token));
    try {
      await eventually(() => expect(phoneA.latest.self?.couple?.members.map((m) => m.name)).toEqual(['Cleo']));
      const b = await api.join(workshop.code, 'Dev');
      await api.joinCouple(workshop.code, b.token, couple.pairCode);
      await eventually(() =>
        expect(phoneA.latest.self?.couple?.members.map((m) => [m.name, m.online])).toEqual([
          ['Cleo', true],
          ['Dev', false],
        ]),
      );
      const phoneB = connectControl(server.url, participantAuth(b.token));
      await eventually(() => expect(phoneA.latest.self?.couple?.members[1].online).toBe(true));
      phoneB.close();
      await eventually(() => expect(phoneA.latest.self?.couple?.members[1].online).toBe(false));
    } finally {
      phoneA.close();
    }
  });

  it('[R7] the facilitator pairs two people by hand; mistakes get a clear answer', async () => {
    const workshop = await api.createWorkshop();
    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    try {
      const e = await api.join(workshop.code, 'Eve');
      const f = await api.join(workshop.code, 'Finn');
      await eventually(() => expect(host.latest.snapshot?.unpaired.map((p) => p.name)).toEqual(['Eve', 'Finn']));
      const self = await host.socket.timeout(5_000).emitWithAck('host:pair', { participantIds: [e.participantId, e.participantId] });
      expect(self).toMatchObject({ ok: false, code: 'cannot_pair_self' });
      const junk = await host.socket.timeout(5_000).emitWithAck('host:pair', { participantIds: 'everyone' } as never);
      expect(junk).toMatchObject({ ok: false, code: 'invalid_body' });
      const paired = await host.socket.timeout(5_000).emitWithAck('host:pair', { participantIds: [e.participantId, f.participantId] });
      expect(paired.ok).toBe(true);
      await eventually(() => {
        expect(host.latest.snapshot!.unpaired).toEqual([]);
        expect(host.latest.snapshot!.couples[0].members.map((m) => m.name)).toEqual(['Eve', 'Finn']);
      });
      const meF = await api.me(f.token);
      expect(meF.couple?.partner?.name).toBe('Eve');
      expect(meF.board?.docName).toBe((await api.me(e.token)).board?.docName);
      const again = await host.socket.timeout(5_000).emitWithAck('host:pair', { participantIds: [e.participantId, f.participantId] });
      expect(again).toMatchObject({ ok: false, code: 'already_paired' });
    } finally {
      host.close();
    }
  });

  it('[R17] coalesces a burst of changes into a few console snapshots', async () => {
    const workshop = await api.createWorkshop();
    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    try {
      await eventually(() => expect(host.latest.snapshot).not.toBeNull());
      const before = host.latest.raw.length;
      const started = Date.now();
      await Promise.all(Array.from({ length: 40 }, (_, i) => api.join(workshop.code, `Guest ${i}`)));
      await eventually(() => expect(host.latest.snapshot!.unpaired).toHaveLength(40));
      const windows = Math.ceil((Date.now() - started) / 250) + 1;
      const snapshots = host.latest.raw.length - before;
      expect(snapshots).toBeLessThanOrEqual(windows);
      expect(snapshots).toBeLessThan(40);
    } finally {
      host.close();
    }
  });

  it('[R3][R20] refuses a wrong host key, a participant token as host key, and an old protocol', async () => {
    const workshop = await api.createWorkshop();
    const p = await api.join(workshop.code, 'Gus');
    const wrongKey = connectControl(server.url, hostAuth(workshop.code, 'k'.repeat(43)));
    expect(await connectError(wrongKey)).toBe('unauthorized');
    const tokenAsKey = connectControl(server.url, hostAuth(workshop.code, p.token));
    expect(await connectError(tokenAsKey)).toBe('unauthorized');
    const oldClient = connectControl(server.url, { ...participantAuth(p.token), protocol: 0 });
    expect(await connectError(oldClient)).toBe('protocol_mismatch');
    const junk = connectControl(server.url, { role: 'participant' } as never);
    expect(await connectError(junk)).toBe('bad_request');
    for (const c of [wrongKey, tokenAsKey, oldClient, junk]) c.close();
  });
});
