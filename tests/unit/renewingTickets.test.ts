import { describe, expect, it } from 'vitest';
import type { BoardTicketResponse } from '../../lib/protocol';
import { renewingTickets } from '../../lib/protocol/renewingTickets';

/** A ticket endpoint that counts its calls and answers when the test says so. */
function endpoint() {
  const waiting: ((res: BoardTicketResponse) => void)[] = [];
  let made = 0;
  return {
    fetchTicket: () =>
      new Promise<BoardTicketResponse>((resolve) => {
        made++;
        waiting.push(resolve);
      }),
    answer: (ticket: string) => waiting.shift()!({ params: { ticket }, expiresInS: 60 }),
    made: () => made,
  };
}

describe('[R10] when a phone renews its board ticket (the app and the benchmark share the rule)', () => {
  it('uses the ticket from /api/me for 20 s, a fresh one for half its 60 s life, and asks once for concurrent connections', async () => {
    let clock = 1_000;
    const server = endpoint();
    const tickets = renewingTickets({ first: { ticket: 'first' }, fetchTicket: server.fetchTicket, now: () => clock });
    expect(await tickets.params()).toEqual({ ticket: 'first' });
    clock += 19_999;
    expect(await tickets.params()).toEqual({ ticket: 'first' });
    expect(server.made()).toBe(0);

    clock += 1;
    const [one, two] = [tickets.params(), tickets.params()]; // the board and a private doc reconnecting together
    expect(server.made()).toBe(1);
    server.answer('second');
    expect(await Promise.all([one, two])).toEqual([{ ticket: 'second' }, { ticket: 'second' }]);
    clock += 29_999;
    expect(await tickets.params()).toEqual({ ticket: 'second' });
    clock += 1;
    const third = tickets.params();
    server.answer('third');
    expect(await third).toEqual({ ticket: 'third' });
    expect(tickets.renewals()).toBe(2);
  });

  it('asks for a new ticket at once after the server refused the current one (4419)', async () => {
    const server = endpoint();
    const tickets = renewingTickets({ first: { ticket: 'first' }, fetchTicket: server.fetchTicket, now: () => 0 });
    tickets.expire();
    const next = tickets.params();
    server.answer('fresh');
    expect(await next).toEqual({ ticket: 'fresh' });
  });

  it('a failed request is not kept: the next connection asks again', async () => {
    let fail = true;
    const tickets = renewingTickets({
      first: { ticket: 'first' },
      fetchTicket: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve({ params: { ticket: 'back' }, expiresInS: 60 })),
      now: () => 0,
    });
    tickets.expire();
    await expect(tickets.params()).rejects.toThrow('offline');
    fail = false;
    expect(await tickets.params()).toEqual({ ticket: 'back' });
  });
});
