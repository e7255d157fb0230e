import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as decoding from 'lib0/decoding';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, listEntries } from '../../lib/board/schema';
import { BRING_NEED } from '../../lib/catalogue/catalogue';
import type { BoardAccess } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';
import { tempDataDir } from '../helpers/server';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

process.setMaxListeners(0); // every stock provider adds a process 'exit' listener

const ROOT = path.resolve(import.meta.dirname, '../..');

// `npm run backup` runs the built script (dist/backup.mjs, `npm run build:server`): built here
// from the current source, so the test never runs a stale build.
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
});
/** Markers per entry: each is at most 8 characters, and an entry holds 2,000 ([R37]): no marker is ever cut. */
const MARKERS_PER_ENTRY = 200;
const TYPING_INTERVAL_MS = 4;

/** The strings a y-websocket frame from the server inserts (sync step 2 or update), or none. */
function insertedStrings(frame: Uint8Array): string[] {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarUint(decoder) !== 0) return []; // not a sync message (awareness)
  if (decoding.readVarUint(decoder) === 0) return []; // sync step 1 carries no content
  const { structs } = Y.decodeUpdate(decoding.readVarUint8Array(decoder));
  return structs.flatMap((s) => (s instanceof Y.Item && s.content instanceof Y.ContentString ? [s.content.str] : []));
}

/**
 * A phone that types without pause: a marker `<seat><n>;` per edit, in entries of its own. An edit
 * is acknowledged when the server's echo of it arrives (the echo means "saved", docs/API.md); the
 * time of that is recorded per marker.
 */
function typist(board: BoardAccess, seat: 'a' | 'b') {
  const client = connectBoard(board);
  const acked = new Map<string, number>();
  client.provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') return;
    client.provider.ws!.addEventListener('message', (event: MessageEvent) => {
      const now = Date.now();
      for (const s of insertedStrings(new Uint8Array(event.data as ArrayBuffer))) {
        for (const marker of s.split(';')) if (marker.startsWith(seat) && !acked.has(marker)) acked.set(marker, now);
      }
    });
  });
  let n = 0;
  let text: Y.Text | null = null;
  let timer: NodeJS.Timeout | null = null;
  return {
    client,
    acked,
    get sent() {
      return n;
    },
    start() {
      timer = setInterval(() => {
        if (n % MARKERS_PER_ENTRY === 0) text = addEntry(client.doc, { id: `${seat}-${n}`, exercise: BRING_NEED.id, column: 'bring', author: seat, createdAt: n });
        text!.insert(text!.length, `${seat}${n};`);
        n++;
      }, TYPING_INTERVAL_MS);
    },
    stop: () => clearInterval(timer!),
  };
}

function runBackup(dataDir: string, out: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'backup', '--', '--out', out], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  await server.exited;
}

