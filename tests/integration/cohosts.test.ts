import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { PROTOCOL_VERSION, type CohostListResponse, type CreateCohostResponse, type HostTeam } from '../../lib/protocol';
import type { ApiClient } from '../helpers/apiClient';
import { ApiClient as Api } from '../helpers/apiClient';
import { connectControl, hostAuth, hostCommand, participantAuth } from '../helpers/controlClient';
import { serverForFile, startTestServer, tempDataDir } from '../helpers/server';
import { eventually } from '../helpers/wait';

const { server, api } = await serverForFile({ timing: { hostSnapshotThrottleMs: 20 } });

const AGENDA = [BRING_NEED, SPECTRUM, SUPPORT];

/** A console (the stock socket.io-client) that also records who is hosting and whether it was revoked. */
function console_(baseUrl: string, code: string, key: string) {
  const c = connectControl(baseUrl, hostAuth(code, key));
  const seen: { team: HostTeam | null; revoked: boolean; disconnected: string | null } = { team: null, revoked: false, disconnected: null };
  c.socket.on('hosts:team', (team) => (seen.team = team));
  c.socket.on('host:revoked', () => (seen.revoked = true));
  c.socket.on('disconnect', (reason) => (seen.disconnected = reason));
  return Object.assign(c, { seen });
}

const invite = (client: ApiClient, code: string, key: string) => client.request<CreateCohostResponse>('POST', `/api/workshops/${code}/cohosts`, undefined, key);

/** The refusal a handshake with this key gets, or 'connected'. */
function handshake(baseUrl: string, code: string, hostKey: string): Promise<string> {
  return new Promise((resolve) => {
    const s = io(baseUrl, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true, auth: { role: 'host', protocol: PROTOCOL_VERSION, code, hostKey } });
    s.once('connect', () => (s.close(), resolve('connected')));
    s.once('connect_error', (err) => (s.close(), resolve(err.message)));
  });
}

async function room() {
  const workshop = await api.createWorkshop('Evening', AGENDA);
  const made = await invite(api, workshop.code, workshop.hostKey);
  expect(made.status).toBe(201);
  const facilitator = console_(server.url, workshop.code, workshop.hostKey);
  const cohost = console_(server.url, workshop.code, made.body.key);
  await eventually(() => expect([facilitator, cohost].every((c) => c.seen.team?.hosts.length === 2)).toBe(true));
  return { workshop, invite: made.body, facilitator, cohost, close: () => [facilitator, cohost].forEach((c) => c.close()) };
}

