import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { codeFromRandom, PAIR_CODE_LENGTH, ROOM_CODE_LENGTH } from '../../../lib/codes';
import type { MeResponse } from '../../../lib/protocol';
import { GUESS_BUDGETS } from '../../../server/tunables';
import { ApiClient } from '../../helpers/apiClient';
import { startTestServer } from '../../helpers/server';

/**
 * Guessing room and pair codes as an attacker would, with raw HTTP: from one
 * address with as many (free) participants as wanted, and from many
 * addresses behind a trusted proxy (X-Forwarded-For). Budgets:
 * docs/SECURITY.md "Guessing codes", server/tunables.ts GUESS_BUDGETS.
 */

type Server = Awaited<ReturnType<typeof startTestServer>>;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function server(options: Parameters<typeof startTestServer>[0] = {}) {
  const s = await startTestServer(options);
  servers.push(s);
  return { url: s.url, api: new ApiClient(s.url) };
}

/** One raw request, optionally "forwarded for" a client address as a proxy in front would write it. */
async function call(baseUrl: string, method: string, path: string, opts: { body?: unknown; token?: string; from?: string } = {}) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.from ? { 'x-forwarded-for': opts.from } : {}),
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  await res.arrayBuffer();
  return res.status;
}

const randomCode = (length: number, not: string) => {
  for (;;) {
    const code = codeFromRandom(length, (n) => randomBytes(n));
    if (code !== not) return code;
  }
};
const addressOf = (i: number) => `198.51.100.${i + 1}`;
const PAIR = GUESS_BUDGETS.pairCodes;
const ROOM = GUESS_BUDGETS.roomCodes;

/** A room with one couple waiting for its partner (seat b free), and an attacker who already has the room code. */
async function waitingCouple(api: ApiClient) {
  const workshop = await api.createWorkshop('Guess me');
  const a = await api.join(workshop.code, 'Ana');
  const couple = await api.startCouple(workshop.code, a.token);
  return { code: workshop.code, a, pairCode: couple.pairCode };
}

const partnerOf = async (api: ApiClient, token: string) => ((await api.request<MeResponse>('GET', '/api/me', undefined, token)).body.couple?.partner ?? null);

describe('attack: guessing pair codes', () => {
  it('[R8] 800 guesses from one address with 40 fresh participants: only the address budget is answered, the right code is refused', async () => {
    const { url, api } = await server();
    const room = await waitingCouple(api);
    const attackers = await Promise.all(Array.from({ length: 40 }, (_, i) => api.join(room.code, `Guest ${i}`)));
    const guesses = Array.from({ length: 799 }, (_, i) => ({ token: attackers[i % 40].token, pairCode: randomCode(PAIR_CODE_LENGTH, room.pairCode) }));
    const statuses: number[] = [];
    // Sent in bursts of 100 at once: an answer must not depend on which request was counted first.
    for (let i = 0; i < guesses.length; i += 100) {
      const burst = guesses.slice(i, i + 100).map((g) => call(url, 'POST', `/api/workshops/${room.code}/couples/join`, { token: g.token, body: { pairCode: g.pairCode } }));
      statuses.push(...(await Promise.all(burst)));
    }
    const answered = statuses.filter((s) => s !== 429).length;
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(700);
    expect(answered).toBeLessThanOrEqual(PAIR.perKey);
    expect(statuses.filter((s) => s !== 429 && s !== 404)).toEqual([]);
    // The right code, tried after the misses, is refused like the rest: the seat stays free.
    expect(await call(url, 'POST', `/api/workshops/${room.code}/couples/join`, { token: attackers[0].token, body: { pairCode: room.pairCode } })).toBe(429);
    expect(await partnerOf(api, room.a.token)).toBeNull();
  });

  it('[R8] 50 addresses behind a trusted proxy: the workshop ceiling holds each to a few tries, and the real partner still gets in', async () => {
    const { url, api } = await server({ trustProxy: { hops: 1 } });
    const room = await waitingCouple(api);
    const attackers = await Promise.all(Array.from({ length: 50 }, (_, i) => api.join(room.code, `Guest ${i}`)));
    const perAddress = 10;
    const statuses = (
      await Promise.all(
        attackers.map(async (p, i) => {
          const mine: number[] = [];
          for (let n = 0; n < perAddress; n++) {
            mine.push(await call(url, 'POST', `/api/workshops/${room.code}/couples/join`, { token: p.token, from: addressOf(i), body: { pairCode: randomCode(PAIR_CODE_LENGTH, room.pairCode) } }));
          }
          return mine;
        }),
      )
    ).flat();
    const answered = statuses.filter((s) => s === 404).length;
    // Without the workshop's ceiling all 500 would have been answered (10 per address is under the address budget of 20).
    expect(answered).toBeLessThanOrEqual(PAIR.ceiling + attackers.length * PAIR.perKeyUnderAttack);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(500 - PAIR.ceiling - attackers.length * PAIR.perKeyUnderAttack);
    // One of the guessers now tries the right code: refused.
    expect(await call(url, 'POST', `/api/workshops/${room.code}/couples/join`, { token: attackers[7].token, from: addressOf(7), body: { pairCode: room.pairCode } })).toBe(429);
    expect(await partnerOf(api, room.a.token)).toBeNull();
    // The real partner, on an address that made no guess, types the right code during the flood: seated.
    const benJoined = await api.join(room.code, 'Ben');
    expect(await call(url, 'POST', `/api/workshops/${room.code}/couples/join`, { token: benJoined.token, from: '203.0.113.9', body: { pairCode: room.pairCode } })).toBe(200);
    expect((await partnerOf(api, room.a.token))?.name).toBe('Ben');
  });

  it('[R8] a full couple’s code counts as a miss: 409 couple_full until the budget is spent, then 429', async () => {
    const { url, api } = await server();
    const { code, couple } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const prober = await api.join(code, 'Mallory');
    const statuses: number[] = [];
    for (let i = 0; i <= PAIR.perKey; i++) statuses.push(await call(url, 'POST', `/api/workshops/${code}/couples/join`, { token: prober.token, body: { pairCode: couple.pairCode } }));
    expect(statuses.slice(0, PAIR.perKey)).toEqual(Array(PAIR.perKey).fill(409));
    expect(statuses[PAIR.perKey]).toBe(429);
  });
});

