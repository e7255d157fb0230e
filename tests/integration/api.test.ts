import { describe, expect, it } from 'vitest';
import { serverForFile, withServer } from '../helpers/server';
import { isRoomCode } from '../../lib/codes';
import type { ApiError, MeResponse } from '../../lib/protocol';

const { server, api } = await serverForFile();

describe('HTTP API', () => {
  it('answers health', async () => {
    const res = await api.request('GET', '/api/health');
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('[R1][R3] creates a workshop with a room code, a host key and links', async () => {
    const w = await api.createWorkshop('Spring evening');
    expect(isRoomCode(w.code)).toBe(true);
    expect(w.title).toBe('Spring evening');
    expect(w.hostKey.length).toBeGreaterThanOrEqual(43);
    expect(w.joinUrl).toBe(`${server.url}/join/${w.code}`);
    expect(w.hostUrl).toBe(`${server.url}/host/${w.code}#key=${w.hostKey}`);
    const pub = await api.request('GET', `/api/workshops/${w.code.toLowerCase()}`);
    expect(pub).toMatchObject({ status: 200, body: { code: w.code, title: 'Spring evening', status: 'open' } });
    expect(JSON.stringify(pub.body)).not.toContain(w.hostKey);
  });

  it('[R4][R5] seats two partners: start a couple, join with the pair code, /api/me describes the board', async () => {
    const { code, a, b, couple } = await api.coupleInWorkshop(['Ana', 'Ben']);
    expect(couple.seat).toBe('a');
    const meA = await api.me(a.token);
    const meB = await api.me(b.token);
    expect(meA.participant).toEqual({ id: a.participantId, name: 'Ana', seat: 'a' });
    expect(meB.participant).toEqual({ id: b.participantId, name: 'Ben', seat: 'b' });
    expect(meA.couple?.partner).toEqual({ id: b.participantId, name: 'Ben', seat: 'b' });
    expect(meB.couple?.partner).toEqual({ id: a.participantId, name: 'Ana', seat: 'a' });
    expect(meA.board?.docName).toBe(meB.board?.docName);
    expect(meA.board?.serverUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/yjs$/);
    expect(meA.board?.params).toEqual({ token: a.token });
    expect(meA.workshop.code).toBe(code);
  });

  it('[R2] accepts a pair code typed in lower case with a space', async () => {
    const w = await api.createWorkshop();
    const a = await api.join(w.code, 'Cleo');
    const b = await api.join(w.code, 'Dev');
    const couple = await api.startCouple(w.code, a.token);
    const typed = `${couple.pairCode.slice(0, 3)} ${couple.pairCode.slice(3)}`.toLowerCase();
    const joined = await api.joinCouple(w.code, b.token, typed);
    expect(joined).toMatchObject({ coupleId: couple.coupleId, seat: 'b' });
  });

  it('[R5] a couple has exactly two seats', async () => {
    const { code, couple } = await api.coupleInWorkshop();
    const third = await api.join(code, 'Eve');
    const res = await api.request<ApiError>('POST', `/api/workshops/${code}/couples/join`, { pairCode: couple.pairCode }, third.token);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('couple_full');
    const me = await api.me(third.token);
    expect(me.couple).toBeNull();
  });

  it('[R6] a participant sits in one couple only; starting again returns the same couple', async () => {
    const { code, a, b, couple } = await api.coupleInWorkshop();
    const again = await api.startCouple(code, a.token);
    expect(again.coupleId).toBe(couple.coupleId);
    const other = await api.join(code, 'Fay');
    const otherCouple = await api.startCouple(code, other.token);
    const res = await api.request<ApiError>('POST', `/api/workshops/${code}/couples/join`, { pairCode: otherCouple.pairCode }, b.token);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_paired');
  });

  it('[R4] refuses missing or unknown tokens and tokens of another workshop', async () => {
    const w1 = await api.createWorkshop();
    const w2 = await api.createWorkshop();
    const p = await api.join(w1.code, 'Gus');
    expect((await api.request<ApiError>('GET', '/api/me')).status).toBe(401);
    const unknown = await api.request<ApiError>('GET', '/api/me', undefined, 'x'.repeat(43));
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('unauthorized');
    const cross = await api.request<ApiError>('POST', `/api/workshops/${w2.code}/couples`, undefined, p.token);
    expect(cross.status).toBe(403);
  });

  it('[R9] validates bodies with clear errors and caps their size', async () => {
    const notJson = await api.request<ApiError>('POST', '/api/workshops', '{nope');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('invalid_body');
    const empty = await api.request<ApiError>('POST', '/api/workshops', { title: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/title/);
    const huge = await api.request<ApiError>('POST', '/api/workshops', { title: 'x'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('body_too_large');
    const wrongMethod = await api.request<ApiError>('DELETE', '/api/health');
    expect(wrongMethod.status).toBe(400);
    const unknownRoute = await api.request<ApiError>('GET', '/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
    // The server is still fine after all that.
    expect((await api.request('GET', '/api/health')).status).toBe(200);
  });

  it('[R8] counts wrong room codes per address and answers 429 with Retry-After; then even a right code from that address waits', async () => {
    const w = await api.createWorkshop();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await api.request('GET', `/api/workshops/ZZZZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    const limited = await api.request<ApiError>('GET', '/api/workshops/ZZZZZZZZ');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same address is now told to wait even for a right code: guessing cannot continue by mixing in a known code.
    expect((await api.request('GET', `/api/workshops/${w.code}`)).status).toBe(429);
  });
});

describe('right codes', () => {
  it('[R8] cost nothing: a whole room joining from one address is never throttled, and misses still count from zero', async () => {
    await withServer({}, async ({ api: client }) => {
      const w = await client.createWorkshop();
      // More right codes than the 20 misses allowed: each would be refused if right codes were counted.
      const joined: number[] = [];
      for (let i = 0; i < 30; i++) joined.push((await client.request('POST', `/api/workshops/${w.code}/participants`, { name: `Guest ${i}` })).status);
      expect(joined).toEqual(Array(30).fill(201));
      const misses: number[] = [];
      for (let i = 0; i < 21; i++) misses.push((await client.request('GET', `/api/workshops/ZZZZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}`)).status);
      expect(misses).toEqual([...Array(20).fill(404), 429]);
    });
  });
});

describe('pair codes', () => {
  it('[R8] wrong pair codes are limited per participant', async () => {
    await withServer({}, async ({ api: client }) => {
      const w = await client.createWorkshop();
      const p = await client.join(w.code, 'Hal');
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await client.request('POST', `/api/workshops/${w.code}/couples/join`, { pairCode: `ZZZZZ${'ABCDEFGHJKMNPQRSTUVWXYZ'[i]}` }, p.token);
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
      expect(statuses[20]).toBe(429);
      const me = await client.request<MeResponse>('GET', '/api/me', undefined, p.token);
      expect(me.body.couple).toBeNull();
    });
  });
});
