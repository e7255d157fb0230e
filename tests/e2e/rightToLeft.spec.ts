import { expect, test } from '@playwright/test';
import { addEntry } from '../../lib/board/schema';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { CreateWorkshopResponse } from '../../lib/protocol';
import { connectBoard } from '../helpers/yjsClient';
import ar from '../../messages/ar.json' with { type: 'json' };
import { api, hostSocket, newPhone, seatPhone } from './support';

/**
 * An Arabic workshop on a phone whose browser asks for English: the page speaks the workshop's
 * language, right to left, and an English entry keeps its own direction inside it. The person
 * can switch their own screen to English; the choice stays on the phone, the workshop's
 * exercise content stays as it is.
 */
test('[R58][R60] an Arabic workshop’s phone page is <html lang="ar" dir="rtl">, an English entry renders with dir="auto"', async ({ browser }) => {
  const client = api();
  const [bringNeed] = libraryFor('ar');
  const created = await client.request<CreateWorkshopResponse>('POST', '/api/workshops', { title: 'أمسية الربيع', agenda: [bringNeed], locale: 'ar' });
  expect(created.status).toBe(201);
  const { code, hostKey } = created.body;
  const { a, b } = await client.coupleInWorkshop(['ليلى', 'Ben'], code);
  const host = hostSocket(code, hostKey);
  await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 });
  const board = connectBoard((await client.me(b.token)).board!);
  await board.synced();
  const ENGLISH = 'We cook together (on Sundays)';
  addEntry(board.doc, { id: 'en1', exercise: bringNeed.id, column: 'bring', author: 'b', createdAt: 1 }, ENGLISH);

  const { context, page } = await newPhone(browser);
  await seatPhone(page, code, a.token);
  await page.goto(`/w/${code}`);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'ar');
  await expect(html).toHaveAttribute('dir', 'rtl');
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');

  const entry = page.locator('blockquote').filter({ hasText: ENGLISH });
  await expect(entry).toBeVisible();
  await expect(entry).toHaveAttribute('dir', 'auto');
  // Resolved by its own first strong letter: English reads left to right on the right-to-left page.
  expect(await entry.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  // The partner's name sits isolated in the line above it.
  await expect(page.locator('bdi', { hasText: 'Ben' }).first()).toBeVisible();
  // What this phone writes takes the direction of what is typed, too.
  // Located by the Arabic words the phone shows: the column's label from the workshop's library.
  const bringLabel = bringNeed.kind === 'columns' ? bringNeed.columns[0].label : '';
  await page.getByRole('button', { name: new RegExp(bringLabel) }).click();
  const mine = page.locator('textarea').first();
  await expect(mine).toHaveAttribute('dir', 'auto');
  // Empty, it has no words to take a direction from: it follows the page (placeholder and caret at the right), then what is typed.
  const direction = () => mine.evaluate((el) => getComputedStyle(el).direction);
  expect(await direction()).toBe('rtl');
  await mine.pressSequentially('Tea', { delay: 5 });
  expect(await direction()).toBe('ltr');
  await mine.fill('');
  expect(await direction()).toBe('rtl');

  // The person's own choice: English for their screens, kept on this phone; the exercise stays the workshop's.
  await page.getByRole('combobox', { name: ar.common.language }).selectOption('en');
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(html).toHaveAttribute('dir', 'ltr');
  expect(await page.evaluate(() => window.localStorage.getItem('twofold:locale:room'))).toBe('en');
  await expect(page.locator('bdi', { hasText: bringNeed.title })).toBeVisible();

  board.destroy();
  host.close();
  await context.close();
});

test('[R60] an empty name field on an Arabic join page waits at the right, then takes the direction of the name typed', async ({ browser }) => {
  const created = await api().request<CreateWorkshopResponse>('POST', '/api/workshops', { title: 'أمسية الربيع', locale: 'ar' });
  const { context, page } = await newPhone(browser);
  await page.goto(`/join/${created.body.code}`);
  const name = page.getByLabel(ar.join.nameLabel);
  const direction = () => name.evaluate((el) => getComputedStyle(el).direction);
  await expect(name).toBeVisible();
  expect(await direction()).toBe('rtl');
  await name.fill('Emma');
  await expect.poll(direction).toBe('ltr');
  await name.fill('');
  await expect.poll(direction).toBe('rtl');
  await name.fill('ليلى');
  await expect.poll(direction).toBe('rtl');
  await context.close();
});

test('[R58] the server renders each page in its language: the workshop’s on the room’s pages, the person’s cookie first, the facilitator’s own on the console', async ({ request }) => {
  const client = api();
  const created = await client.request<CreateWorkshopResponse>('POST', '/api/workshops', { title: 'Frühlingsabend', locale: 'de' });
  const { code } = created.body;
  const htmlOf = async (path: string, headers: Record<string, string> = {}) => {
    const page = await (await request.get(path, { headers: { 'accept-language': 'fr-FR,fr;q=0.9', ...headers } })).text();
    return /<html[^>]*>/.exec(page)?.[0] ?? '';
  };
  for (const room of [`/join/${code}`, `/w/${code}`, `/present/${code}`, `/join/${code.toLowerCase()}`]) {
    expect(await htmlOf(room), room).toMatch(/lang="de" dir="ltr"/);
  }
  // A header of the server's own name sent by a client changes nothing; a choice kept in the cookie does.
  expect(await htmlOf(`/join/${code}`, { 'x-twofold-locale': 'ar' })).toMatch(/lang="de"/);
  expect(await htmlOf(`/join/${code}`, { cookie: 'twofold-locale-room=ar' })).toMatch(/lang="ar" dir="rtl"/);
  // The facilitator's pages follow the facilitator (here: the browser's French), not the workshop.
  expect(await htmlOf(`/host/${code}`)).toMatch(/lang="fr" dir="ltr"/);
  expect(await htmlOf('/host/new', { cookie: 'twofold-locale-host=es; twofold-locale-room=ar' })).toMatch(/lang="es"/);
  expect(await htmlOf('/')).toMatch(/lang="fr"/);
  // Join links and QR codes stay as short as they were: no locale in the address.
  expect(created.body.joinUrl).toMatch(new RegExp(`/join/${code}$`));
});
