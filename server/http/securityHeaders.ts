import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Headers every page and API answer carries. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  // Host links carry their key in the fragment, which browsers never send; this keeps paths out of other sites' logs too.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

/**
 * A Content-Security-Policy with a fresh nonce per page. Next.js reads the
 * nonce from the request's own CSP header and puts it on the scripts it
 * renders (the pages render per request for that: see app/layout.tsx), so
 * only Twofold's scripts run; an injected <script> or inline handler does not.
 * Styles stay 'unsafe-inline': React style attributes need it, and CSS cannot run code.
 */
export function setPageCsp(req: IncomingMessage, res: ServerResponse, dev: boolean): void {
  const nonce = randomBytes(16).toString('base64');
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' ws: wss:",
    // 'strict-dynamic' makes script-src ignore 'self', so the service worker needs its own source.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  req.headers['content-security-policy'] = policy;
  res.setHeader('Content-Security-Policy', policy);
}
