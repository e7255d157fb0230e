import fs from 'node:fs';
import path from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { addEntry, answerText, setLink, setMarker } from '../../lib/board/schema';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { CLOSE_CODES, privateDocName, type BoardAccess, type MeResponse } from '../../lib/protocol';
import type { ReviewData } from '../../lib/review/reviewData';
import type { WorkshopSummary } from '../../lib/summary';
import { connectControl, hostAuth, hostCommand, participantAuth } from '../helpers/controlClient';
import { serverForFile, withServer } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

/** A clock the test moves: retention is days long. */
let clock = Date.UTC(2026, 10, 29, 18, 0);

const { server, api } = await serverForFile({ now: () => clock, timing: { hostSnapshotThrottleMs: 20 } });

const AGENDA = [BRING_NEED, SPECTRUM, SUPPORT];
const UNICODE = 'Élodie’s café, Ωμέγα, Привет, שלום, ☕';
const secretOf = (me: MeResponse) => me.reviewUrl.split('/review/')[1];
/** A board ticket lives a minute of the server's clock, which this test moves on by many: each connection takes a fresh one. */
const privateAccess = async (board: BoardAccess, coupleId: string, item: string, seat: 'a' | 'b', token: string): Promise<BoardAccess> => ({
  ...board,
  docName: privateDocName(coupleId, item, seat),
  params: (await api.boardTicket(token)).params,
});

