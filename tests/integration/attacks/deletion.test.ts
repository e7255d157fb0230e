import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardDocName, CLOSE_CODES, type MeResponse } from '../../../lib/protocol';
import { openSqliteStore } from '../../../server/store/sqliteStore';
import { RoomEvents } from '../../../server/workshop/roomEvents';
import { WorkshopService } from '../../../server/workshop/seating';
import { buildAgenda } from '../../../lib/catalogue/agenda';
import { ApiClient } from '../../helpers/apiClient';
import { connectControl, participantAuth } from '../../helpers/controlClient';
import { startTestServer, tempDataDir } from '../../helpers/server';
import { eventually } from '../../helpers/wait';
import { boardUrl, closeCodeOf } from '../../helpers/yjsClient';

/** Deleting a board leaves nothing of its couple behind: not the words, not the names, not a credential ([R35]). */

const filesContain = (dir: string, needle: string) => fs.readdirSync(dir).some((name) => fs.readFileSync(path.join(dir, name)).includes(Buffer.from(needle)));
const secretOf = (me: MeResponse) => me.reviewUrl.split('/review/')[1];

describe('attack: what a deleted board leaves behind', () => {
  it('[R35] deleting the board through a review link deletes both partners’ names and tokens: no credential of theirs opens anything', async () => {
    const s = await startTestServer();
    const api = new ApiClient(s.url);
    try {
      const NAMES = ['Zorbalina', 'Quixottavio'] as const;
      const { a, b } = await api.coupleInWorkshop([...NAMES]);
      const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
      const phoneB = connectControl(s.url, participantAuth(b.token));
      await eventually(() => expect(phoneB.latest.self?.name).toBe(NAMES[1]));
      for (const name of NAMES) expect(filesContain(s.dataDir, name)).toBe(true); // the check below can fail

      expect((await api.request('DELETE', `/api/review/${secretOf(meA)}`, { confirm: true })).status).toBe(200);
      // B's phone is told why, then let go: its token is dead.
      await eventually(() => expect(phoneB.latest.removed).toBe('deleted'));
      await eventually(() => expect(phoneB.socket.connected).toBe(false));

      for (const { token } of [a, b]) {
        expect((await api.request('GET', '/api/me', undefined, token)).status).toBe(401);
        expect((await api.request('POST', '/api/me/board-ticket', undefined, token)).status).toBe(401);
        const again = connectControl(s.url, participantAuth(token));
        expect(await new Promise((resolve) => again.socket.once('connect_error', (err) => resolve(err.message)))).toBe('unauthorized');
        again.close();
      }
      // Tickets handed out before the deletion are still inside their minute: they open nothing either.
      for (const me of [meA, meB]) expect((await closeCodeOf(boardUrl(me.board!))).code).toBe(CLOSE_CODES.unauthorized);
      expect((await api.request('GET', `/api/review/${secretOf(meB)}`)).status).toBe(404);
      phoneB.close();
      for (const name of NAMES) expect(filesContain(s.dataDir, name)).toBe(false);
    } finally {
      await s.close();
    }
  });

  it('[R35] the facilitator removes the last member of a couple: an edit that lands while its boards close is deleted too', async () => {
    const dir = tempDataDir();
    const store = openSqliteStore(dir);
    let boardWrites = 0;
    // The boards of the couple, as a live server has them: an update is stored while they are being closed.
    const boards = {
      async discardCouple(coupleId: string) {
        await store.appendUpdate(boardDocName(coupleId), Y.encodeStateAsUpdate(new Y.Doc()));
        boardWrites++;
        return 1;
      },
    };
    const workshops = new WorkshopService(store, new RoomEvents(), boards);
    try {
      const { workshop } = await workshops.createWorkshop('Removal', buildAgenda(), 30);
      const { participant } = await workshops.join(workshop.code, 'Ana');
      const seat = await workshops.startCouple(participant);
      if (!seat.ok) throw new Error('no seat');
      expect(await workshops.removeParticipant(workshop.code, participant.id)).toBe(true);
      expect(boardWrites).toBe(1);
      expect((await store.loadDoc(boardDocName(seat.couple.id))).updates).toEqual([]);
      expect(await store.getCouple(seat.couple.id)).toBeNull();
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
