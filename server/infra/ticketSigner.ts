import { createHmac, timingSafeEqual } from 'node:crypto';

export type TicketCheck = { ok: true; participantId: string } | { ok: false; reason: 'expired' | 'invalid' };

const VERSION = 't1';
const SHAPE = /^t1\.([A-Za-z0-9_-]{16,64})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;
/** Bound to one use: a ticket's signature covers this, so nothing else that shares the secret can accept one. */
const PURPOSE = 'twofold:yjs-upgrade';

/**
 * Short-lived board tickets (docs/API.md, "Board tickets"): what a phone puts
 * in the /yjs query string instead of its long-lived token, so a URL that ends
 * up in a proxy's log opens nothing a minute later. A ticket is
 * `t1.<participantId>.<expiry>.<HMAC-SHA256>`: nothing is stored, so any node
 * holding the same secret accepts it, and it is good for every reconnect
 * within its life. It names the participant, never the seat or the board: the
 * upgrade still decides, from the participant's current row, which docs they
 * may open — and a removed participant's ticket opens nothing.
 */
export class BoardTickets {
  private readonly key: Buffer;

  constructor(
    secret: string,
    readonly ttlMs: number,
    private readonly now: () => number,
  ) {
    // A key of its own, derived one way, so the configured secret is used for nothing else directly.
    this.key = createHmac('sha256', secret).update('twofold board ticket key v1').digest();
  }

  issue(participantId: string): { ticket: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const body = `${VERSION}.${participantId}.${expiresAt.toString(36)}`;
    return { ticket: `${body}.${this.sign(body)}`, expiresAt };
  }

  check(ticket: string): TicketCheck {
    const m = SHAPE.exec(ticket);
    if (!m) return { ok: false, reason: 'invalid' };
    const [, participantId, expiry, mac] = m;
    const expected = Buffer.from(this.sign(`${VERSION}.${participantId}.${expiry}`));
    if (!timingSafeEqual(expected, Buffer.from(mac))) return { ok: false, reason: 'invalid' };
    if (parseInt(expiry, 36) <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, participantId };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(`${PURPOSE}|${body}`).digest('base64url');
  }
}
