import type { NetworkInterfaceInfo } from 'node:os';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { PhoneOriginResponse } from '../../lib/protocol';
import { networkAddress, type NetworkInterfaces } from '../../server/infra/phoneOrigin';
import { ApiClient } from '../helpers/apiClient';
import { tempDataDir, withServer } from '../helpers/server';
import { startServerProcess } from '../helpers/serverProcess';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean): NetworkInterfaceInfo =>
  family === 'IPv4' ? { address, family, internal, netmask: '', mac: '', cidr: null } : { address, family, internal, netmask: '', mac: '', cidr: null, scopeid: 0 };
const LAN = '192.168.1.23';
const withWifi = (): NetworkInterfaces => ({ lo: [iface('127.0.0.1', 'IPv4', true)], wlan0: [iface('fe80::2', 'IPv6', false), iface(LAN, 'IPv4', false)] });
const loopbackOnly = (): NetworkInterfaces => ({ lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)] });

/** GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(port: number, path: string, host: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('links phones can open', () => {
  it('[R76] a request to 127.0.0.1 gets join, host, pair and review links on the network address; the board socket stays local', async () => {
    await withServer({ host: '0.0.0.0', networkInterfaces: withWifi }, async ({ server }) => {
      const local = new ApiClient(`http://127.0.0.1:${server.port}`);
      const lan = `http://${LAN}:${server.port}`;
      const w = await local.createWorkshop('Evening');
      expect(w.joinUrl).toBe(`${lan}/join/${w.code}`);
      expect(w.hostUrl).toBe(`${lan}/host/${w.code}#key=${w.hostKey}`);

      // Two phones: Ana starts a couple, Ben follows the pair link she was given.
      const ana = await local.join(w.code, 'Ana');
      const couple = await local.startCouple(w.code, ana.token);
      const pairLink = new URL(couple.pairUrl);
      expect(pairLink.origin).toBe(lan);
      expect(pairLink.pathname).toBe(`/join/${w.code}`);
      const ben = await local.join(w.code, 'Ben');
      const seated = await local.joinCouple(w.code, ben.token, pairLink.searchParams.get('pair')!);
      expect(seated.coupleId).toBe(couple.coupleId);

      const me = await local.me(ben.token);
      expect(me.couple?.pairUrl.startsWith(`${lan}/join/`)).toBe(true);
      expect(me.reviewUrl.startsWith(`${lan}/review/`)).toBe(true);
      expect(me.board?.serverUrl).toBe(`ws://127.0.0.1:${server.port}/yjs`);
      expect((await local.request<PhoneOriginResponse>('GET', '/api/network')).body).toEqual({ phoneOrigin: lan, reach: 'network' });

      // Through `localhost` too; and a phone that came by the network address keeps it.
      expect((await getWithHost(server.port, '/api/network', `localhost:${server.port}`)).body).toEqual({ phoneOrigin: lan, reach: 'network' });
      expect((await getWithHost(server.port, '/api/network', `twofold.lan:${server.port}`)).body).toEqual({ phoneOrigin: `http://twofold.lan:${server.port}`, reach: 'request' });
    });
  });

  it('[R76] PUBLIC_URL wins over the network address', async () => {
    await withServer({ host: '0.0.0.0', networkInterfaces: withWifi, publicUrl: 'https://twofold.example.org' }, async ({ server }) => {
      const local = new ApiClient(`http://127.0.0.1:${server.port}`);
      const w = await local.createWorkshop('Evening');
      expect(w.joinUrl).toBe(`https://twofold.example.org/join/${w.code}`);
      const { a } = await local.coupleInWorkshop(['Ana', 'Ben'], w.code);
      expect((await local.me(a.token)).reviewUrl.startsWith('https://twofold.example.org/review/')).toBe(true);
      expect((await local.request<PhoneOriginResponse>('GET', '/api/network')).body).toEqual({ phoneOrigin: 'https://twofold.example.org', reach: 'public_url' });
    });
  });

  it('[R76] with no network address the links stay local and the console is told phones cannot reach this machine', async () => {
    // No interface but loopback; and a server bound to loopback, whatever interfaces the machine has.
    for (const options of [{ host: '0.0.0.0', networkInterfaces: loopbackOnly }, { host: '127.0.0.1', networkInterfaces: withWifi }]) {
      await withServer(options, async ({ server }) => {
        const local = new ApiClient(`http://127.0.0.1:${server.port}`);
        const w = await local.createWorkshop('Evening');
        expect(w.joinUrl).toBe(`http://127.0.0.1:${server.port}/join/${w.code}`);
        expect((await local.request<PhoneOriginResponse>('GET', '/api/network')).body).toEqual({ phoneOrigin: `http://127.0.0.1:${server.port}`, reach: 'unreachable' });
      });
    }
  });

  it('[R76] start-up prints the local address and the network one, or says plainly that there is none', async () => {
    const everywhere = await startServerProcess({ HOST: '0.0.0.0', DATA_DIR: tempDataDir() });
    const loopback = await startServerProcess({ HOST: '127.0.0.1', DATA_DIR: tempDataDir() });
    try {
      const port = new URL(everywhere.url).port;
      const expected = networkAddress('0.0.0.0', networkInterfaces());
      await expect.poll(() => everywhere.output()).toContain(`Local:   http://localhost:${port}`);
      await expect.poll(() => everywhere.output()).toContain(expected ? `Network: http://${expected}:${port}` : 'Phones cannot reach this machine');
      await expect.poll(() => loopback.output()).toContain('Network: none. Phones cannot reach this machine');
      expect(loopback.output()).toContain('or set PUBLIC_URL');
    } finally {
      everywhere.child.kill('SIGTERM');
      loopback.child.kill('SIGTERM');
      await Promise.all([everywhere.exited, loopback.exited]);
    }
  });
});
