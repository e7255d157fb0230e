import type { IncomingMessage } from 'node:http';
import { boardDocName } from '../../lib/protocol';

/** Links handed to clients, built from PUBLIC_URL or else from the request's own host. */
export class PublicUrls {
  readonly origin: string;

  constructor(publicUrl: string | null, req: IncomingMessage) {
    if (publicUrl) {
      this.origin = publicUrl;
    } else {
      const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
      const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : 'http';
      this.origin = `${proto}://${req.headers.host ?? 'localhost'}`;
    }
  }

  join(code: string): string {
    return `${this.origin}/join/${code}`;
  }
  host(code: string, hostKey: string): string {
    return `${this.origin}/host/${code}#key=${hostKey}`;
  }
  pair(code: string, pairCode: string): string {
    return `${this.origin}/join/${code}?pair=${pairCode}`;
  }
  review(secret: string): string {
    return `${this.origin}/review/${secret}`;
  }
  yjs(): string {
    return `${this.origin.replace(/^http/, 'ws')}/yjs`;
  }
  /** What the stock y-websocket provider takes; `params` carries a short-lived board ticket, never the token. */
  board(coupleId: string, params: { ticket: string }) {
    return { serverUrl: this.yjs(), docName: boardDocName(coupleId), params };
  }
}
