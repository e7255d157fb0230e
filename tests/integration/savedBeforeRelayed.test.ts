import * as encoding from 'lib0/encoding';
import pg from 'pg';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, listEntries } from '../../lib/board/schema';
import { openPgStore } from '../../server/store/pgStore';
import { ApiClient } from '../helpers/apiClient';
import { tempDataDir, withServer } from '../helpers/server';
import { startServerProcess } from '../helpers/serverProcess';
import { quietLog } from '../helpers/storeFixtures';
import { createTestDatabase } from '../helpers/testDatabase';
import { eventually } from '../helpers/wait';
import { boardUrl, connectBoard } from '../helpers/yjsClient';

/**
 * [R12] An update is stored before anyone hears of it, its sender included: the echo is how a
 * phone knows its words are saved. Both checks use raw WebSocket clients that see every frame
 * the moment it arrives: the sender (A) and the partner (B).
 *
 * What each can catch: the SIGKILL check fails whenever the write comes measurably after the
 * echo or relay (a debounced or queued save); a relay sent just before a write in the same
 * event-loop turn it catches only some of the time (the kill lands after that turn). The
 * PostgreSQL check holds the write itself up, so it catches any relay or echo sent before the
 * store has the update, every time.
 */

/** A board connection that records every frame the server sends. */
async function rawBoard(url: string) {
  const ws = new WebSocket(url);
  const frames: Buffer[] = [];
  const listeners: ((frame: Buffer) => void)[] = [];
  ws.on('error', () => undefined); // a killed server resets the connection
  ws.on('message', (data: Buffer) => {
    frames.push(data);
    for (const listener of listeners) listener(data);
  });
  // The server speaks first (sync step 1) once the board is loaded.
  await new Promise((resolve) => ws.once('message', resolve));
  return {
    send: (frame: Uint8Array) => ws.send(frame),
    /** True once a frame holding `bytes` has arrived. */
    saw: (bytes: Buffer) => frames.some((f) => f.includes(bytes)),
    onFrame: (listener: (frame: Buffer) => void) => listeners.push(listener),
    close: () => ws.terminate(),
  };
}

/** A client update as y-websocket sends it (sync message, update), adding one entry that carries `marker`. */
function entryUpdateFrame(marker: string): Uint8Array {
  const doc = new Y.Doc();
  addEntry(doc, { id: marker, exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, marker);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(e);
}

const texts = (doc: Y.Doc) => listEntries(doc, 'bring-need').map((entry) => entry.text.toString());

async function seatedCouple(api: ApiClient) {
  const { a, b } = await api.coupleInWorkshop();
  const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
  return { boardA: meA.board!, boardB: meB.board!, tokenA: a.token };
}

describe('[R12][R110] saved before relayed: the partner only ever receives what is stored', () => {
  it('an update echoed to its sender or relayed to its partner survives a SIGKILL sent the moment it arrives', { timeout: 60_000 }, async () => {
    const marker = 'SAVED-BEFORE-ECHO-4c1d';
    const dataDir = tempDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir });
    let tokenA: string;
    let heard: string;
    try {
      const { boardA, boardB, tokenA: token } = await seatedCouple(new ApiClient(first.url));
      tokenA = token;
      const [sender, partner] = await Promise.all([rawBoard(boardUrl(boardA)), rawBoard(boardUrl(boardB))]);
      // Whichever comes first, the echo or the relay, the server gets no time to store anything afterwards.
      const killed = new Promise<string>((resolve) => {
        for (const [who, client] of [['echo', sender], ['relay', partner]] as const) {
          client.onFrame((frame) => {
            if (!frame.includes(Buffer.from(marker)) || first.child.killed) return;
            first.child.kill('SIGKILL');
            resolve(who);
          });
        }
      });
      sender.send(entryUpdateFrame(marker));
      heard = await killed;
      await first.exited;
      sender.close();
      partner.close();
    } finally {
      if (!first.child.killed) first.child.kill('SIGKILL');
    }
    expect(['echo', 'relay']).toContain(heard);

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      // A board ticket is signed by the server that issued it: the restarted one issues a new one.
      const reader = connectBoard((await new ApiClient(second.url).me(tokenA)).board!);
      await reader.synced();
      expect(texts(reader.doc)).toEqual([marker]);
      reader.destroy();
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });

  it('with PostgreSQL, nothing is echoed or relayed while the store is held up; both follow its commit', { timeout: 30_000 }, async () => {
    const marker = 'SAVED-BEFORE-RELAY-9e2b';
    const databaseUrl = await createTestDatabase();
    await withServer({ databaseUrl }, async ({ api }) => {
      const { boardA, boardB } = await seatedCouple(api);
      const [sender, partner] = await Promise.all([rawBoard(boardUrl(boardA)), rawBoard(boardUrl(boardB))]);
      const holder = new pg.Client({ connectionString: databaseUrl });
      const observer = new pg.Client({ connectionString: databaseUrl });
      await Promise.all([holder.connect(), observer.connect()]);
      try {
        // SHARE mode lets reads through but makes every INSERT into the update log wait.
        await holder.query('BEGIN');
        await holder.query('LOCK TABLE doc_updates IN SHARE MODE');
        sender.send(entryUpdateFrame(marker));
        // The positive event: the server is writing the update now, and waits for the lock.
        await eventually(async () => {
          const { rows } = await observer.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'doc_updates'::regclass AND NOT granted");
          expect(rows[0].n).toBeGreaterThan(0);
        });
        // A relay or an echo sent before the write would have arrived by now (over loopback, many turns ago).
        expect(sender.saw(Buffer.from(marker))).toBe(false);
        expect(partner.saw(Buffer.from(marker))).toBe(false);

        await holder.query('COMMIT');
        await eventually(() => expect([sender.saw(Buffer.from(marker)), partner.saw(Buffer.from(marker))]).toEqual([true, true]));
        // And what they heard of is in the store, read by another node's handle on it.
        const store = await openPgStore(databaseUrl, quietLog);
        try {
          const stored = await store.loadDoc(boardA.docName);
          const doc = new Y.Doc();
          for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
          expect(texts(doc)).toEqual([marker]);
        } finally {
          await store.close();
        }
      } finally {
        await holder.query('ROLLBACK').catch(() => undefined);
        await Promise.all([holder.end(), observer.end()]);
        sender.close();
        partner.close();
      }
    });
  });
});
