import { devices, expect, test, type Browser, type Page } from '@playwright/test';
import { api } from './support';

/**
 * The whole first-slice flow as people do it, by role and label: a facilitator
 * on a laptop creates the workshop; two partners on phones join with the code,
 * pair with the pair code, and write; the console shows the couple, both
 * online, one entry — and none of the words. One of the phones is 320 px wide.
 */
const phone = devices['Pixel 7'];
const ENTRY = 'I notice when you are tired and make tea';

/** `narrow`: the narrowest phone we support, 320 × 640 CSS px. */
async function newPhone(browser: Browser, narrow = false): Promise<Page> {
  const context = await browser.newContext(narrow ? { ...phone, viewport: { width: 320, height: 640 } } : { ...phone });
  return context.newPage();
}

test('facilitator and two partners: create, join, pair, type, see it live', async ({ browser }) => {
  const hostContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const host = await hostContext.newPage();
  await host.goto('/');
  await host.getByRole('link', { name: 'Host a workshop' }).click();
  await host.getByLabel('Workshop title').fill('Spring evening for couples');
  await host.getByRole('button', { name: 'Create workshop' }).click();
  await expect(host.getByRole('heading', { name: /Spring evening for couples/ })).toBeVisible();
  const code = host.url().match(/\/host\/([A-Z0-9]{8})/)![1];
  await expect(host.getByText(`${code.slice(0, 4)} ${code.slice(4)}`).first()).toBeVisible();

  // Partner A types the room code on the home page, lower case with a space, as people do.
  const ana = await newPhone(browser);
  await ana.goto('/');
  await ana.getByLabel('Room code').fill(`${code.slice(0, 4)} ${code.slice(4)}`.toLowerCase());
  await ana.getByRole('button', { name: 'Join', exact: true }).click();
  await ana.getByLabel('Your first name').fill('Ana');
  await ana.getByRole('button', { name: 'Continue' }).click();
  await ana.getByRole('button', { name: 'Start our board' }).click();
  const pairCodeText = await ana.getByText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/).first().textContent();
  const pairCode = pairCodeText!.trim();

  // Partner B opens the join link (what the QR encodes) on a 320 px phone and joins Ana with the pair code.
  const ben = await newPhone(browser, true);
  const benSockets: string[] = [];
  ben.on('websocket', (ws) => benSockets.push(ws.url()));
  await ben.goto(`/join/${code}`);
  await ben.getByLabel('Your first name').fill('Ben');
  await ben.getByRole('button', { name: 'Continue' }).click();
  await ben.getByRole('button', { name: 'Join my partner' }).click();
  await ben.getByLabel('Pair code').fill(pairCode.toLowerCase());
  await ben.getByRole('button', { name: 'Join partner' }).click();
  // Paired: both wait in the lobby until the facilitator starts the first exercise.
  await expect(ben.getByRole('heading', { name: "You're in" })).toBeVisible();
  await expect(ana.getByText(/Ben/).first()).toBeVisible();
  await host.getByRole('button', { name: 'Start What I bring / What I need' }).first().click();
  await expect(ben.getByRole('heading', { name: 'What I bring' })).toBeVisible();
  await expect(ana.getByRole('heading', { name: 'What I bring' })).toBeVisible();

  // Ana writes; Ben sees it as she types.
  await ana.getByRole('button', { name: 'Add to What I bring' }).click();
  await ana.getByLabel('Your entry in What I bring').first().pressSequentially(ENTRY, { delay: 5 });
  await expect(ben.getByLabel("Ana's entry").filter({ hasText: ENTRY })).toBeVisible();

  // The console: one couple, both online, one entry, and not a word of what Ana wrote.
  const couples = host.getByRole('region', { name: 'Couples' });
  await expect(couples.getByText('Ana')).toBeVisible();
  await expect(couples.getByText('Ben')).toBeVisible();
  await expect(couples.getByText(/\b1 entry\b/)).toBeVisible();
  await expect(couples.getByText(/online/i)).toHaveCount(2);
  // A console snapshot newer than Ana's last keystroke (someone else joins the room) still holds none of her words.
  await api().join(code, 'Latecomer');
  await expect(host.getByText('Latecomer', { exact: true }).first()).toBeVisible();
  await expect(host.locator('body')).not.toContainText(ENTRY);
  expect(await host.content()).not.toContain('make tea');

  // Reloading puts Ben back in his seat, with the board as it was.
  await ben.reload();
  await expect(ben.getByLabel("Ana's entry").filter({ hasText: ENTRY })).toBeVisible();

  // Every board socket the phone opened carried a short-lived ticket, never the seat's token (docs/API.md, board tickets).
  const boardSockets = benSockets.filter((url) => url.includes('/yjs/'));
  expect(boardSockets.length).toBeGreaterThanOrEqual(2);
  for (const url of boardSockets) {
    expect(new URL(url).searchParams.get('ticket')).toMatch(/^t1\./);
    expect(new URL(url).searchParams.has('token')).toBe(false);
  }
});
