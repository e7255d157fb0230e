import http from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { connectControl, hostAuth, hostCommand, participantAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';
import { addEntry, ENTRIES_KEY } from '../../lib/board/schema';
import { BRING_NEED } from '../../lib/catalogue/catalogue';

/**
 * An open socket must not hold the HTTP request that opened it: at 10,000 phones every KiB kept
 * per socket is 20 MiB (two sockets per phone). The requests of upgrades are watched through
 * weak references; after a few collections, with every socket still open and working, none of
 * them may be left.
 */
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const upgrades: WeakRef<http.IncomingMessage>[] = [];
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]): boolean {
  if (event === 'upgrade') upgrades.push(new WeakRef(args[0] as http.IncomingMessage));
  return (emit as (this: http.Server, event: string, ...rest: unknown[]) => boolean).call(this, event, ...args);
} as typeof emit;
afterAll(() => {
  http.Server.prototype.emit = emit;
});

const { server, api } = await serverForFile();

async function collectAll(): Promise<void> {
  // A WeakRef keeps its target until the end of the job that made or read it: collect between turns.
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
}

describe('open sockets and their upgrade requests', () => {
  it('control sockets (upgraded from polling too) and board sockets let their upgrade requests go, and keep working', async () => {
    const workshop = await api.createWorkshop();
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
    const [meA, meB] = [await api.me(a.token), await api.me(b.token)];
    const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
    const phoneA = connectControl(server.url, participantAuth(a.token));
    // B's phone starts on long-polling and upgrades, as a browser may (the app allows both).
    const phoneB = connectControl(server.url, participantAuth(b.token), { transports: ['polling', 'websocket'] });
    const boardA = connectBoard(meA.board!);
    const boardB = connectBoard(meB.board!);
    try {
      await eventually(() => expect(host.latest.snapshot && phoneA.latest.self && phoneB.latest.self).toBeTruthy());
      await Promise.all([boardA.synced(), boardB.synced()]);
      await eventually(() => expect(phoneB.socket.io.engine.transport.name).toBe('websocket'));
      expect(upgrades.length).toBeGreaterThanOrEqual(5);

      await collectAll();
      const kept = upgrades.filter((ref) => ref.deref() !== undefined).map((ref) => ref.deref()!.url?.split('?')[0]);
      expect(kept).toEqual([]);

      // Still the same sockets (no reconnect), still carrying edits and states.
      addEntry(boardA.doc, { id: 'e1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, 'after the collection');
      await eventually(() => expect(boardB.doc.getMap(ENTRIES_KEY).has('e1')).toBe(true));
      await hostCommand(host.socket, { type: 'next' });
      await eventually(() => expect(phoneB.latest.workshop?.phase).toBe('exercise'));
      const ready = await phoneB.socket.timeout(5_000).emitWithAck('ready', { ready: true });
      expect(ready, JSON.stringify(ready)).toEqual({ ok: true });
      await eventually(() => expect(phoneA.latest.self?.couple?.steps[0].ready).toEqual({ a: false, b: true }));
    } finally {
      for (const board of [boardA, boardB]) board.destroy();
      for (const socket of [host, phoneA, phoneB]) socket.close();
    }
  });
});
