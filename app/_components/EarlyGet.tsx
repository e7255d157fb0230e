import { headers } from 'next/headers';
import { EARLY_GLOBAL } from '../_lib/earlyRequests';

/**
 * An inline script that starts `GET path` (with the participant token kept
 * under `tokenKey`, if given; nothing is sent without it) as the HTML is
 * parsed, instead of after the bundles have loaded and hydrated: on a slow
 * phone that is most of a second earlier. api() picks the response up
 * (app/_lib/earlyRequests.ts). The token never appears in the HTML; the
 * script reads it from localStorage. Carries the page's CSP nonce, like
 * Next.js's own scripts.
 */
export async function EarlyGet({ path, tokenKey }: { path: string; tokenKey?: string }) {
  const nonce = /'nonce-([^']+)'/.exec((await headers()).get('content-security-policy') ?? '')?.[1];
  // JSON is not safe inside <script> as-is: "</script>" in a value would end it.
  const args = JSON.stringify({ g: EARLY_GLOBAL, path, tokenKey: tokenKey ?? null }).replace(/</g, '\\u003c');
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: `(${SCRIPT})(${args})` }} />;
}

/** Plain ES5 on purpose: it runs before anything else, untranspiled. A failure here only means the page fetches as before. */
const SCRIPT = `function (a) {
  try {
    var token = a.tokenKey ? localStorage.getItem(a.tokenKey) : null;
    if (a.tokenKey && !token) return;
    var headers = { Accept: 'application/json' };
    if (token) headers.Authorization = 'Bearer ' + token;
    var response = fetch(a.path, { headers: headers, cache: 'no-store' });
    response.catch(function () {});
    (window[a.g] = window[a.g] || {})[a.path] = { token: token, response: response };
  } catch (e) {}
}`;
