import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEntry, setMarker } from '../../lib/board/schema';
import { BLANK_EXERCISES, libraryFor } from '../../lib/catalogue/catalogue';
import type { Exercise } from '../../lib/catalogue/exercise';
import { exportWords } from '../../lib/review/exportWords';
import { privateDocName, type CreateWorkshopResponse } from '../../lib/protocol';
import { ApiClient } from '../helpers/apiClient';
import { connectControl, hostAuth, hostCommand } from '../helpers/controlClient';
import { startTestServer } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

let server: Awaited<ReturnType<typeof startTestServer>>;
let api: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ timing: { hostSnapshotThrottleMs: 20 } });
  api = new ApiClient(server.url);
});
afterAll(() => server.close());

/** Right-to-left text with the spaces and brackets pdfkit used to lose, and a line that mixes both directions. */
const ARABIC = 'الصبر (كثيرًا) والطبخ';
const MIXED = 'I bring قهوة الصباح (every day) to you';
const OWN: Exercise = { ...BLANK_EXERCISES.columns, id: 'my-arabic01', title: 'ما نتقاسمه', prompt: 'اكتبا ما تتقاسمانه.' };

/** An Arabic workshop: one couple writes on the shared board and places a spectrum marker; the workshop ends. */
async function arabicWorkshop() {
  const [bringNeed, spectrum] = libraryFor('ar');
  const created = await api.request<CreateWorkshopResponse>('POST', '/api/workshops', { title: 'أمسية الربيع', agenda: [bringNeed, spectrum, OWN], locale: 'ar' });
  expect(created.status).toBe(201);
  const { code, hostKey } = created.body;
  const { a, b } = await api.coupleInWorkshop(['ليلى', 'Ben'], code);
  const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
  const host = connectControl(server.url, hostAuth(code, hostKey));
  await eventually(() => expect(host.latest.snapshot).not.toBeNull());
  await hostCommand(host.socket, { type: 'goTo', step: 0 });
  const board = connectBoard(meA.board!);
  const boardB = connectBoard(meB.board!);
  await Promise.all([board.synced(), boardB.synced()]);
  // Each partner writes from their own phone: the server refuses words in the other's name ([R44]).
  addEntry(board.doc, { id: 'e1', exercise: bringNeed.id, column: 'bring', author: 'a', createdAt: 1 }, ARABIC);
  addEntry(boardB.doc, { id: 'e2', exercise: bringNeed.id, column: 'bring', author: 'b', createdAt: 2 }, MIXED);
  await hostCommand(host.socket, { type: 'next' });
  const markers = connectBoard({ ...meA.board!, docName: privateDocName(meA.couple!.id, spectrum.id, 'a') });
  await markers.synced();
  setMarker(markers.doc, spectrum.id, 'money', 'a', 1);
  await eventually(() => expect(host.latest.snapshot?.couples[0]?.entriesByItem[bringNeed.id]).toBe(2));
  await hostCommand(host.socket, { type: 'end' });
  board.destroy();
  boardB.destroy();
  markers.destroy();
  host.close();
  return { code, hostKey, reviewUrl: meA.reviewUrl, partnerReviewUrl: meB.reviewUrl };
}

describe('exports in the workshop’s language', () => {
  it('[R61] an Arabic workshop’s Markdown has the Arabic fixed words, a right-to-left scale and Arabic figures', async () => {
    const w = await arabicWorkshop();
    const words = exportWords('ar');
    const md = await (await fetch(`${w.reviewUrl}/export.md`)).text();
    expect(md).toContain('# أمسية الربيع');
    expect(md).toContain(`${words.say('couple', { a: 'ليلى', b: 'Ben' })} · `);
    expect(md).toContain(`- **ليلى:** ${ARABIC}`);
    expect(md).toContain(`- **Ben:** ${MIXED}`);
    expect(md).toContain(`_${words.say('nothingWritten')}_`);
    const [, spectrum] = libraryFor('ar');
    if (spectrum.kind !== 'spectrum') throw new Error('the second library exercise is the spectrum');
    expect(md).toContain(words.say('scale', { stops: spectrum.stops.join(' ← ') }));
    // The percentage as Arabic writes it (Arabic-Indic digits, its own percent sign), not "100%".
    const placed = words.say('placement', { name: 'ليلى', stop: spectrum.stops.at(-1)!, percent: new Intl.NumberFormat('ar', { style: 'percent' }).format(1) });
    expect(md).toContain(placed);
    expect(placed).not.toContain('100%');
    expect(md).toContain('## ما نتقاسمه');
  });

  it('[R61] its PDF reads back Arabic and mixed lines with their spaces and brackets where they were typed', async () => {
    const w = await arabicWorkshop();
    const res = await fetch(`${w.reviewUrl}/export.pdf`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    // The document says its language (read first: the parser takes the bytes over).
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Lang \(ar\)/);
    const lines = (await new PDFParse({ data: bytes }).getText()).text.split('\n').map((l) => l.trim());
    // Each on a line of its own, exactly as typed: right to left with its brackets, and left to right with an Arabic phrase inside.
    expect(lines).toContain(ARABIC);
    expect(lines).toContain(MIXED);
    expect(lines).toContain('أمسية الربيع');
    expect(lines).toContain('ما نتقاسمه');
    expect(lines).toContain('اكتبا ما تتقاسمانه.');
    expect(lines).toContain('ليلى');
  });

  it('[R61] the facilitator’s CSV is UTF-8 with a byte order mark', async () => {
    const w = await arabicWorkshop();
    const res = await fetch(`${server.url}/api/workshops/${w.code}/summary.csv`, { headers: { authorization: `Bearer ${w.hostKey}` } });
    expect(res.headers.get('content-type')).toContain('charset=utf-8');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('kind,name,value')).toBe(true);
    expect(text).toContain('exercise,ما نتقاسمه,,10,');
  });
});
