import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMING } from '../../server/tunables';
import { connectControl, hostAuth, participantAuth } from '../helpers/controlClient';
import { freezableProxy } from '../helpers/freezableProxy';
import { withServer } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

/** Fast heartbeats, so that "within 15 s" is measured in a fraction of a second (the default figures are checked below). */
const FAST = { boardHeartbeatMs: 100, controlPingIntervalMs: 100, controlPingTimeoutMs: 100 };
const OFFLINE_WITHIN_MS = 15_000;

function boardUrl(access: { serverUrl: string; docName: string; params: Record<string, string> }): string {
  return `${access.serverUrl}/${access.docName}?${new URLSearchParams(access.params).toString()}`;
}

describe('heartbeats on both sockets', () => {
  it('[R70] the default heartbeats drop a vanished phone well within 15 s', () => {
    // Board: cut at the second unanswered ping. Control: ping interval plus its timeout. Both plus the console's throttle.
    expect(2 * DEFAULT_TIMING.boardHeartbeatMs + DEFAULT_TIMING.hostSnapshotThrottleMs).toBeLessThan(OFFLINE_WITHIN_MS);
    expect(DEFAULT_TIMING.controlPingIntervalMs + DEFAULT_TIMING.controlPingTimeoutMs + DEFAULT_TIMING.hostSnapshotThrottleMs).toBeLessThan(OFFLINE_WITHIN_MS);
  });

  it('[R70] a board socket that stops answering pings is cut; a healthy one is never', async () => {
    await withServer({ timing: FAST }, async ({ server, api }) => {
      const { a, b } = await api.coupleInWorkshop();
      const meA = await api.me(a.token);
      const silent = new WebSocket(boardUrl(meA.board!), { autoPong: false });
      silent.on('error', () => undefined);
      let silentPings = 0;
      silent.on('ping', () => silentPings++);
      const silentClosed = new Promise<number>((resolve) => silent.once('close', (code) => resolve(code)));

      const healthy = connectBoard((await api.me(b.token)).board!);
      const disconnects: string[] = [];
      healthy.provider.on('status', ({ status }: { status: string }) => status === 'disconnected' && disconnects.push(status));
      await healthy.synced();
      let healthyPings = 0;
      (healthy.provider.ws as unknown as WebSocket).on('ping', () => healthyPings++);
      await eventually(() => expect(server.boards.liveCount).toBe(1));

      const started = Date.now();
      // 1006: the server terminated it without a close frame, as it would a phone that is gone.
      expect(await silentClosed).toBe(1006);
      expect(Date.now() - started).toBeLessThan(OFFLINE_WITHIN_MS);
      expect(silentPings).toBeGreaterThanOrEqual(1);

      // The healthy provider answers every ping by itself and stays, across many heartbeats.
      await eventually(() => expect(healthyPings).toBeGreaterThanOrEqual(10));
      expect(disconnects).toEqual([]);
      expect(healthy.provider.wsconnected).toBe(true);
      healthy.destroy();
    });
  });

  it('[R70][R16] a phone that vanished without closing shows offline to its partner and on the console', async () => {
    await withServer({ timing: FAST }, async ({ server, api }) => {
      const { workshop, a, b } = await api.coupleInWorkshop();
      const proxy = await freezableProxy(server.port);
      const host = connectControl(server.url, hostAuth(workshop!.code, workshop!.hostKey));
      const phoneB = connectControl(server.url, participantAuth(b.token));
      // Ana's phone reaches the server through the relay that will go silent: her control socket and her board.
      const phoneA = connectControl(proxy.url, participantAuth(a.token));
      const boardAccess = (await api.me(a.token)).board!;
      const boardA = connectBoard({ ...boardAccess, serverUrl: boardAccess.serverUrl.replace(server.url.replace('http', 'ws'), proxy.url.replace('http', 'ws')) });
      const boardB = connectBoard((await api.me(b.token)).board!);
      try {
        boardA.provider.awareness.setLocalStateField('user', { name: 'Ana', seat: 'a' });
        await Promise.all([boardA.synced(), boardB.synced()]);
        await eventually(() => expect(phoneB.latest.self?.couple?.members.find((m) => m.name === 'Ana')?.online).toBe(true));
        await eventually(() => expect(host.latest.snapshot?.couples[0].members.map((m) => m.online)).toEqual([true, true]));
        await eventually(() => expect(boardB.provider.awareness.getStates().has(boardA.doc.clientID)).toBe(true));
        expect(proxy.openTo('/yjs/')).toBe(1);

        const vanished = Date.now();
        proxy.freeze();
        await eventually(() => expect(phoneB.latest.self?.couple?.members.find((m) => m.name === 'Ana')?.online).toBe(false), OFFLINE_WITHIN_MS);
        await eventually(() => expect(host.latest.snapshot?.couples[0].members.map((m) => m.online)).toEqual([false, true]), OFFLINE_WITHIN_MS);
        // The board socket went too: her presence is gone from Ben's board and the server holds no socket of hers.
        await eventually(() => expect(boardB.provider.awareness.getStates().has(boardA.doc.clientID)).toBe(false), OFFLINE_WITHIN_MS);
        await eventually(() => expect(proxy.openTo('/yjs/')).toBe(0), OFFLINE_WITHIN_MS);
        expect(Date.now() - vanished).toBeLessThan(OFFLINE_WITHIN_MS);
        // Ben, who kept answering, is still there.
        expect(phoneB.socket.connected).toBe(true);
        expect(boardB.provider.wsconnected).toBe(true);
      } finally {
        boardA.destroy();
        boardB.destroy();
        phoneA.close();
        phoneB.close();
        host.close();
        await proxy.close();
      }
    });
  });
});
