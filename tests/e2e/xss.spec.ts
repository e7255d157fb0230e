import { expect, test, type Page } from '@playwright/test';
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
  const custom: Exercise = { ...BLANK_EXERCISES.columns, id: 'my-xss', title: TITLE, prompt: `Prompt ${ENTRY}`.slice(0, 600) } as Exercise;
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

  const views: [string, string][] = [
    ['console', `/host/${code}#key=${workshop.hostKey}`],
    ['projector', `/present/${code}`],
    ['board', `/w/${code}`],
    ['review', new URL(meA.reviewUrl).pathname],
  ];
  for (const [label, path] of views) {
    const { context, page } = await newPhone(browser);
    armed(page);
    if (label === 'board') await seatPhone(page, code, b.token);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    if (label !== 'projector') await expect(page.getByText(NAME_A).first(), label).toBeVisible();
    await expectNothingInjected(page);
    await context.close();
  }
  // The custom exercise on screen, on a phone and on the projector.
  await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 1 });
  for (const path of [`/w/${code}`, `/present/${code}`]) {
    const { context, page } = await newPhone(browser);
    armed(page);
    await seatPhone(page, code, a.token);
    await page.goto(path);
    await expect(page.getByText(TITLE).filter({ visible: true }).first()).toBeVisible();
    await expectNothingInjected(page);
    await context.close();
  }

  // The Markdown export escapes markup: the entry's words stay words.
  const md = await (await fetch(`${meA.reviewUrl}/export.md`)).text();
  expect(md).not.toContain('<script>');
  expect(md).toContain('\\<script\\>alert(3)\\</script\\>');
  expect(md).toContain('\\*\\*bold\\*\\*');

  board.destroy();
  for (const s of [host, sa, sb]) s.close();
});
