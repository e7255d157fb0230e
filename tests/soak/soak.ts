/**
 * `npm run soak [-- --minutes 60 --couples 20]` (not in CI): couples keep
 * joining, typing and leaving against the production server for the given
 * time. Afterwards, once boards have had time to unload, the server's heap
 * must be back within 10 % of where it started and no board, connection or
 * awareness timer may be left. Prints the figures; exits non-zero if not.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { addEntry } from '../../lib/board/schema';
import { PROTOCOL_VERSION } from '../../lib/protocol';
import type { Metrics } from '../../lib/protocol/metrics';
import { ApiClient } from '../helpers/apiClient';
import { startServerProcess } from '../helpers/serverProcess';
import { connectBoard } from '../helpers/yjsClient';

process.setMaxListeners(0);
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '60' }, couples: { type: 'string', default: '20' } } });
const DURATION_MS = Number(values.minutes) * 60_000;
const COUPLES_PER_WAVE = Number(values.couples);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-soak-'));
const server = await startServerProcess({ DATA_DIR: dataDir, NODE_OPTIONS: '--expose-gc' });
const api = new ApiClient(server.url);
const metrics = async (): Promise<Metrics> => (await fetch(`${server.url}/api/metrics?gc=1`)).json() as Promise<Metrics>;

/** One wave: couples join, type twice a second with presence, and leave after `stayMs`. */
async function wave(label: string, stayMs: number): Promise<void> {
  const workshop = await api.createWorkshop(label);
  const phones: { close(): void }[] = [];
  for (let c = 0; c < COUPLES_PER_WAVE; c++) {
    const { a, b } = await api.coupleInWorkshop([`A${c}`, `B${c}`], workshop.code);
    for (const [p, seat] of [[a, 'a'], [b, 'b']] as const) {
      const board = connectBoard((await api.me(p.token)).board!, undefined, { renew: async () => (await api.boardTicket(p.token)).params });
      const control = io(server.url, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token: p.token } });
      board.provider.awareness.setLocalStateField('user', { name: p.name, seat });
      const typing = setInterval(() => {
        addEntry(board.doc, { id: `${p.participantId}-${edits}`, exercise: 'bring-need', column: 'bring', author: seat, createdAt: Date.now() }, `soak ${edits++}`);
        board.provider.awareness.setLocalStateField('typing', String(edits));
      }, 500);
      phones.push({ close: () => (clearInterval(typing), board.destroy(), control.close()) });
    }
  }
  await sleep(stayMs);
  for (const phone of phones) phone.close();
}

let edits = 0;
// Warm up with one full wave and let it unload: the first wave compiles and caches code paths,
// which is start-up cost, not a leak. The baseline is taken after.
await wave('Warm-up', 5_000);
await sleep(40_000);
const start = await metrics();
console.log(`start: heap ${start.heapUsedMiB} MiB, rss ${start.rssMiB} MiB`);

const began = Date.now();
let waves = 0;
while (Date.now() - began < DURATION_MS) {
  waves++;
  await wave(`Soak wave ${waves}`, 20_000);
  const m = await metrics();
  console.log(`wave ${waves}: ${COUPLES_PER_WAVE * 2} phones came and went; ${edits} edits so far; heap ${m.heapUsedMiB} MiB, live boards ${m.liveBoards}`);
}

// Boards unload 30 s after their last client; give them that and a margin.
await sleep(40_000);
const end = await metrics();
const growth = (end.heapUsedMiB - start.heapUsedMiB) / start.heapUsedMiB;
console.log(`end: heap ${end.heapUsedMiB} MiB (${(growth * 100).toFixed(1)} % vs start), rss ${end.rssMiB} MiB, live boards ${end.liveBoards}, board connections ${end.boardConnections}, control sockets ${end.controlSockets}, people online ${end.peopleOnline}`);
console.log(`soak: ${waves} waves, ${waves * COUPLES_PER_WAVE * 2} phones, ${edits} edits over ${values.minutes} min`);
server.child.kill('SIGTERM');
await server.exited;
fs.rmSync(dataDir, { recursive: true, force: true });
const ok = Math.abs(growth) <= 0.1 && end.liveBoards === 0 && end.boardConnections === 0 && end.controlSockets === 0;
console.log(ok ? '1 passed, 0 failed' : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
