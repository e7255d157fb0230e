import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ENTRIES_KEY, LINKS_KEY } from '../../lib/board/schema';
import { addEntry, listEntries, readLinks, setLink } from '../../lib/board/schema';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth } from '../helpers/controlClient';
import { startTestServer, tempDataDir } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

describe('[R14] restart', () => {
  it('keeps workshops, seats, couples and boards exactly as they were', async () => {
    const dataDir = tempDataDir();
    const first = await startTestServer({ dataDir });
    const api1 = new ApiClient(first.url);
    const { workshop, code, a, b, couple } = await api1.coupleInWorkshop(['Ana', 'Ben']);
    const boardA = connectBoard((await api1.me(a.token)).board!);
    const boardB = connectBoard((await api1.me(b.token)).board!);
    await Promise.all([boardA.synced(), boardB.synced()]);
    addEntry(boardA.doc, { id: 'n1', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 }, 'Quiet Sunday mornings');
    addEntry(boardB.doc, { id: 'b1', exercise: 'bring-need', column: 'bring', author: 'b', createdAt: 2 }, 'I make breakfast');
    setLink(boardA.doc, 'n1', 'b1');
    await eventually(() => expect(readLinks(boardB.doc).get('n1')).toBe('b1'));
    await eventually(() => expect(listEntries(boardA.doc, 'bring-need')).toHaveLength(2));
    const before = boardJson(boardA.doc);
    boardA.destroy();
    boardB.destroy();
    await first.close();

    const second = await startTestServer({ dataDir });
    const api2 = new ApiClient(second.url);
    try {
      const meA = await api2.me(a.token);
      const meB = await api2.me(b.token);
      expect(meA.couple).toMatchObject({ id: couple.coupleId, pairCode: couple.pairCode, partner: { name: 'Ben', seat: 'b' } });
      expect(meB.participant).toMatchObject({ name: 'Ben', seat: 'b' });
      const reopened = connectBoard(meB.board!);
      await reopened.synced();
      expect(boardJson(reopened.doc)).toEqual(before);
      expect(JSON.stringify(before)).toContain("Quiet Sunday mornings");
      expect(readLinks(reopened.doc).get('n1')).toBe('b1');
      reopened.destroy();
      const host = connectControl(second.url, hostAuth(code, workshop!.hostKey));
      await eventually(() => expect(host.latest.snapshot?.couples[0]?.entryCount).toBe(2));
      host.close();
    } finally {
      await second.close();
    }
  });
});

/** Top-level Yjs types exist on a replica only once asked for by name, so name them. */
const boardJson = (doc: Y.Doc) => ({ entries: doc.getMap(ENTRIES_KEY).toJSON(), links: doc.getMap(LINKS_KEY).toJSON() });
