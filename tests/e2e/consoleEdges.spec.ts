import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { BRING_NEED, EXERCISE_LIBRARY, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import { CODE_ALPHABET, isRoomCode } from '../../lib/codes';
import { expectNoAxeViolations } from './accessibilityCheck';
import { api, BASE_URL, hostSocket, newPhone, seatPhone } from './support';

/**
 * The rough edges a real walkthrough found, each as a person meets it: missing pages, the icon,
 * the home page on a laptop, adding an exercise twice, the console's agenda marks, copying the
 * join link for a video call, the pair link for a partner elsewhere, and the ended console.
 */
const SHOTS = process.env.SHOTS_DIR ?? '';
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A code of the right shape that no workshop has. */
function unusedCode(taken: string): string {
  for (const ch of CODE_ALPHABET) {
    const code = taken.slice(0, 7) + ch;
    if (code !== taken && isRoomCode(code)) return code;
  }
  throw new Error('no free code');
}

/** Every button's accessible name on the page (aria-label, else its text, hidden words included). */
const buttonNames = (page: Page) =>
  page.locator('button').evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim()));

test('[R78] a wrong room code or review secret answers 404 with its friendly page, and /favicon.ico is an icon', async ({ page }) => {
  const workshop = await api().createWorkshop('Real room', [SUPPORT]);
  const missing = unusedCode(workshop.code);

  expect((await page.goto(`/join/${workshop.code}`))?.status()).toBe(200);
  const join = await page.goto(`/join/${missing}`);
  expect(join?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that workshop' })).toBeVisible();
  await expectNoAxeViolations(page, 'join, unknown code');
  await shot(page, 'join-404');
  expect((await page.goto('/join/not-a-code'))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'We couldn’t find that workshop' })).toBeVisible();
  expect((await page.goto(`/present/${missing}`))?.status()).toBe(404);
  expect((await page.goto(`/host/${missing}`))?.status()).toBe(404);
  expect((await page.goto('/host/new'))?.status()).toBe(200);

  const review = await page.goto(`/review/${'x'.repeat(43)}`);
  expect(review?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'This board is no longer here' })).toBeVisible();
  await expectNoAxeViolations(page, 'review, wrong secret');

  const icon = await page.request.get('/favicon.ico');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  // The browser decodes it as an image of its own size.
  await page.setContent(`<img alt="" src="${BASE_URL}/favicon.ico" style="width:96px;height:96px;image-rendering:pixelated">`);
  await expect.poll(() => page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThanOrEqual(16);
  await shot(page, 'favicon');
});

