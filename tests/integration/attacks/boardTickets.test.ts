import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addEntry, listEntries } from '../../../lib/board/schema';
import { CLOSE_CODES, PROTOCOL_VERSION, type MeResponse } from '../../../lib/protocol';
import { TOKEN_RETIRED_REASON } from '../../../server/boards/boardCredentials';
import { BOARD_TICKET_TTL_MS } from '../../../server/tunables';
import { ApiClient } from '../../helpers/apiClient';
import { connectControl, hostAuth, participantAuth } from '../../helpers/controlClient';
import { startTestServer } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../../helpers/yjsClient';

/**
 * The board socket's credential (docs/API.md "Board tickets"): a short-lived
 * ticket in the /yjs query string instead of the participant's long-lived
 * token, which would end up in proxy logs. Raw `ws` clients and the stock
 * y-websocket provider.
 */

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;
/** The server's clock, moved by the test: a ticket lives BOARD_TICKET_TTL_MS of it. */
let clock = Date.now();

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

/** Opens a raw board socket: 'open' once the server sends its first sync message, else the close code it sent. */
function attempt(url: string): Promise<{ opened: boolean; code: number | null; messages: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    let messages = 0;
    ws.on('message', () => {
      messages++;
      ws.close();
    });
    ws.on('close', (code) => resolve({ opened: messages > 0, code: messages > 0 ? null : code, messages }));
    ws.on('error', reject);
  });
}

async function seatedPair() {
  const c = await api.coupleInWorkshop(['Ana', 'Ben']);
  const [meA, meB] = await Promise.all([api.me(c.a.token), api.me(c.b.token)]);
  return { ...c, meA, meB };
}

