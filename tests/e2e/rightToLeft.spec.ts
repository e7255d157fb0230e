import { expect, test } from '@playwright/test';
import { addEntry } from '../../lib/board/schema';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { CreateWorkshopResponse } from '../../lib/protocol';
import { connectBoard } from '../helpers/yjsClient';
import { api, hostSocket, newPhone, seatPhone } from './support';

/**
 * An Arabic workshop on a phone whose browser asks for English: the page speaks the workshop's
 * language, right to left, and an English entry keeps its own direction inside it. The person
 * can switch their own screen to English; the choice stays on the phone, the workshop's
 * exercise content stays as it is.
 */
test('[R51][R53] an Arabic workshop’s phone page is <html lang="ar" dir="rtl">, an English entry renders with dir="auto"', async ({ browser }) => {
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
  await page.getByRole('button', { name: /What I bring/ }).click();
  await expect(page.locator('textarea').first()).toHaveAttribute('dir', 'auto');

  // The person's own choice: English for their screens, kept on this phone; the exercise stays the workshop's.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
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