describe('[R48] backups', () => {
  it('hold what is still only in the WAL, where a copy of the database file would miss it', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const out = path.join(tempDataDir(), 'backup.sqlite');
    const live = await startServerProcess({ DATA_DIR: dataDir });
    let restored: ServerProcess | null = null;
    try {
      const api = new ApiClient(live.url);
      const { a } = await api.coupleInWorkshop(['Ana', 'Ben']);
      const board = (await api.me(a.token)).board!;
      const phone = typist(board, 'a');
      await phone.client.synced();
      phone.start();
      await eventually(() => expect(phone.acked.size).toBeGreaterThanOrEqual(20));
      phone.stop();
      const acked = [...phone.acked.keys()];
      phone.client.destroy();
      // Below the checkpoint threshold, the edits are in twofold.sqlite-wal and not yet in twofold.sqlite.
      const fileBytes = fs.readFileSync(path.join(dataDir, 'twofold.sqlite'));
      expect(acked.filter((m) => fileBytes.includes(`${m};`))).toEqual([]);

      const backup = await runBackup(dataDir, out);
      expect(backup.code, backup.output).toBe(0);
      await stop(live);
      const freshDir = tempDataDir();
      fs.copyFileSync(out, path.join(freshDir, 'twofold.sqlite'));
      restored = await startServerProcess({ DATA_DIR: freshDir });
      // Board tickets are signed per server process: the restored one issues its own.
      const reader = connectBoard((await new ApiClient(restored.url).me(a.token)).board!);
      await reader.synced();
      const onBoard = new Set(listEntries(reader.doc, BRING_NEED.id).flatMap((e) => e.text.toString().split(';')));
      reader.destroy();
      expect(acked.filter((m) => !onBoard.has(m))).toEqual([]);
    } finally {
      await stop(live);
      if (restored) await stop(restored);
    }
  });

  it('a backup taken under typing load restores to a board with every edit acknowledged before the backup started', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    const out = path.join(tempDataDir(), 'backup.sqlite');
    const live = await startServerProcess({ DATA_DIR: dataDir });
    let restored: ServerProcess | null = null;
    const typists: ReturnType<typeof typist>[] = [];
    try {
      const api = new ApiClient(live.url);
      const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben']);
      const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
      typists.push(typist(meA.board!, 'a'), typist(meB.board!, 'b'));
      await Promise.all(typists.map((t) => t.client.synced()));
      typists.forEach((t) => t.start());
      await eventually(() => expect(typists.every((t) => t.acked.size >= 300)).toBe(true), 30_000);

      const backupStarted = Date.now();
      const backup = await runBackup(dataDir, out);
      const backupEnded = Date.now();
      expect(backup.code, backup.output).toBe(0);
      // The load went on through the backup and after it.
      const ackedDuring = typists.reduce((sum, t) => sum + [...t.acked.values()].filter((at) => at > backupStarted && at < backupEnded).length, 0);
      expect(ackedDuring).toBeGreaterThan(0);
      const ackedBy = (t: ReturnType<typeof typist>) => t.acked.size;
      const countAtEnd = typists.map(ackedBy);
      await eventually(() => expect(typists.every((t, i) => ackedBy(t) > countAtEnd[i] + 50)).toBe(true), 30_000);
      typists.forEach((t) => t.stop());
      const mustHave = typists.flatMap((t) => [...t.acked].filter(([, at]) => at < backupStarted).map(([marker]) => marker));
      const sent = typists.reduce((sum, t) => sum + t.sent, 0);
      typists.splice(0).forEach((t) => t.client.destroy());
      await stop(live);

      // Restore: a fresh DATA_DIR holding only the backup, as twofold.sqlite.
      const freshDir = tempDataDir();
      fs.copyFileSync(out, path.join(freshDir, 'twofold.sqlite'));
      restored = await startServerProcess({ DATA_DIR: freshDir });
      const reader = connectBoard((await new ApiClient(restored.url).me(a.token)).board!);
      await reader.synced();
      const onBoard = new Set(listEntries(reader.doc, BRING_NEED.id).flatMap((e) => e.text.toString().split(';').filter(Boolean)));
      reader.destroy();

      const missing = mustHave.filter((m) => !onBoard.has(m));
      expect(missing).toEqual([]);
      // One moment of the database: what each phone had stored is a prefix of what it typed, without a hole.
      for (const seat of ['a', 'b']) {
        const numbers = [...onBoard].filter((m) => m.startsWith(seat)).map((m) => Number(m.slice(1)));
        expect(numbers.length).toBeGreaterThan(0);
        expect(Math.max(...numbers)).toBe(numbers.length - 1);
      }
      const copyMs = /copied in ([\d.]+) ms/.exec(backup.output)?.[1];
      console.log(
        `[backup] under typing load (${sent} edits typed, ${ackedDuring} acknowledged while the backup ran): backup process ${backupEnded - backupStarted} ms ` +
          `(copy ${copyMs} ms), ${fs.statSync(out).size} bytes; ${mustHave.length} edits acknowledged before it started, all ${mustHave.length - missing.length} on the restored board (${onBoard.size} edits on it)`,
      );
    } finally {
      typists.forEach((t) => (t.stop(), t.client.destroy()));
      await stop(live);
      if (restored) await stop(restored);
    }
  });
});
