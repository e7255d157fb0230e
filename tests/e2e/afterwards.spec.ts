import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { PDFParse } from 'pdf-parse';
import { addEntry } from '../../lib/board/schema';
import { BRING_NEED } from '../../lib/catalogue/catalogue';
import { connectBoard } from '../helpers/yjsClient';
import { catalogueText } from './catalogueText';
import { api, hostSocket, newPhone, seatPhone } from './support';

/**
 * After the room empties: the facilitator ends the workshop, a partner's phone
 * offers "Keep your board", the review link opens the couple's whole board,
 * and both take-home files download with the words as written.
 */
test('[R32][R33][R107] end a workshop, open the review link on a phone, download Markdown and PDF (read back page by page)', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Autumn evening', [BRING_NEED]);
  const { code, a, b } = await client.coupleInWorkshop(['Zoë', 'Ben'], workshop.code);
  const host = hostSocket(code, workshop.hostKey);
  await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 });
  const board = connectBoard((await client.me(b.token)).board!);
  await board.synced();
  addEntry(board.doc, { id: 'w1', exercise: BRING_NEED.id, column: 'bring', author: 'b', createdAt: 1 }, 'Café au lait every Sunday — Ωραία');
  // Enough words for a PDF of several pages, so its page breaks and footers are read back too.
  for (let i = 2; i <= 60; i++) addEntry(board.doc, { id: `w${i}`, exercise: BRING_NEED.id, column: i % 2 ? 'bring' : 'need', author: 'b', createdAt: i }, `Evening ${i}: a slow walk after dinner, and time to talk about the week without our phones.`);

  const { page } = await newPhone(browser);
  await seatPhone(page, code, a.token);
  await page.goto(`/w/${code}`);
  await expect(page.getByLabel("Ben's entry").filter({ hasText: 'Café au lait' })).toBeVisible();
  await host.timeout(5_000).emitWithAck('host:command', { type: 'end' });

  await expect(page.getByRole('heading', { name: 'Keep your board' })).toBeVisible();
  await page.getByRole('link', { name: 'Open your board' }).click();
  await expect(page.getByRole('heading', { name: 'Autumn evening' })).toBeVisible();
  await expect(page.getByText('Café au lait every Sunday — Ωραία')).toBeVisible();

  const [markdown] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Markdown' }).click()]);
  const md = fs.readFileSync(await markdown.path(), 'utf8');
  expect(md).toContain('# Autumn evening');
  expect(md).toContain('**Ben:** Café au lait every Sunday — Ωραία');

  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  const parsed = await new PDFParse({ data: new Uint8Array(fs.readFileSync(await pdf.path())) }).getText();
  const text = parsed.text.replace(/\s+/g, ' ');
  expect(text).toContain('Autumn evening');
  expect(text).toContain('Café au lait every Sunday — Ωραία');
  expect(text).toContain('Evening 60:');
  // Every page holds words besides its footer, and the footer says which page of how many.
  expect(parsed.pages.length).toBeGreaterThanOrEqual(2);
  parsed.pages.forEach((p, i) => {
    const lines = p.text.split('\n').map((l) => l.trim()).filter(Boolean);
    const footer = catalogueText('en')('export.page', { page: i + 1, pages: parsed.pages.length });
    expect(lines, `page ${i + 1}`).toContain(footer);
    expect(lines.filter((l) => l !== footer).length, `page ${i + 1} has content`).toBeGreaterThan(0);
  });

  board.destroy();
  host.close();
});

test('[R35] the partner deletes the board: this phone says so and starts over with a name, its old seat gone', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Deleted evening', [BRING_NEED]);
  const { code, a, b } = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const { page } = await newPhone(browser);
  await seatPhone(page, code, b.token);
  await page.goto(`/w/${code}`);
  await expect(page.getByText(/Ana/).first()).toBeVisible();
  // Live on both sockets (the status line says Saved only then): a phone away at the deletion can only learn its token is gone.
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();

  const secret = (await client.me(a.token)).reviewUrl.split('/review/')[1];
  expect((await client.request('DELETE', `/api/review/${secret}`, { confirm: true })).status).toBe(200);

  await expect(page.getByRole('heading', { level: 1, name: 'Your partner deleted your board' })).toBeVisible();
  await expect(page.getByLabel('Your first name')).toBeVisible();
  expect(await page.evaluate((c) => window.localStorage.getItem(`twofold:token:${c}`), code)).toBeNull();
  expect((await client.request('GET', '/api/me', undefined, b.token)).status).toBe(401);
});
