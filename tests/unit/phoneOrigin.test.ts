import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, networkAddress, phoneOrigin, type NetworkInterfaces } from '../../server/infra/phoneOrigin';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean): NetworkInterfaceInfo =>
  family === 'IPv4' ? { address, family, internal, netmask: '', mac: '', cidr: null } : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };

const laptop: NetworkInterfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  docker0: [iface('fe80::1', 'IPv6', false)],
  wlan0: [iface('fe80::2', 'IPv6', false), iface('192.168.1.23', 'IPv4', false)],
  eth1: [iface('10.0.0.5', 'IPv4', false)],
};

describe('the origin of links for phones', () => {
  it('[R76] knows loopback names and addresses from the others', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['192.168.1.23', 'twofold.example.org', 'localhost.example.org', '10.0.0.1', '[fe80::1]', '128.0.0.1']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('[R76] picks the first IPv4 address that is not internal, only when listening on every interface', () => {
    expect(networkAddress('0.0.0.0', laptop)).toBe('192.168.1.23');
    expect(networkAddress('::', laptop)).toBe('192.168.1.23');
    expect(networkAddress('127.0.0.1', laptop)).toBeNull();
    expect(networkAddress('localhost', laptop)).toBeNull();
    expect(networkAddress('10.0.0.5', laptop)).toBe('10.0.0.5');
    expect(networkAddress('0.0.0.0', { lo: laptop.lo, docker0: laptop.docker0 })).toBeNull();
    expect(networkAddress('0.0.0.0', {})).toBeNull();
  });

  it('[R76] PUBLIC_URL wins, another host is kept, localhost becomes the network address with its port', () => {
    const lan = '192.168.1.23';
    expect(phoneOrigin({ publicUrl: 'https://twofold.example.org', requestOrigin: 'http://localhost:3000', networkAddress: lan })).toEqual({ origin: 'https://twofold.example.org', reach: 'public_url' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://192.168.1.23:3000', networkAddress: lan })).toEqual({ origin: 'http://192.168.1.23:3000', reach: 'request' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'https://twofold.example.org', networkAddress: lan })).toEqual({ origin: 'https://twofold.example.org', reach: 'request' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://localhost:3000', networkAddress: lan })).toEqual({ origin: 'http://192.168.1.23:3000', reach: 'network' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://127.0.0.1:4123', networkAddress: lan })).toEqual({ origin: 'http://192.168.1.23:4123', reach: 'network' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://[::1]:3000', networkAddress: lan })).toEqual({ origin: 'http://192.168.1.23:3000', reach: 'network' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://localhost', networkAddress: lan })).toEqual({ origin: 'http://192.168.1.23', reach: 'network' });
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://localhost:3000', networkAddress: 'fd00::5' })).toEqual({ origin: 'http://[fd00::5]:3000', reach: 'network' });
  });

  it('[R76] with no network address, localhost links stay as they are and say that phones cannot open them', () => {
    expect(phoneOrigin({ publicUrl: null, requestOrigin: 'http://localhost:3000', networkAddress: null })).toEqual({ origin: 'http://localhost:3000', reach: 'unreachable' });
  });
});