describe('co-hosts', () => {
  it('[R91] the facilitator invites a co-host: a secret link of its own to the same console, listed, numbered', async () => {
    const r = await room();
    try {
      expect(r.invite.url).toBe(`${server.url}/host/${r.workshop.code}#key=${r.invite.key}`);
      expect(r.invite.key).not.toBe(r.workshop.hostKey);
      expect(r.invite.cohost).toMatchObject({ number: 1, name: null, revokedAt: null });
      const list = await api.request<CohostListResponse>('GET', `/api/workshops/${r.workshop.code}/cohosts`, undefined, r.workshop.hostKey);
      expect(list.status).toBe(200);
      expect(list.body.cohosts).toEqual([r.invite.cohost]);
      // The key itself is never stored or listed.
      expect(JSON.stringify(list.body)).not.toContain(r.invite.key);
      await eventually(() => expect(r.cohost.latest.snapshot?.workshop.code).toBe(r.workshop.code));
      expect(r.cohost.latest.snapshot?.agenda[0]?.facilitatorNote).toBe(BRING_NEED.facilitatorNote);
      const stranger = await invite(api, r.workshop.code, 'x'.repeat(43));
      expect(stranger.status).toBe(401);
    } finally {
      r.close();
    }
  });

  it('[R92] a co-host runs the next step and the facilitator’s console and the phones follow', async () => {
    const r = await room();
    const couple = await api.coupleInWorkshop(['Ana', 'Ben'], r.workshop.code);
    const phone = connectControl(server.url, participantAuth(couple.a.token));
    try {
      await hostCommand(r.cohost.socket, { type: 'goTo', step: 0 });
      const { version } = await hostCommand(r.cohost.socket, { type: 'next' });
      await eventually(() => {
        for (const s of [r.facilitator, r.cohost, phone]) expect(s.latest.workshop).toMatchObject({ phase: 'exercise', step: 1, version });
      });
      // The co-host has the room's other controls too: the couples (names, counts) and the summary.
      await eventually(() => expect(r.cohost.latest.snapshot?.couples).toHaveLength(1));
      const summary = await api.request('GET', `/api/workshops/${r.workshop.code}/summary`, undefined, r.invite.key);
      expect(summary.status).toBe(200);
    } finally {
      phone.close();
      r.close();
    }
  });

  it('[R92] a co-host cannot delete the workshop or manage co-hosts: 403 facilitator_only, nothing changed', async () => {
    const r = await room();
    try {
      const code = r.workshop.code;
      const key = r.invite.key;
      const refused = await Promise.all([
        api.request<{ error: { code: string } }>('DELETE', `/api/workshops/${code}`, undefined, key),
        api.request<{ error: { code: string } }>('POST', `/api/workshops/${code}/cohosts`, undefined, key),
        api.request<{ error: { code: string } }>('GET', `/api/workshops/${code}/cohosts`, undefined, key),
        api.request<{ error: { code: string } }>('DELETE', `/api/workshops/${code}/cohosts/${r.invite.cohost.id}`, undefined, key),
      ]);
      for (const res of refused) expect([res.status, res.body.error.code]).toEqual([403, 'facilitator_only']);
      expect((await api.request('GET', `/api/workshops/${code}`)).status).toBe(200);
      expect(await handshake(server.url, code, key)).toBe('connected');
      expect(r.cohost.socket.connected).toBe(true);
      // A facilitator's console has no co-host name to set.
      expect(await r.facilitator.socket.timeout(5_000).emitWithAck('cohost:name', { name: 'Me' })).toMatchObject({ ok: false, code: 'forbidden' });
    } finally {
      r.close();
    }
  });

  it('[R93] revoking closes the co-host’s consoles at once and the link is refused from then on', async () => {
    const r = await room();
    const second = console_(server.url, r.workshop.code, r.invite.key); // the same co-host on a second device
    try {
      await eventually(() => expect(second.seen.team?.you.consoles).toBe(2));
      const res = await api.request('DELETE', `/api/workshops/${r.workshop.code}/cohosts/${r.invite.cohost.id}`, undefined, r.workshop.hostKey);
      expect(res.status).toBe(200);
      await eventually(() => {
        for (const c of [r.cohost, second]) expect([c.seen.revoked, c.seen.disconnected]).toEqual([true, 'io server disconnect']);
      });
      await eventually(() => expect(r.facilitator.seen.team?.hosts.map((h) => h.id)).toEqual(['facilitator']));
      expect(r.facilitator.socket.connected).toBe(true);
      expect(await handshake(server.url, r.workshop.code, r.invite.key)).toBe('unauthorized');
      expect((await api.request('GET', `/api/workshops/${r.workshop.code}/summary`, undefined, r.invite.key)).status).toBe(401);
      const list = await api.request<CohostListResponse>('GET', `/api/workshops/${r.workshop.code}/cohosts`, undefined, r.workshop.hostKey);
      expect(list.body.cohosts[0]!.revokedAt).toEqual(expect.any(Number));
      // Revoked already counts as done; an unknown id does not.
      expect((await api.request('DELETE', `/api/workshops/${r.workshop.code}/cohosts/${r.invite.cohost.id}`, undefined, r.workshop.hostKey)).status).toBe(200);
      expect((await api.request('DELETE', `/api/workshops/${r.workshop.code}/cohosts/nobody`, undefined, r.workshop.hostKey)).status).toBe(404);
    } finally {
      second.close();
      r.close();
    }
  });

  it('[R94] [R98] every console shows who is hosting right now, with the co-host’s own name, live', async () => {
    const r = await room();
    try {
      const ids = (c: typeof r.facilitator) => c.seen.team?.hosts.map((h) => [h.role, h.number, h.name]);
      expect(ids(r.facilitator)).toEqual([['facilitator', null, null], ['cohost', 1, null]]);
      expect(r.facilitator.seen.team?.you.role).toBe('facilitator');
      expect(r.cohost.seen.team?.you).toMatchObject({ role: 'cohost', number: 1 });
      const renamed = await r.cohost.socket.timeout(5_000).emitWithAck('cohost:name', { name: '  Layla   ب  ' });
      expect(renamed).toEqual({ ok: true });
      await eventually(() => {
        for (const c of [r.facilitator, r.cohost]) expect(ids(c)).toEqual([['facilitator', null, null], ['cohost', 1, 'Layla ب']]);
      });
      const tooLong = await r.cohost.socket.timeout(5_000).emitWithAck('cohost:name', { name: 'x'.repeat(41) });
      expect(tooLong).toMatchObject({ ok: false, code: 'invalid_body' });
      const control = await r.cohost.socket.timeout(5_000).emitWithAck('cohost:name', { name: 'a\u0007b' });
      expect(control).toMatchObject({ ok: false, code: 'invalid_body' });
      // A second co-host comes and goes; the facilitator's console follows.
      const two = await invite(api, r.workshop.code, r.workshop.hostKey);
      const other = console_(server.url, r.workshop.code, two.body.key);
      await eventually(() => expect(r.facilitator.seen.team?.hosts.map((h) => h.number)).toEqual([null, 1, 2]));
      other.close();
      await eventually(() => expect(r.facilitator.seen.team?.hosts.map((h) => h.number)).toEqual([null, 1]));
      r.facilitator.close();
      await eventually(() => expect(r.cohost.seen.team?.hosts.map((h) => h.role)).toEqual(['cohost']));
    } finally {
      r.close();
    }
  });

  it('[R95] commands sent from two consoles at once are applied one after the other and both consoles converge', async () => {
    const r = await room();
    try {
      const consoles = [r.facilitator, r.cohost];
      const started = await Promise.all(consoles.map((c) => c.socket.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 })));
      expect(started.every((a) => a.ok)).toBe(true);
      // Each console asks for "next" twice, all at once: three steps, so exactly two can be taken.
      const nexts = await Promise.all(consoles.flatMap((c) => [0, 1].map(() => c.socket.timeout(5_000).emitWithAck('host:command', { type: 'next' }))));
      const accepted = nexts.filter((a) => a.ok);
      expect(accepted).toHaveLength(2);
      expect(nexts.filter((a) => !a.ok).map((a) => !a.ok && a.code)).toEqual(['bad_request', 'bad_request']);
      const versions = accepted.map((a) => (a.ok ? a.version : 0));
      expect(new Set(versions).size).toBe(2); // each applied to the state the other left
      const last = Math.max(...versions);
      await eventually(() => {
        for (const c of consoles) expect(c.latest.workshop).toMatchObject({ step: 2, version: last });
      });
      const timers = await Promise.all([
        r.facilitator.socket.timeout(5_000).emitWithAck('host:command', { type: 'timerStart', seconds: 300 }),
        r.cohost.socket.timeout(5_000).emitWithAck('host:command', { type: 'timerAdd', seconds: 60 }),
      ]);
      expect(timers.filter((a) => a.ok).length).toBeGreaterThanOrEqual(1);
      const final = last + timers.filter((a) => a.ok).length;
      await eventually(() => {
        const [a, b] = consoles.map((c) => c.latest.workshop!);
        expect([a!.version, b!.version]).toEqual([final, final]);
        expect(b!.timer).toEqual(a!.timer);
        expect(a!.timer?.state).toBe('running');
      });
    } finally {
      r.close();
    }
  });

  it('[R91] a workshop has at most 8 active co-hosts (409 cohost_limit); a revoked place is free again', async () => {
    const w = await api.createWorkshop('Many hands', AGENDA);
    const made = [];
    for (let i = 0; i < 8; i++) made.push((await invite(api, w.code, w.hostKey)).body);
    const ninth = await invite(api, w.code, w.hostKey);
    expect([ninth.status, (ninth.body as unknown as { error: { code: string } }).error.code]).toEqual([409, 'cohost_limit']);
    await api.request('DELETE', `/api/workshops/${w.code}/cohosts/${made[3]!.cohost.id}`, undefined, w.hostKey);
    const again = await invite(api, w.code, w.hostKey);
    expect([again.status, again.body.cohost.number]).toEqual([201, 9]);
  });

  it('[R96] co-hosts, their names and revocations survive a restart; deleting the workshop deletes them', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const api1 = new Api(first.url);
    const w = await api1.createWorkshop('Evening', AGENDA);
    const kept = (await invite(api1, w.code, w.hostKey)).body;
    const revoked = (await invite(api1, w.code, w.hostKey)).body;
    const c = console_(first.url, w.code, kept.key);
    await eventually(() => expect(c.seen.team).not.toBeNull());
    expect(await c.socket.timeout(5_000).emitWithAck('cohost:name', { name: 'Sam' })).toEqual({ ok: true });
    await api1.request('DELETE', `/api/workshops/${w.code}/cohosts/${revoked.cohost.id}`, undefined, w.hostKey);
    c.close();
    await first.close();

    const second = await startTestServer({ dataDir });
    const api2 = new Api(second.url);
    try {
      const back = console_(second.url, w.code, kept.key);
      const facilitator = console_(second.url, w.code, w.hostKey);
      await eventually(() => expect(facilitator.seen.team?.hosts.map((h) => h.name)).toEqual([null, 'Sam']));
      await hostCommand(back.socket, { type: 'goTo', step: 1 });
      await eventually(() => expect(facilitator.latest.workshop).toMatchObject({ phase: 'exercise', step: 1 }));
      expect(await handshake(second.url, w.code, revoked.key)).toBe('unauthorized');
      back.close();
      facilitator.close();
      expect((await api2.request('DELETE', `/api/workshops/${w.code}`, undefined, w.hostKey)).status).toBe(200);
      expect(await second.store.listCohosts(w.code)).toEqual([]);
      expect(await handshake(second.url, w.code, kept.key)).toBe('unauthorized');
    } finally {
      await second.close();
    }
  });
});