test('[R79] "Host a workshop" is above the fold on a 1366×768 laptop; adding an exercise twice is "Add again", never two identical names', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto('/');
  const hostLink = page.getByRole('link', { name: 'Host a workshop' });
  await expect(hostLink).toBeInViewport({ ratio: 1 });
  const box = (await hostLink.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await expectNoAxeViolations(page, 'home at 1366×768');
  await shot(page, 'home-1366');
  for (const width of [360, 320]) {
    const phone = await browser.newContext({ viewport: { width, height: 740 } });
    const p = await phone.newPage();
    await p.goto('/');
    await expect(p.getByRole('link', { name: 'Host a workshop' })).toBeVisible();
    await shot(p, `home-${width}`);
    await phone.close();
  }

  await hostLink.click();
  const exercise = EXERCISE_LIBRARY[0];
  const library = page.getByRole('region', { name: 'Exercise library' });
  const agenda = page.getByRole('region', { name: 'Agenda' });
  // The agenda starts with the whole library: every card is already in it, so every card says "Add again".
  await expect(library.getByRole('button', { name: `Add again ${exercise.title}`, exact: true })).toBeVisible();
  const startCount = await agenda.getByRole('listitem').count();
  await agenda.getByRole('button', { name: `Remove ${exercise.title}`, exact: true }).click();
  await library.getByRole('button', { name: `Add ${exercise.title}`, exact: true }).click();
  // In the agenda now: the card says so, and its button names the choice.
  await expect(library.getByRole('button', { name: `Add ${exercise.title}`, exact: true })).toHaveCount(0);
  await library.getByRole('button', { name: `Add again ${exercise.title}`, exact: true }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(startCount + 1);
  // Added at the end, twice: each copy's buttons say which by its place.
  await expect(agenda.getByRole('button', { name: `Remove ${exercise.title}, number ${startCount}`, exact: true })).toBeVisible();
  await expect(agenda.getByRole('button', { name: `Remove ${exercise.title}, number ${startCount + 1}`, exact: true })).toBeVisible();
  await expect(agenda.getByRole('button', { name: `Remove ${exercise.title}`, exact: true })).toHaveCount(0);
  const names = await buttonNames(page);
  expect(names.length).toBeGreaterThan(10);
  expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  await expectNoAxeViolations(page, 'host new, an exercise twice');
  await shot(page, 'host-new-twice');
  await context.close();
});

test('[R76][R77][R80][R81] the console: copy the join link, every exercise that ran is done, an ended workshop says so and hides the QR', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Remote evening', [BRING_NEED, SPECTRUM, SUPPORT]);
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const host = await context.newPage();
  await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
  await expect(host.getByRole('heading', { name: 'Remote evening' })).toBeVisible();

  // This e2e server listens on 127.0.0.1 only: the console says plainly that phones cannot reach it.
  await expect(host.getByText('Phones cannot reach this computer yet')).toBeVisible();
  const joinPanel = host.getByRole('region', { name: 'Join the room' });
  await expect(joinPanel.getByRole('img', { name: /QR code for joining/ })).toBeVisible();
  await joinPanel.getByRole('button', { name: 'Copy join link' }).click();
  await expect(joinPanel.getByText('Link copied.')).toBeVisible();
  expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(`${BASE_URL}/join/${workshop.code}`);
  await expectNoAxeViolations(host, 'console lobby, phones cannot reach');
  await shot(host, 'console-lobby-1366');

  // The third exercise first, then the first: the skipped second is not done.
  const control = hostSocket(workshop.code, workshop.hostKey);
  const command = async (c: { type: 'goTo'; step: number } | { type: 'end' }) => expect((await control.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);
  const steps = host.getByRole('region', { name: 'Agenda' }).getByRole('listitem');
  try {
    await command({ type: 'goTo', step: 2 });
    await command({ type: 'goTo', step: 0 });
    await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(steps.nth(2)).toContainText('✓ Done');
    await expect(steps.nth(1)).not.toContainText('✓ Done');
    await expect(host.getByText('Live', { exact: true })).toBeVisible();

    await command({ type: 'end' });
    await expect(host.getByText('Workshop ended', { exact: true })).toBeVisible();
    await expect(host.getByText('Live', { exact: true })).toHaveCount(0);
    await expect(steps.nth(0)).toContainText('✓ Done');
    await expect(steps.nth(2)).toContainText('✓ Done');
    await expect(steps.nth(1)).not.toContainText('✓ Done');
    await expect(host.getByRole('img', { name: /QR code for joining/ })).toHaveCount(0);
    await expect(host.getByRole('button', { name: 'Copy join link' })).toHaveCount(0);
    await expect(host.getByText('Phones cannot reach this computer yet')).toHaveCount(0);
    await expectNoAxeViolations(host, 'console ended');
    await shot(host, 'console-ended-1366');
  } finally {
    control.disconnect();
  }
  await context.close();
});

test('[R77] a phone waiting for its partner sends the pair link, and the partner elsewhere lands on the same board', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Far apart', [SUPPORT]);
  const ana = await client.join(workshop.code, 'Ana');
  const couple = await client.startCouple(workshop.code, ana.token);
  for (const width of [360, 320]) {
    const { context, page } = await newPhone(browser, 'small');
    await page.setViewportSize({ width, height: 740 });
    await seatPhone(page, workshop.code, ana.token);
    await page.goto(`/w/${workshop.code}`);
    await expect(page.getByRole('button', { name: 'Copy link for your partner' })).toBeVisible();
    await shot(page, `phone-pair-${width}`);
    if (width === 320) await expectNoAxeViolations(page, 'phone waiting for partner, 320 px');
    await context.close();
  }

  const { context, page } = await newPhone(browser);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await seatPhone(page, workshop.code, ana.token);
  await page.goto(`/w/${workshop.code}`);
  await page.getByRole('button', { name: 'Copy link for your partner' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(couple.pairUrl);

  const ben = await newPhone(browser);
  await ben.page.goto(link);
  await ben.page.getByLabel('Your first name').fill('Ben');
  await ben.page.getByRole('button', { name: 'Continue' }).click();
  await expect(ben.page.getByRole('heading', { name: "You're in" })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy link for your partner' })).toHaveCount(0);
  await context.close();
  await ben.context.close();
});
