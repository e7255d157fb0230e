import { expect, test, type Locator, type Page } from '@playwright/test';
import { addEntry } from '../../lib/board/schema';
import { BRING_NEED, BLANK_EXERCISES } from '../../lib/catalogue/catalogue';
import type { Exercise } from '../../lib/catalogue/exercise';
import { connectBoard } from '../helpers/yjsClient';
import { api, hostSocket, newPhone, seatPhone } from './support';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../lib/protocol';

/**
 * An XSS corpus in every place people can type — names, entries, a custom
 * exercise's title and prompt, a wall entry — rendered in every view and the
 * exports. No script may run (any dialog fails the test) and no element may
 * be injected; the words must show as plain text.
 */
const NAME_A = '<img src=x onerror=alert(1)>';
const NAME_B = '"><svg onload=alert(2)>';
const ENTRY = '<script>alert(3)</script><img src=y onerror=alert(4)> **bold** [link](javascript:alert(5))';
const TITLE = '<iframe src=javascript:alert(6)></iframe> Custom';
const PROMPT = `Prompt ${ENTRY}`;

function armed(page: Page): void {
  page.on('dialog', (dialog) => {
    throw new Error(`a script ran and opened a dialog: ${dialog.message()}`);
  });
}

async function expectNothingInjected(page: Page): Promise<void> {
  expect(await page.locator('img[src="x"], img[src="y"], svg[onload], iframe, script:not([src]):text("alert")').count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload]').length)).toBe(0);
}

test('[R42] the XSS corpus renders as text in every view and export; no script runs', async ({ browser }) => {
  const client = api();
  const custom: Exercise = { ...BLANK_EXERCISES.columns, id: 'my-xss', title: TITLE, prompt: PROMPT } as Exercise;
  const workshop = await client.createWorkshop(`Evening ${NAME_B}`, [BRING_NEED, custom]);
  const { a, b, code } = await client.coupleInWorkshop([NAME_A, NAME_B], workshop.code);
  const meA = await client.me(a.token);

  // Content written by a stock client, shared to the wall with both partners' consent, approved by the host.
  const board = connectBoard(meA.board!);
  await board.synced();
  addEntry(board.doc, { id: 'xss', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, ENTRY);
  const host = hostSocket(code, workshop.hostKey);
  await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 });
  const phoneSocket = (token: string) => io(new URL(meA.reviewUrl).origin, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token } });
  const sa = phoneSocket(a.token);
  const sb = phoneSocket(b.token);
  await expect.poll(async () => (await sa.timeout(5_000).emitWithAck('share:propose', { docName: meA.board!.docName, entryId: 'xss' })).ok).toBe(true);
  const proposal = await sa.timeout(5_000).emitWithAck('share:propose', { docName: meA.board!.docName, entryId: 'xss' });
  expect(proposal.ok && (await sb.timeout(5_000).emitWithAck('share:answer', { id: proposal.id, agree: true })).ok).toBe(true);
  expect((await host.timeout(5_000).emitWithAck('host:wall', { id: proposal.ok ? proposal.id : '', action: 'approve' })).ok).toBe(true);

  // Each view, and the hostile words it must show as text, exactly as typed. Waiting for them is what makes the
  // checks after it mean something: the content has arrived (over the sockets too) when nothing is found injected.
  const views: { label: string; path: string; seat?: string; shown: (page: Page) => Locator[] }[] = [
    {
      label: 'console',
      path: `/host/${code}#key=${workshop.hostKey}`,
      shown: (page) => [page.getByText(NAME_A, { exact: true }), page.getByText(NAME_B, { exact: true }), page.getByText(ENTRY, { exact: true })],
    },
    { label: 'projector', path: `/present/${code}`, shown: (page) => [page.getByText(ENTRY, { exact: true })] },
    { label: 'board', path: `/w/${code}`, seat: b.token, shown: (page) => [page.getByLabel(`${NAME_A}'s entry`)] },
    {
      label: 'review',
      path: new URL(meA.reviewUrl).pathname,
      shown: (page) => [page.getByText(`${NAME_A} and ${NAME_B}`, { exact: true }), page.getByText(ENTRY, { exact: true })],
    },
  ];
  for (const view of views) {
    const { context, page } = await newPhone(browser);
    armed(page);
    if (view.seat) await seatPhone(page, code, view.seat);
    await page.goto(view.path);
    for (const text of view.shown(page)) await expect(text, view.label).toBeVisible();
    if (view.label === 'board') await expect(page.getByLabel(`${NAME_A}'s entry`), view.label).toHaveText(ENTRY);
    await expectNothingInjected(page);
    await context.close();
  }
  // The custom exercise on screen, on a phone and on the projector: its title and prompt as text.
  await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 1 });
  for (const path of [`/w/${code}`, `/present/${code}`]) {
    const { context, page } = await newPhone(browser);
    armed(page);
    await seatPhone(page, code, a.token);
    await page.goto(path);
    await expect(page.getByText(PROMPT, { exact: true }).filter({ visible: true }).first(), path).toBeVisible();
    await expect(page.getByText(TITLE).filter({ visible: true }).first(), path).toHaveText(path.startsWith('/w/') ? `Exercise: ${TITLE}` : TITLE);
    await expectNothingInjected(page);
    await context.close();
  }

  // The Markdown export escapes markup: the entry's words stay words.
  const md = await (await fetch(`${meA.reviewUrl}/export.md`)).text();
  expect(md).toContain('\\<script\\>alert(3)\\</script\\>');
  expect(md).toContain('\\*\\*bold\\*\\*');
  expect(md).not.toContain('<script>');

  board.destroy();
  for (const s of [host, sa, sb]) s.close();
});
