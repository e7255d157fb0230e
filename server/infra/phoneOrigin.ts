import type { NetworkInterfaceInfo } from 'node:os';

/** What os.networkInterfaces() returns; injected so tests can hand the server any machine's interfaces. */
export type NetworkInterfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * How the links handed out are reached by phones:
 * - `public_url`: PUBLIC_URL is set and wins;
 * - `request`: the request came to a name or address other than loopback, so phones can use it too;
 * - `network`: the request came to loopback (the facilitator opened localhost), so links carry this
 *   machine's address on the local network instead;
 * - `unreachable`: loopback, and this server has no address on a network: phones cannot open the links.
 */
export type PhoneReach = 'public_url' | 'request' | 'network' | 'unreachable';

export interface PhoneOrigin {
  origin: string;
  reach: PhoneReach;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** localhost, *.localhost, 127.0.0.0/8, ::1 (bracketed or not), and ::ffff:127.x. */
export function isLoopbackHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  return /^(?:::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/**
 * The address phones on the same network can reach this server at, like the "Network:" line of
 * Next's dev server: the first IPv4 address of an interface that is not internal. Only when the
 * server listens on every interface (HOST 0.0.0.0 or ::); a server bound to loopback is reachable
 * from this machine alone, and one bound to a single address is reached at that address.
 */
export function networkAddress(listenHost: string, interfaces: NetworkInterfaces): string | null {
  if (!WILDCARD_HOSTS.has(listenHost)) return isLoopbackHost(listenHost) ? null : listenHost;
  for (const list of Object.values(interfaces)) {
    // Node 18.0–18.3 reported the family as a number.
    const found = list?.find((i) => !i.internal && (i.family === 'IPv4' || (i.family as unknown) === 4));
    if (found) return found.address;
  }
  return null;
}

/** Host and port of a Host header (`[::1]:3000`, `localhost`), or null if it is not one. */
function splitHost(hostHeader: string): { hostname: string; port: string } | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(hostHeader);
  return m ? { hostname: m[1], port: m[2] ?? '' } : null;
}

/**
 * The origin for the links a person gives to phones (join, pair, review, host links and their QR
 * codes). Pure: the request's origin and the network address come in, nothing is looked up.
 * The port is the one the person used, so a phone reaches the same server.
 */
export function phoneOrigin(input: { publicUrl: string | null; requestOrigin: string; networkAddress: string | null }): PhoneOrigin {
  if (input.publicUrl) return { origin: input.publicUrl, reach: 'public_url' };
  const url = new URL(input.requestOrigin);
  const host = splitHost(url.host);
  if (!host || !isLoopbackHost(host.hostname)) return { origin: input.requestOrigin, reach: 'request' };
  if (!input.networkAddress) return { origin: input.requestOrigin, reach: 'unreachable' };
  const address = input.networkAddress.includes(':') ? `[${input.networkAddress}]` : input.networkAddress;
  return { origin: `${url.protocol}//${address}${host.port ? `:${host.port}` : ''}`, reach: 'network' };
}
