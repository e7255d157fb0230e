import { once } from 'node:events';
import * as Y from 'yjs';
import { addEntry, listAllEntries } from '../../lib/board/schema';
import { MAX_ENTRIES_PER_BOARD } from '../../lib/limits';
import type { BoardDigest } from './attacker';
import { oneTransaction } from './craftedUpdates';
import { rawBoardClient } from './rawBoardClient';

/**
 * A board at its struct ceiling, written as a phone would through a real server: 396 entries of
 * 490 characters, each character typed at the front of its entry (so Yjs keeps it as a struct
 * of its own: ~196,000 of the 200,000 `maxBoardStructs`, ~2.2 MB), in updates under the
 * 10,000 structs one update may carry. Returns what a replica of it holds.
 */
export const HEAVY_ENTRIES = MAX_ENTRIES_PER_BOARD - 4;
export const HEAVY_CHARS_PER_ENTRY = 490;
const ENTRIES_PER_UPDATE = 16;

export function digestOf(doc: Y.Doc): BoardDigest {
  const entries = listAllEntries(doc);
  return { entries: entries.length, chars: entries.reduce((n, e) => n + e.text.length, 0) };
}

export async function writeHeavyBoard(url: string, exercise = 'bring-need'): Promise<{ digest: BoardDigest; state: Uint8Array; structs: number }> {
  const client = rawBoardClient(url);
  try {
    await client.synced();
    let sent = 0;
    for (let first = 0; first < HEAVY_ENTRIES; first += ENTRIES_PER_UPDATE) {
      const update = oneTransaction((d) => {
        for (let i = first; i < Math.min(HEAVY_ENTRIES, first + ENTRIES_PER_UPDATE); i++) {
          const text = addEntry(d, { id: `heavy-${i}`, exercise, column: 'bring', author: 'a', createdAt: i });
          for (let c = 0; c < HEAVY_CHARS_PER_ENTRY; c++) text.insert(0, String.fromCharCode(97 + ((i + c) % 26)));
        }
      }, client.doc)!;
      await client.sendUpdate(update);
      sent++;
    }
    // Each is echoed once stored.
    const until = Date.now() + 60_000;
    while (client.heard.length < sent) {
      if (Date.now() > until) throw new Error(`${client.heard.length} of ${sent} updates stored`);
      await once(client.ws, 'message'); // the next echo (or relay), not a fixed wait
    }
    let structs = 0;
    for (const list of client.doc.store.clients.values()) structs += list.length;
    return { digest: digestOf(client.doc), state: Y.encodeStateAsUpdate(client.doc), structs };
  } finally {
    client.close();
  }
}
