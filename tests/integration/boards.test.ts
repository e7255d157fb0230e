import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { addEntry, listEntries, readLinks, setLink } from '../../lib/board/schema';
import { CLOSE_CODES } from '../../lib/protocol';
import { serverForFile, withServer } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { boardUrl, closeCodeOf, connectBoard } from '../helpers/yjsClient';

const { api } = await serverForFile();

const entryTexts = (doc: Y.Doc) => listEntries(doc, 'bring-need').map((e) => `${e.author}:${e.column}:${e.text.toString()}`);

describe('couple boards over /yjs', () => {
  it('[R11][R18] two stock providers on the same couple sync entries, typing and links', async () => {
    const { a, b } = await api.coupleInWorkshop();
    const boardA = connectBoard((await api.me(a.token)).board!);
    const boardB = connectBoard((await api.me(b.token)).board!);
    try {
      await Promise.all([boardA.synced(), boardB.synced()]);
      const bring = addEntry(boardB.doc, { id: 'b1', exercise: 'bring-need', column: 'bring', author: 'b', createdAt: 1 });
      bring.insert(0, 'I cook on weekdays');
      const need = addEntry(boardA.doc, { id: 'a1', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 2 });
      need.insert(0, 'Food');
      need.insert(4, ' I do not have to plan');
      await eventually(() => expect(entryTexts(boardA.doc)).toEqual(['b:bring:I cook on weekdays', 'a:need:Food I do not have to plan']));
      await eventually(() => expect(entryTexts(boardB.doc)).toEqual(entryTexts(boardA.doc)));
      setLink(boardA.doc, 'a1', 'b1');
      await eventually(() => expect([...readLinks(boardB.doc)]).toEqual([['a1', 'b1']]));
    } finally {
      boardA.destroy();
      boardB.destroy();
    }
  });

  it('[R16] relays presence (awareness) between partners', async () => {
    const { a, b } = await api.coupleInWorkshop();
    const boardA = connectBoard((await api.me(a.token)).board!);
    const boardB = connectBoard((await api.me(b.token)).board!);
    try {
      boardA.provider.awareness.setLocalStateField('user', { name: 'Ana', seat: 'a' });
      boardA.provider.awareness.setLocalStateField('typing', 'a1');
      await eventually(() => {
        const states = [...boardB.provider.awareness.getStates().values()];
        expect(states).toContainEqual({ user: { name: 'Ana', seat: 'a' }, typing: 'a1' });
      });
      boardA.destroy();
      await eventually(() => expect(boardB.provider.awareness.getStates().has(boardA.doc.clientID)).toBe(false));
    } finally {
      boardB.destroy();
    }
  });

  it('[R10][R11] a token of couple X cannot open couple Y’s board, and learns nothing of it', async () => {
    const x = await api.coupleInWorkshop(['Xena', 'Xavier']);
    const y = await api.coupleInWorkshop(['Yara', 'Yusuf']);
    const boardY = (await api.me(y.a.token)).board!;
    const writer = connectBoard(boardY);
    await writer.synced();
    addEntry(writer.doc, { id: 'secret', exercise: 'bring-need', column: 'need', author: 'a', createdAt: 1 }, 'CANARY-private');
    try {
      const refused = await closeCodeOf(boardUrl({ ...boardY, params: (await api.me(x.a.token)).board!.params }));
      expect(refused.code).toBe(CLOSE_CODES.forbidden);
      expect(refused.messages).toBe(0);
    } finally {
      writer.destroy();
    }
  });

  it('[R10] refuses unknown tickets, missing tickets and malformed doc names with documented codes', async () => {
    const { a } = await api.coupleInWorkshop();
    const board = (await api.me(a.token)).board!;
    const query = new URLSearchParams(board.params);
    expect((await closeCodeOf(boardUrl({ ...board, params: { ticket: 'y'.repeat(43) } }))).code).toBe(CLOSE_CODES.ticketExpired);
    expect((await closeCodeOf(`${board.serverUrl}/${board.docName}`)).code).toBe(CLOSE_CODES.unauthorized);
    expect((await closeCodeOf(`${board.serverUrl}/not-a-board?${query}`)).code).toBe(CLOSE_CODES.badRequest);
    expect((await closeCodeOf(`${board.serverUrl}/board.%E0%A4%A?${query}`)).code).toBe(CLOSE_CODES.badRequest);
  });

  it('[R19][R21] malformed and oversized frames close only that connection; the server stays up', async () => {
    const { a, b } = await api.coupleInWorkshop();
    const board = (await api.me(a.token)).board!;
    const partner = connectBoard((await api.me(b.token)).board!);
    await partner.synced();
    try {
      const garbage = await sendAndClose(boardUrl(board), Uint8Array.from([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]));
      expect(garbage).toBe(CLOSE_CODES.badRequest);
      const unknownType = await sendAndClose(boardUrl(board), Uint8Array.from([9]));
      expect(unknownType).toBe(CLOSE_CODES.badRequest);
      const badUpdate = encoding.createEncoder();
      encoding.writeVarUint(badUpdate, 0);
      encoding.writeVarUint(badUpdate, 2);
      encoding.writeVarUint8Array(badUpdate, Uint8Array.from([5, 200, 1, 3, 7, 9]));
      expect(await sendAndClose(boardUrl(board), encoding.toUint8Array(badUpdate))).toBe(CLOSE_CODES.badRequest);
      const tooBig = await sendAndClose(boardUrl(board), new Uint8Array((1 << 20) + 1));
      expect(tooBig).toBe(CLOSE_CODES.messageTooBig);
      // The partner's connection is untouched and the board still works.
      const after = connectBoard(board);
      await after.synced();
      addEntry(after.doc, { id: 'ok', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'still here');
      await eventually(() => expect(entryTexts(partner.doc)).toEqual(['a:bring:still here']));
      after.destroy();
    } finally {
      partner.destroy();
    }
  });

  it('[R13] unloads a board after its last client leaves and reloads it from the store', async () => {
    await withServer({ timing: { docUnloadDelayMs: 50, compactIdleMs: 20, hostSnapshotThrottleMs: 50 } }, async ({ server: quick, api: client }) => {
      const { a, b } = await client.coupleInWorkshop();
      const first = connectBoard((await client.me(a.token)).board!);
      const watcher = connectBoard((await client.me(b.token)).board!);
      await Promise.all([first.synced(), watcher.synced()]);
      addEntry(first.doc, { id: 'e1', exercise: 'bring-need', column: 'bring', author: 'a', createdAt: 1 }, 'steadiness');
      expect(quick.boards.liveCount).toBe(1);
      // Relayed to the partner means stored first.
      await eventually(() => expect(entryTexts(watcher.doc)).toEqual(['a:bring:steadiness']));
      first.destroy();
      watcher.destroy();
      await eventually(() => expect(quick.boards.liveCount).toBe(0));
      const second = connectBoard((await client.me(b.token)).board!);
      await eventually(() => expect(entryTexts(second.doc)).toEqual(['a:bring:steadiness']));
      second.destroy();
    });
  });
});

/** Opens a board socket, waits for the server's first message, sends `frame`, resolves with the close code. */
function sendAndClose(url: string, frame: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('message', () => ws.send(frame));
    ws.on('close', (code) => resolve(code));
    ws.on('error', (err) => (err.message.includes('1009') ? undefined : reject(err)));
  });
}