/** A scripted workshop: two couples write, one private exercise is revealed for couple 1 only, then it ends. */
async function scriptedWorkshop() {
  const workshop = await api.createWorkshop('Winter evening', AGENDA);
  const c1 = await api.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await api.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
  const host = connectControl(server.url, hostAuth(workshop.code, workshop.hostKey));
  const phones = [c1.a, c1.b].map((p) => connectControl(server.url, participantAuth(p.token)));
  const [meA, meB, meC] = await Promise.all([c1.a, c1.b, c2.a].map((p) => api.me(p.token)));
  const coupleId = meA.couple!.id;
  await eventually(() => expect(host.latest.snapshot).not.toBeNull());

  await hostCommand(host.socket, { type: 'goTo', step: 0 });
  const shared = connectBoard(meA.board!);
  const sharedB = connectBoard(meB.board!);
  const other = connectBoard(meC.board!);
  await Promise.all([shared.synced(), sharedB.synced(), other.synced()]);
  // Each partner writes their own entries: the server refuses words in the other's name ([R44]).
  addEntry(sharedB.doc, { id: 'b1', exercise: BRING_NEED.id, column: 'bring', author: 'b', createdAt: 1 }, 'Sunday pancakes');
  addEntry(shared.doc, { id: 'n1', exercise: BRING_NEED.id, column: 'need', author: 'a', createdAt: 2 }, UNICODE);
  setLink(shared.doc, 'n1', 'b1');
  addEntry(other.doc, { id: 'x1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 3 }, 'OTHER-COUPLE-ONLY');
  // Both boards are stored (counted from the store) before anything is checked not to show them.
  const counts = () => Object.fromEntries(host.latest.snapshot?.couples.map((c) => [c.id, c.entryCount]) ?? []);
  await eventually(() => expect(counts()).toEqual({ [coupleId]: 2, [meC.couple!.id]: 1 }));
  clock += 10 * 60_000;

  await hostCommand(host.socket, { type: 'next' });
  const spectrumA = connectBoard(await privateAccess(meA.board!, coupleId, SPECTRUM.id, 'a', c1.a.token));
  await spectrumA.synced();
  setMarker(spectrumA.doc, SPECTRUM.id, 'money', 'a', 1);
  clock += 5 * 60_000;

  await hostCommand(host.socket, { type: 'next' });
  const supportA = connectBoard(await privateAccess(meA.board!, coupleId, SUPPORT.id, 'a', c1.a.token));
  const supportB = connectBoard(await privateAccess(meB.board!, coupleId, SUPPORT.id, 'b', c1.b.token));
  await Promise.all([supportA.synced(), supportB.synced()]);
  answerText(supportA.doc, SUPPORT.id, 'hard-to-ask', 'a', 4).insert(0, 'Help with my mother');
  answerText(supportB.doc, SUPPORT.id, 'hard-to-ask', 'b', 5).insert(0, 'Time alone');
  for (const phone of phones) await phone.socket.timeout(5_000).emitWithAck('ready', { ready: true });
  await eventually(() => expect(host.latest.snapshot?.couples.find((c) => c.id === coupleId)?.current).toMatchObject({ entries: 2, revealed: true }));
  clock += 7 * 60_000;
  await hostCommand(host.socket, { type: 'end' });

  for (const d of [shared, sharedB, other, spectrumA, supportA, supportB]) d.destroy();
  for (const p of phones) p.close();
  host.close();
  return { workshop, c1, c2, meA, meB, meC, coupleId };
}

describe('afterwards', () => {
  it('[R32] each partner’s review link shows the couple’s whole board after the end; others and wrong secrets are 404', async () => {
    const w = await scriptedWorkshop();
    const res = await api.request<ReviewData>('GET', `/api/review/${secretOf(w.meA)}`);
    expect(res.status).toBe(200);
    const review = res.body;
    expect(review.workshop.title).toBe('Winter evening');
    expect(review.people).toEqual([{ name: 'Ana', seat: 'a' }, { name: 'Ben', seat: 'b' }]);
    expect(review.exercises.map((e) => e.key)).toEqual(['bring-need', 'spectrum', 'support']);
    const bringNeed = review.exercises[0];
    expect(bringNeed.kind === 'columns' && bringNeed.columns.map((c) => c.entries.map((e) => [e.author, e.text, e.metBy]))).toEqual([
      [['b', 'Sunday pancakes', undefined]],
      [['a', UNICODE, 'Sunday pancakes']],
    ]);
    const support = review.exercises[2];
    expect(support.revealed).toBe(true);
    expect(support.kind === 'prompts' && support.questions[1].answers.map((a) => a.text)).toEqual(['Help with my mother', 'Time alone']);
    expect(JSON.stringify(review)).not.toContain('OTHER-COUPLE-ONLY');

    // The spectrum was never revealed to this couple: Ben's link does not show Ana's marker.
    const bens = (await api.request<ReviewData>('GET', `/api/review/${secretOf(w.meB)}`)).body;
    const spectrum = bens.exercises[1];
    expect(spectrum.revealed).toBe(false);
    expect(spectrum.kind === 'spectrum' && spectrum.areas[0].markers).toEqual([]);
    const anas = review.exercises[1];
    expect(anas.kind === 'spectrum' && anas.areas[0].markers).toEqual([{ seat: 'a', position: 1 }]);

    const cleos = (await api.request<ReviewData>('GET', `/api/review/${secretOf(w.meC)}`)).body;
    expect(JSON.stringify(cleos)).toContain('OTHER-COUPLE-ONLY');
    expect(JSON.stringify(cleos)).not.toContain('Sunday pancakes');

    expect((await api.request('GET', `/api/review/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await api.request('GET', `/review/${'x'.repeat(43)}/export.md`)).status).toBe(404);
    expect((await api.request('GET', '/api/review/short')).status).toBe(404);
  });

  it('[R33] exports: Markdown with the words as written, and a PDF whose text reads back, Unicode included', async () => {
    const w = await scriptedWorkshop();
    const md = await fetch(`${w.meA.reviewUrl}/export.md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(md.headers.get('content-disposition')).toContain('attachment');
    const text = await md.text();
    expect(text).toContain('# Winter evening');
    expect(text).toContain('## What I bring / What I need');
    expect(text).toContain('**Ben:** Sunday pancakes');
    expect(text).toContain('Élodie’s café, Ωμέγα, Привет, שלום, ☕');
    expect(text).toContain('met by: Sunday pancakes');
    expect(text).toContain('### What is hard for me to ask for');

    const pdf = await fetch(`${w.meA.reviewUrl}/export.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const parsed = await new PDFParse({ data: bytes }).getText();
    const flat = parsed.text.replace(/\s+/g, ' ');
    for (const expected of ['Winter evening', 'Ana & Ben', 'Sunday pancakes', 'Élodie’s café', 'Ωμέγα', 'Привет', 'Help with my mother', 'Interdependence']) {
      expect(flat).toContain(expected);
    }
    expect(flat).not.toContain('OTHER-COUPLE-ONLY');
  });

  it('[R34] the facilitator’s summary: attendance, planned and actual minutes, completion; CSV of the same', async () => {
    const w = await scriptedWorkshop();
    expect((await api.request('GET', `/api/workshops/${w.workshop.code}/summary`)).status).toBe(401);
    const res = await api.request<WorkshopSummary>('GET', `/api/workshops/${w.workshop.code}/summary`, undefined, w.workshop.hostKey);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.attendance).toEqual({ couples: 2, partnersJoined: 4, participants: 4, peakOnline: 2 });
    expect(s.exercises.map((e) => [e.key, e.plannedMinutes, e.actualMinutes, e.couplesWrote, e.couplesBothReady])).toEqual([
      ['bring-need', 12, 10, 2, 0],
      ['spectrum', 8, 5, 1, 0],
      ['support', 10, 7, 1, 1],
    ]);
    expect(JSON.stringify(s)).not.toContain('Sunday pancakes');
    const raw = await fetch(`${server.url}/api/workshops/${w.workshop.code}/summary.csv`, { headers: { authorization: `Bearer ${w.workshop.hostKey}` } });
    const lines = (await raw.text()).trim().split('\r\n');
    expect(lines[0]).toBe('kind,name,value,planned_minutes,actual_minutes,couples_wrote,couples_both_ready');
    expect(lines).toContain('attendance,couples,2,,,,');
    expect(lines).toContain('exercise,What I bring / What I need,,12,10,2,0');
    expect(lines).toContain('exercise,Supporting and being supported,,10,7,1,1');
  });
});

describe('deletion', () => {
  it('[R35] a partner deletes the couple’s board: the other phone is told, links die, the canary is nowhere on disk', async () => {
    await withServer({}, async ({ server: dedicated, api: client }) => {
      const CANARY = 'CANARY-7c1e-delete-me-completely';
      const { a, b } = await client.coupleInWorkshop();
      const [meA, meB] = await Promise.all([client.me(a.token), client.me(b.token)]);
      const phoneB = connectControl(dedicated.url, participantAuth(b.token));
      const board = connectBoard(meA.board!);
      await board.synced();
      addEntry(board.doc, { id: 'c', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, CANARY);
      const watcher = connectBoard(meB.board!);
      await eventually(() => expect(JSON.stringify(watcher.doc.getMap('entries').toJSON())).toContain(CANARY));
      expect(filesContain(dedicated.dataDir, CANARY)).toBe(true); // the check below can fail

      const closed = new Promise<number>((resolve) => watcher.provider.once('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
      expect((await client.request('DELETE', `/api/review/${secretOf(meA)}`, {})).status).toBe(400); // needs {"confirm": true}
      expect((await client.request('DELETE', `/api/review/${secretOf(meA)}`, { confirm: true })).status).toBe(200);
      expect(await closed).toBe(CLOSE_CODES.notFound);
      await eventually(() => expect(phoneB.latest.removed).toBe('deleted'));
      expect((await client.request('GET', `/api/review/${secretOf(meB)}`)).status).toBe(404);
      // The partners' names and tokens went with the board.
      expect((await client.request('GET', '/api/me', undefined, b.token)).status).toBe(401);
      expect((await client.request('GET', '/api/me', undefined, a.token)).status).toBe(401);
      board.destroy();
      watcher.destroy();
      phoneB.close();
      expect(filesContain(dedicated.dataDir, CANARY)).toBe(false);
    });
  });

  it('[R35] the facilitator deletes the whole workshop: every token, link and byte of it is gone', async () => {
    await withServer({}, async ({ server: dedicated, api: client }) => {
      const CANARY = 'CANARY-2b9f-workshop-delete';
      const workshop = await client.createWorkshop('Gone soon');
      const { a } = await client.coupleInWorkshop(['Eve', 'Finn'], workshop.code);
      const me = await client.me(a.token);
      const board = connectBoard(me.board!);
      await board.synced();
      addEntry(board.doc, { id: 'c', exercise: BRING_NEED.id, column: 'need', author: 'a', createdAt: 1 }, CANARY);
      await eventually(() => expect(filesContain(dedicated.dataDir, CANARY)).toBe(true));
      const phone = connectControl(dedicated.url, participantAuth(a.token));
      await eventually(() => expect(phone.latest.self).not.toBeNull());
      expect((await client.request('DELETE', `/api/workshops/${workshop.code}`, undefined, a.token)).status).toBe(401);
      expect((await client.request('DELETE', `/api/workshops/${workshop.code}`, undefined, workshop.hostKey)).status).toBe(200);
      await eventually(() => expect(phone.latest.removed).toBe('deleted'));
      expect((await client.request('GET', '/api/me', undefined, a.token)).status).toBe(401);
      expect((await client.request('GET', `/api/workshops/${workshop.code}`)).status).toBe(404);
      expect((await client.request('GET', `/api/review/${secretOf(me)}`)).status).toBe(404);
      board.destroy();
      phone.close();
      expect(filesContain(dedicated.dataDir, CANARY)).toBe(false);
    });
  });

  it('[R36] retention: a workshop is deleted when its days after the end have passed, not before', async () => {
    let now = Date.UTC(2026, 0, 1);
    await withServer({ now: () => now }, async ({ server: dedicated, api: client }) => {
      const week = await client.request<{ code: string; hostKey: string }>('POST', '/api/workshops', { title: 'Kept a week', retentionDays: 7 });
      const month = await client.createWorkshop('Kept a month');
      expect((await client.request('POST', '/api/workshops', { title: 'x', retentionDays: 2 })).status).toBe(400);
      expect((await client.request<{ retentionDays: number }>('GET', `/api/workshops/${month.code}`)).body.retentionDays).toBe(30);
      const { a } = await client.coupleInWorkshop(['Gus', 'Hal'], week.body.code);
      const host = connectControl(dedicated.url, hostAuth(week.body.code, week.body.hostKey));
      await hostCommand(host.socket, { type: 'end' });
      host.close();

      now += 7 * 86_400_000 - 1;
      expect(await dedicated.sweep()).toEqual([]);
      now += 2;
      expect(await dedicated.sweep()).toEqual([week.body.code]);
      expect((await client.request('GET', '/api/me', undefined, a.token)).status).toBe(401);
      // Never ended: counted as ended a day after creation, then its 30 days.
      now = Date.UTC(2026, 0, 1) + 31 * 86_400_000 + 1;
      expect(await dedicated.sweep()).toEqual([month.code]);
    });
  });
});

/** Looks for a string in every file of the data folder (database, WAL, shared memory). */
function filesContain(dir: string, needle: string): boolean {
  return fs.readdirSync(dir).some((name) => fs.readFileSync(path.join(dir, name)).includes(Buffer.from(needle)));
}
