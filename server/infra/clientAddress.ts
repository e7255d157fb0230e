import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Which proxies in front of the server may be believed about who the client is
 * (`TRUST_PROXY`, read in config.ts), like Express's `trust proxy`:
 * a number of hops, or the proxies' addresses and CIDR ranges
 * (`loopback`, `linklocal` and `uniquelocal` name the usual private ranges).
 */
export type TrustProxy = { hops: number } | { proxies: string[] };

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Parses TRUST_PROXY; throws a readable message on a value it cannot use. `off`, `false`, `0` or empty: null. */
export function parseTrustProxy(value: string): TrustProxy | null {
  const text = value.trim();
  if (text === '' || text === 'off' || text === 'false' || text === '0') return null;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > 32) throw new Error('a number of hops must be at most 32');
    return { hops };
  }
  const proxies = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const entry of proxies) {
    if (NAMED_RANGES[entry]) continue;
    if (!toSubnet(entry)) throw new Error(`"${entry}" is not a number of hops, an IP address, a CIDR range, loopback, linklocal or uniquelocal`);
  }
  return { proxies };
}

function toSubnet(entry: string): { net: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [net, bits, extra] = entry.split('/');
  if (extra !== undefined) return null;
  const version = isIP(net);
  if (version === 0) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= max)) return null;
  return { net, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** "::ffff:203.0.113.7" → "203.0.113.7": one client, one key, however the socket reports it. */
function normalize(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

export type ClientAddressOf = (req: IncomingMessage) => string;

/**
 * The one place that decides a request's client address, for rate limits and
 * connection counts (HTTP, Socket.IO handshakes and /yjs upgrades). Without
 * TRUST_PROXY it is the socket's peer and X-Forwarded-For is ignored (anyone
 * can write it). With it, the chain is walked from the socket towards the
 * client — the peer, then X-Forwarded-For from right to left — past every
 * trusted proxy; the first address that is not one is the client. Entries to
 * its left were written by the client itself and are never believed.
 */
export function createClientAddress(trust: TrustProxy | null): ClientAddressOf {
  const peerOf = (req: IncomingMessage) => normalize(req.socket.remoteAddress ?? 'unknown');
  if (!trust) return peerOf;

  let trusted: (address: string, hop: number) => boolean;
  if ('hops' in trust) {
    trusted = (_address, hop) => hop < trust.hops;
  } else {
    const list = new BlockList();
    for (const entry of trust.proxies) {
      for (const range of NAMED_RANGES[entry] ?? [entry]) {
        const subnet = toSubnet(range)!;
        list.addSubnet(subnet.net, subnet.prefix, subnet.family);
      }
    }
    trusted = (address) => {
      const version = isIP(address);
      return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    };
  }

  return (req) => {
    let address = peerOf(req);
    const header = req.headers['x-forwarded-for'];
    const forwarded = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
    for (let hop = 0; trusted(address, hop); hop++) {
      const next = forwarded.pop();
      if (next === undefined) break; // every hop was a trusted proxy: the leftmost one is as far as we can see
      const candidate = normalize(next.trim());
      // A trusted proxy writes addresses; anything else here is not one, so stop at the last real hop.
      if (isIP(candidate) === 0) break;
      address = candidate;
    }
    return address;
  };
}
