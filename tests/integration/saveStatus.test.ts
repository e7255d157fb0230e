import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addEntry, entryText } from '../../lib/board/schema';
import { watchSaves } from '../../app/_lib/watchSaves';
import { freezableProxy } from '../helpers/freezableProxy';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

const { server, api } = await serverForFile({ timing: { boardHeartbeatMs: 100 } });

const ENTRY = { id: 'e1', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 } as const;

/** The entry's text as the store holds it, read back from the store itself ('' if it has none). */
async function storedText(docName: string): Promise<string> {
  const stored = await server.store.loadDoc(docName);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const u of stored.updates) Y.applyUpdate(doc, u);
  return entryText(doc, ENTRY.id)?.text ?? '';
}

describe('the phone\'s save status on real sockets', () => {
  it('[R69] "Saved" comes with the echo, and by then the store holds the keystroke and the partner has it', async () => {
    const { a, b } = await api.coupleInWorkshop();
    const access = (await api.me(a.token)).board!;
    const ana = connectBoard(access);
    const ben = connectBoard((await api.me(b.token)).board!);
    const seen: boolean[] = [];
    const storedWhenSaved: string[] = [];
    const stop = watchSaves(ana.provider, (saved) => {
      seen.push(saved);
      if (saved) void storedText(access.docName).then((t) => storedWhenSaved.push(t));
    });
    try {
      await Promise.all([ana.synced(), ben.synced()]);
      addEntry(ana.doc, ENTRY, 'we walk more');
      expect(seen).toEqual([false]);
      await eventually(() => expect(seen).toEqual([false, true]));
      await eventually(() => expect(storedWhenSaved).toEqual(['we walk more']));
      await eventually(() => expect(entryText(ben.doc, ENTRY.id)?.text).toBe('we walk more'));
    } finally {
      stop();
      ana.destroy();
      ben.destroy();
    }
  });

  it('[R69] a keystroke into a silent network stays unsaved (however long it waits) until a new connection brings its echo', async () => {
    const { a } = await api.coupleInWorkshop();
    const proxy = await freezableProxy(server.port);
    const access = (await api.me(a.token)).board!;
    const wsUrl = (u: string) => u.replace('http', 'ws');
    const ana = connectBoard({ ...access, serverUrl: access.serverUrl.replace(wsUrl(server.url), wsUrl(proxy.url)) });
    const seen: boolean[] = [];
    const stop = watchSaves(ana.provider, (saved) => seen.push(saved));
    try {
      await ana.synced();
      proxy.freeze();
      addEntry(ana.doc, ENTRY, 'sent into the void');
      // The server gives up on the silent socket (its heartbeat); nothing came back meanwhile.
      await eventually(() => expect(proxy.openTo('/yjs/')).toBe(0));
      expect(seen).toEqual([false]);
      expect(await storedText(access.docName)).toBe('');

      proxy.thaw();
      await eventually(() => expect(seen).toEqual([false, true]), 10_000);
      expect(await storedText(access.docName)).toBe('sent into the void');
    } finally {
      stop();
      ana.destroy();
      await proxy.close();
    }
  });
});