describe('attack: guessing room codes', () => {
  it('[R8] a flood of wrong room codes from 50 addresses: the overall ceiling holds, people with the right code still join', async () => {
    const { url, api } = await server({ trustProxy: { proxies: ['loopback'] } });
    const workshop = await api.createWorkshop('Busy night');
    const statuses = (
      await Promise.all(
        Array.from({ length: 50 }, async (_, i) => {
          const mine: number[] = [];
          for (let n = 0; n < ROOM.perKey; n++) mine.push(await call(url, 'GET', `/api/workshops/${randomCode(ROOM_CODE_LENGTH, workshop.code)}`, { from: addressOf(i) }));
          return mine;
        }),
      )
    ).flat();
    // 1,000 wrong codes: up to the ceiling (600) are answered, then each guesser only while under its few tries (3),
    // which most have spent by then. Without the ceiling all 1,000 would be answered (20 each is the address budget).
    const bound = ROOM.ceiling + 50 * ROOM.perKeyUnderAttack;
    expect(statuses.filter((s) => s === 404).length).toBeLessThanOrEqual(bound);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(50 * ROOM.perKey - bound);
    expect(await call(url, 'GET', `/api/workshops/${randomCode(ROOM_CODE_LENGTH, workshop.code)}`, { from: '192.0.2.200' })).toBe(404); // a fresh address is still answered
    // While the flood lasts, ten people on addresses of their own type the right code: every one gets in.
    for (let i = 0; i < 10; i++) {
      const from = `203.0.113.${i + 1}`;
      expect(await call(url, 'GET', `/api/workshops/${workshop.code}`, { from })).toBe(200);
      expect(await call(url, 'POST', `/api/workshops/${workshop.code}/participants`, { from, body: { name: `Guest ${i}` } })).toBe(201);
    }
    // A guesser mixing in the right code is not let through.
    expect(await call(url, 'GET', `/api/workshops/${workshop.code}`, { from: addressOf(3) })).toBe(429);
  });
});

describe('attack: spoofing X-Forwarded-For', () => {
  it('[R8] without TRUST_PROXY the header is ignored: a new forwarded address per guess does not reset the budget', async () => {
    const { url } = await server();
    const statuses: number[] = [];
    for (let i = 0; i <= ROOM.perKey; i++) statuses.push(await call(url, 'GET', `/api/workshops/${randomCode(ROOM_CODE_LENGTH, '')}`, { from: addressOf(i) }));
    expect(statuses.slice(0, ROOM.perKey).every((s) => s === 404)).toBe(true);
    expect(statuses[ROOM.perKey]).toBe(429);
  });

  it('[R8] with TRUST_PROXY the rightmost untrusted address counts: what the client wrote to its left does not', async () => {
    const { url } = await server({ trustProxy: { hops: 1 } });
    // Distinct forwarded clients: each has its own budget.
    const distinct: number[] = [];
    for (let i = 0; i <= ROOM.perKey; i++) distinct.push(await call(url, 'GET', `/api/workshops/${randomCode(ROOM_CODE_LENGTH, '')}`, { from: addressOf(i) }));
    expect(distinct.every((s) => s === 404)).toBe(true);
    // One client varying the entries it wrote itself (left of what the proxy appended): one budget.
    const spoofed: number[] = [];
    for (let i = 0; i <= ROOM.perKey; i++) spoofed.push(await call(url, 'GET', `/api/workshops/${randomCode(ROOM_CODE_LENGTH, '')}`, { from: `10.9.${i}.1, 192.0.2.77` }));
    expect(spoofed.slice(0, ROOM.perKey).every((s) => s === 404)).toBe(true);
    expect(spoofed[ROOM.perKey]).toBe(429);
  });
});