describe('attack: the board credential', () => {
  it('[R10] /api/me hands out a ticket, not the token; it serves every reconnect within its life and is refused with 4419 after', async () => {
    const { a, meA } = await seatedPair();
    const url = boardUrl(meA.board!);
    expect(url).toContain('ticket=');
    expect(url).not.toContain(a.token);
    expect(await attempt(url)).toMatchObject({ opened: true });
    clock += BOARD_TICKET_TTL_MS - 1_000;
    expect(await attempt(url)).toMatchObject({ opened: true }); // a reconnect late in its life
    clock += 2_000;
    expect(await attempt(url)).toEqual({ opened: false, code: CLOSE_CODES.ticketExpired, messages: 0 });
    // The documented way on: a fresh ticket, with the token as the bearer credential of an HTTP call.
    const fresh = await api.boardTicket(a.token);
    expect(fresh.expiresInS).toBe(BOARD_TICKET_TTL_MS / 1000);
    expect(await attempt(boardUrl({ ...meA.board!, params: fresh.params }))).toMatchObject({ opened: true });
  });

  it('[R10] the stock provider, refused with 4419 on a reconnect after expiry, takes fresh params and carries on', async () => {
    const { a, b, meA, meB } = await seatedPair();
    let renewed = 0;
    const renew = async () => {
      renewed++;
      return (await api.boardTicket(a.token)).params;
    };
    const phoneA = connectBoard(meA.board!, undefined, { renew });
    const phoneB = connectBoard(meB.board!, undefined, { renew: async () => (await api.boardTicket(b.token)).params });
    try {
      await Promise.all([phoneA.synced(), phoneB.synced()]);
      clock += BOARD_TICKET_TTL_MS + 1_000;
      // The server's close, not the local one that disconnect() makes (null).
      const refused = new Promise<number>((resolve) => phoneA.provider.on('connection-close', (e: CloseEvent | null) => e && resolve(e.code)));
      phoneA.provider.disconnect();
      phoneA.provider.connect(); // as after a network drop: the provider reuses its params
      expect(await refused).toBe(CLOSE_CODES.ticketExpired);
      await eventually(() => expect(phoneA.provider.wsconnected && phoneA.provider.synced).toBe(true));
      expect(renewed).toBe(1);
      addEntry(phoneA.doc, { id: 'after', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'still here');
      await eventually(() => expect(listEntries(phoneB.doc, 'bring-need').map((e) => e.text.toString())).toEqual(['still here']));
    } finally {
      phoneA.destroy();
      phoneB.destroy();
    }
  });

  it('[R11] a ticket opens only its own couple’s board; a ticket made over for someone else does not verify', async () => {
    const x = await seatedPair();
    const y = await seatedPair();
    const xTicket = x.meA.board!.params.ticket;
    expect(await attempt(boardUrl({ ...y.meA.board!, params: { ticket: xTicket } }))).toEqual({ opened: false, code: CLOSE_CODES.forbidden, messages: 0 });
    // Swap in Y's participant id, keep X's signature: refused before any participant is looked up.
    const forged = xTicket.replace(x.a.participantId, y.a.participantId);
    expect(forged).not.toBe(xTicket);
    expect(await attempt(boardUrl({ ...y.meA.board!, params: { ticket: forged } }))).toEqual({ opened: false, code: CLOSE_CODES.ticketExpired, messages: 0 });
    expect(await attempt(`${y.meA.board!.serverUrl}/${y.meA.board!.docName}`)).toEqual({ opened: false, code: CLOSE_CODES.unauthorized, messages: 0 });
  });

  it('[R10] a removed participant’s ticket, still young, opens nothing (4401)', async () => {
    const { workshop, b, meB } = await seatedPair();
    const host = connectControl(server.url, hostAuth(workshop!.code, workshop!.hostKey));
    try {
      await eventually(() => expect(host.latest.snapshot).not.toBeNull());
      const result = await host.socket.timeout(5_000).emitWithAck('host:remove', { participantId: b.participantId });
      expect(result.ok).toBe(true);
      expect(await attempt(boardUrl(meB.board!))).toEqual({ opened: false, code: CLOSE_CODES.unauthorized, messages: 0 });
    } finally {
      host.close();
    }
  });

  it('[R10] a ticket is not a token: the API and the control plane refuse it', async () => {
    const { meA } = await seatedPair();
    const ticket = meA.board!.params.ticket;
    expect((await api.request<MeResponse>('GET', '/api/me', undefined, ticket)).status).toBe(401);
    expect((await api.request('POST', '/api/me/board-ticket', undefined, ticket)).status).toBe(401);
    const phone = connectControl(server.url, { ...participantAuth(ticket), protocol: PROTOCOL_VERSION });
    try {
      const refusal = await new Promise<string>((resolve) => phone.socket.once('connect_error', (err) => resolve(err.message)));
      expect(['unauthorized', 'bad_request']).toContain(refusal);
    } finally {
      phone.close();
    }
  });

  it('[R117] the retired ?token=: a /yjs upgrade carrying the participant’s valid token is closed with 4401 before a byte, with or without a ticket beside it', async () => {
    const { a, meA } = await seatedPair();
    const { serverUrl, docName, params } = meA.board!;
    const refused = await closeCodeOf(`${serverUrl}/${docName}?${new URLSearchParams({ token: a.token })}`);
    expect(refused).toEqual({ code: CLOSE_CODES.unauthorized, reason: TOKEN_RETIRED_REASON, messages: 0 });
    // A valid ticket does not excuse the token in the URL: the integration must stop sending it.
    expect(await closeCodeOf(`${serverUrl}/${docName}?${new URLSearchParams({ ...params, token: a.token })}`)).toEqual({ code: CLOSE_CODES.unauthorized, reason: TOKEN_RETIRED_REASON, messages: 0 });
    // The control: the same ticket alone opens the board, and the token still works where it belongs.
    expect(await attempt(boardUrl(meA.board!))).toMatchObject({ opened: true });
    expect((await api.boardTicket(a.token)).params.ticket).toBeTruthy();
  });
});
