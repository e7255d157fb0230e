import { describe, expect, it } from 'vitest';
import { BRING_NEED, SPECTRUM } from '../../lib/catalogue/catalogue';
import type { PublicWorkshopState } from '../../lib/protocol';
import { connectControl, hostAuth, hostCommand, projectorAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';

const { server, api } = await serverForFile();

/** Everything but the moment it was sent. */
const withoutClock = ({ serverNow: _now, ...rest }: PublicWorkshopState) => rest;

function unusedCode(code: string): string {
  // A code of the right shape that no workshop has: the last character swapped within the alphabet.
  return code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
}

describe('the room’s public state over HTTP', () => {
  it('[R118] GET /api/workshops/{code}/state is what the projector is sent, as the room moves on; nothing of any couple', async () => {
    const workshop = await api.createWorkshop('Evening', [BRING_NEED, SPECTRUM]);
    const couple = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    const projector = connectControl(server.url, projectorAuth(workshop.code));
    try {
      await eventually(() => expect(projector.latest.workshop?.phase).toBe('lobby'));
      const lobby = await api.request<PublicWorkshopState>('GET', `/api/workshops/${workshop.code}/state`);
      expect(lobby.status).toBe(200);
      expect(lobby.headers.get('cache-control')).toBe('no-store');
      expect(withoutClock(lobby.body)).toEqual(withoutClock(projector.latest.workshop!));

      await hostCommand(host.socket, { type: 'goTo', step: 1 });
      await hostCommand(host.socket, { type: 'lock' });
      await eventually(() => expect(projector.latest.workshop?.locked).toBe(true));
      const running = await api.request<PublicWorkshopState>('GET', `/api/workshops/${workshop.code}/state`);
      expect(running.body.phase).toBe('exercise');
      expect(running.body.step).toBe(1);
      expect(running.body.agenda[1].title).toBe(SPECTRUM.title);
      expect(withoutClock(running.body)).toEqual(withoutClock(projector.latest.workshop!));
      // Names, pair codes and tokens are the couple's: none of them is in the room's state.
      const text = JSON.stringify(running.body);
      for (const secret of ['Ana', 'Ben', couple.couple.pairCode, couple.a.token, workshop.hostKey]) expect(text).not.toContain(secret);
    } finally {
      host.close();
      projector.close();
    }
  });

  it('[R118] a wrong code answers 404 and counts as a guess ([R8]): past the budget even a right code waits', async () => {
    const workshop = await api.createWorkshop('Guessed', [BRING_NEED]);
    const wrong = unusedCode(workshop.code);
    const first = await api.request<{ error: { code: string } }>('GET', `/api/workshops/${wrong}/state`);
    expect(first.status).toBe(404);
    expect(first.body.error.code).toBe('workshop_not_found');
    let status = 404;
    for (let i = 0; i < 40 && status === 404; i++) status = (await api.request('GET', `/api/workshops/${wrong}/state`)).status;
    expect(status).toBe(429);
    expect((await api.request('GET', `/api/workshops/${workshop.code}/state`)).status).toBe(429);
  });
});
