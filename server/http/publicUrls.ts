import type { IncomingMessage } from 'node:http';
import { boardDocName } from '../../lib/protocol';
import { phoneOrigin, type PhoneOrigin } from '../infra/phoneOrigin';

/** This request's own origin: its Host, and the scheme a proxy in front says it used. */
export function requestOrigin(req: IncomingMessage): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
  return `${proto}://${req.headers.host ?? 'localhost'}`;
}

/**
 * Links handed to clients. Links a person passes on to phones (join, pair, review, host) use the
 * phone origin: PUBLIC_URL, else the request's host, else (a request to localhost) this machine's
 * address on the local network ([R76]). The board socket stays on the origin this client already
 * talks to, the one its page's CSP allows.
 */
export class PublicUrls {
  /** Where phones open links. */
  readonly phone: PhoneOrigin;
  /** Where this client itself connects (PUBLIC_URL or its request's origin). */
  readonly origin: string;

  constructor(publicUrl: string | null, req: IncomingMessage, networkAddress: string | null = null) {
    this.origin = publicUrl ?? requestOrigin(req);
    this.phone = phoneOrigin({ publicUrl, requestOrigin: this.origin, networkAddress });
  }

  join(code: string): string {
    return `${this.phone.origin}/join/${code}`;
  }
  host(code: string, hostKey: string): string {
    return `${this.phone.origin}/host/${code}#key=${hostKey}`;
  }
  pair(code: string, pairCode: string): string {
    return `${this.phone.origin}/join/${code}?pair=${pairCode}`;
  }
  review(secret: string): string {
    return `${this.phone.origin}/review/${secret}`;
  }
  yjs(): string {
    return `${this.origin.replace(/^http/, 'ws')}/yjs`;
  }
  /** What the stock y-websocket provider takes; `params` carries a short-lived board ticket, never the token. */
  board(coupleId: string, params: { ticket: string }) {
    return { serverUrl: this.yjs(), docName: boardDocName(coupleId), params };
  }
}
