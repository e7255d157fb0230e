import { describe, expect, it } from 'vitest';
import type { MeResponse } from '../../lib/protocol';
import { connectControl, hostAuth, participantAuth } from '../helpers/controlClient';
import { withServer } from '../helpers/server';
import { eventually } from '../helpers/wait';

const secretOf = (me: MeResponse) => me.reviewUrl.split('/review/')[1];

describe('a phone is told who took its board away', () => {
  it('[R72] a partner deletes the board: that phone hears "you", the other phone "partner"', async () => {
    await withServer({}, async ({ server, api }) => {
      const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
      const meA = await api.me(a.token);
      const phoneA = connectControl(server.url, participantAuth(a.token));
      const phoneB = connectControl(server.url, participantAuth(b.token));
      try {
        await eventually(() => expect(phoneA.latest.self && phoneB.latest.self).toBeTruthy());
        expect((await api.request('DELETE', `/api/review/${secretOf(meA)}`, { confirm: true })).status).toBe(200);
        await eventually(() => expect([phoneA.latest.removed, phoneA.latest.removedBy]).toEqual(['deleted', 'you']));
        await eventually(() => expect([phoneB.latest.removed, phoneB.latest.removedBy]).toEqual(['deleted', 'partner']));
      } finally {
        phoneA.close();
        phoneB.close();
      }
    });
  });

  it('[R72] the facilitator unpairs a couple or deletes the workshop: both phones hear "facilitator"', async () => {
    await withServer({}, async ({ server, api }) => {
      const workshop = await api.createWorkshop();
      const { a, b } = await api.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
      const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
      const phoneA = connectControl(server.url, participantAuth(a.token));
      const phoneB = connectControl(server.url, participantAuth(b.token));
      try {
        await eventually(() => expect(host.latest.snapshot?.couples.length && phoneA.latest.self && phoneB.latest.self).toBeTruthy());
        const unpaired = await host.socket.timeout(5_000).emitWithAck('host:unpair', { coupleId: host.latest.snapshot!.couples[0].id });
        expect(unpaired).toEqual({ ok: true });
        await eventually(() => expect([phoneA.latest.removed, phoneA.latest.removedBy]).toEqual(['unpaired', 'facilitator']));
        await eventually(() => expect([phoneB.latest.removed, phoneB.latest.removedBy]).toEqual(['unpaired', 'facilitator']));

        expect((await api.request('DELETE', `/api/workshops/${workshop.code}`, undefined, workshop.hostKey)).status).toBe(200);
        await eventually(() => expect([phoneA.latest.removed, phoneA.latest.removedBy]).toEqual(['deleted', 'facilitator']));
      } finally {
        host.close();
        phoneA.close();
        phoneB.close();
      }
    });
  });
});
