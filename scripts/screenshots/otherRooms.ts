import { expect } from '@playwright/test';
import { addEntry } from '../../lib/board/schema';
import { libraryFor } from '../../lib/catalogue/catalogue';
import { seatPhone } from '../../tests/e2e/support';
import { apiOf, command, entryShown, hostControl, openBoard, participantSocket, pathOf, phone, screen, scrollTo, shot, type Room } from './room';

/** An Arabic workshop on a phone: right to left, with an English entry among the Arabic ones. */
export async function arabicBoard(room: Room): Promise<void> {
  const api = apiOf(room);
  const [bringNeed] = libraryFor('ar');
  const workshop = await api.createWorkshop('أمسية الربيع', undefined, 'ar');
  const { a, b } = await api.coupleInWorkshop(['ليلى', 'سامي'], workshop.code);
  const host = await hostControl(room, workshop.code, workshop.hostKey);
  const partner = await participantSocket(room, b.token);
  const boards = { a: await openBoard(room, a.token), b: await openBoard(room, b.token) };
  const layla = await phone(room, 'ar');
  try {
    await command(host, { type: 'goTo', step: 0 });
    const entries: [string, 'a' | 'b', string, string][] = [
      ['l1', 'a', 'bring', 'ألاحظ حين تتعب فأعدّ لك الشاي'],
      ['l2', 'a', 'bring', 'الصبر على الأوراق والفواتير'],
      ['s1', 'b', 'bring', 'Calm mornings (and coffee)'],
      ['s2', 'b', 'bring', 'نزهة يوم الأحد'],
    ];
    for (const [id, author, column, text] of entries) addEntry(boards[author].doc, { id, exercise: bringNeed.id, column, author, createdAt: Date.now() }, text);
    await seatPhone(layla.page, workshop.code, a.token);
    await layla.page.goto(`/w/${workshop.code}`);
    await expect(layla.page.locator('html')).toHaveAttribute('dir', 'rtl');
    for (const [, author, , text] of entries) {
      // Her own entries are in fields she can edit; her partner's are text.
      if (author === 'a') await expect.poll(() => layla.page.getByRole('textbox').evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))).toContain(text);
      else await entryShown(layla.page, text);
    }
    await expect(layla.page.getByText('تم الحفظ', { exact: true })).toBeVisible();
    // Down to where her own entries end and Sami's begin, the English one among them.
    await scrollTo(layla.page.getByText('Calm mornings (and coffee)', { exact: true }), 520);
    await shot(room, layla.page, 'board-ar', { scrolled: true });
  } finally {
    await layla.context.close();
    boards.a.close();
    boards.b.close();
    partner.close();
    host.close();
  }
}

/** A German workshop's console on a laptop whose browser speaks German. */
export async function germanConsole(room: Room): Promise<void> {
  const api = apiOf(room);
  const [bringNeed] = libraryFor('de');
  const workshop = await api.createWorkshop('Frühlingsabend für Paare', undefined, 'de');
  const couples = [await api.coupleInWorkshop(['Jana', 'Lukas'], workshop.code), await api.coupleInWorkshop(['Mia', 'Felix'], workshop.code), await api.coupleInWorkshop(['Lena', 'Jonas'], workshop.code)];
  const host = await hostControl(room, workshop.code, workshop.hostKey);
  const sockets = await Promise.all(couples.slice(0, 2).flatMap((c) => [c.a.token, c.b.token]).map((t) => participantSocket(room, t)));
  sockets.push(await participantSocket(room, couples[2].a.token));
  const boards = await Promise.all([couples[0].a.token, couples[0].b.token, couples[1].a.token].map((t) => openBoard(room, t)));
  const desk = await screen(room, { width: 1366, height: 768 }, 'de');
  try {
    await command(host, { type: 'goTo', step: 0 });
    await command(host, { type: 'timerStart', seconds: bringNeed.minutes * 60 });
    const words = ['Ich merke, wenn du müde bist, und koche Tee', 'Geduld mit Formularen', 'Ruhige Sonntagmorgen'];
    words.forEach((text, i) => addEntry(boards[i === 1 ? 1 : 0].doc, { id: `j${i}`, exercise: bringNeed.id, column: i === 2 ? 'need' : 'bring', author: i === 1 ? 'b' : 'a', createdAt: Date.now() }, text));
    addEntry(boards[2].doc, { id: 'm1', exercise: bringNeed.id, column: 'bring', author: 'a', createdAt: Date.now() }, 'Ich höre zu, ohne gleich Lösungen zu suchen');
    await desk.page.goto(pathOf(workshop.hostUrl));
    await expect(desk.page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(desk.page.getByRole('heading', { level: 1, name: 'Frühlingsabend für Paare' })).toBeVisible();
    await expect(desk.page.getByRole('row').filter({ hasText: 'Jana' }).getByText(/3 Einträge/).first()).toBeVisible();
    await shot(room, desk.page, 'console-de');
  } finally {
    await desk.context.close();
    boards.forEach((b) => b.close());
    sockets.forEach((s) => s.close());
    host.close();
  }
}
