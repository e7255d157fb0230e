import { devices, expect, test, type Page } from '@playwright/test';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import type { CreateCohostResponse } from '../../lib/protocol';
import { expectNoAxeViolations } from './accessibilityCheck';
import { api } from './support';

/** Where the screenshots go when SHOTS_DIR is set (looked at by people, never committed). */
const SHOTS = process.env.SHOTS_DIR;
const shot = async (page: Page, name: string) => {
  if (!SHOTS) return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/${name}-top.png` }); // what the first screen shows
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/** The page is no wider than the screen: nothing scrolls sideways (the couples table scrolls in its own box). */
const noSidewaysScroll = (page: Page) => expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

/** Every button and field of the console is a large target on a phone. */
async function smallestTarget(page: Page): Promise<number> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll<HTMLElement>('main button, main input, main select, aside button, header button, header a[class*="min-h"]')]
      .filter((el) => el.offsetParent !== null)
      // A checkbox or radio is tapped by its label row, as the project's target rule measures it ([R68]).
      .map((el) => (el.matches('input[type="checkbox"], input[type="radio"]') ? (el.closest('label') ?? el) : el).getBoundingClientRect().height);
    return Math.min(...sizes);
  });
}

test('[R91][R92][R93][R94][R97] a co-host on a phone runs the next step, the facilitator follows, then revokes the link', async ({ browser }) => {
  test.setTimeout(240_000);
  const workshop = await api().createWorkshop('Thursday evening', [BRING_NEED, SPECTRUM, SUPPORT]);
  const laptop = await browser.newContext({ viewport: { width: 1366, height: 768 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const host = await laptop.newPage();
  await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
  const hosting = host.getByRole('region', { name: 'Hosting now' });
  await expect(hosting).toContainText('Facilitator (you)');

  // The facilitator invites a co-host: the link is handed over by copying, never shown on the console.
  const made = host.waitForResponse((r) => r.url().endsWith('/cohosts') && r.request().method() === 'POST');
  await host.getByRole('button', { name: 'Invite a co-host' }).click();
  const invite = (await (await made).json()) as CreateCohostResponse;
  await expect(host.getByText('The link for Co-host 1 is ready.')).toBeVisible();
  await host.getByRole('button', { name: 'Copy co-host link' }).click();
  await expect(host.getByText('Copied. Send it only to Co-host 1.')).toBeVisible();
  expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(invite.url);
  await expect(host.locator('body')).not.toContainText(invite.key);
  await expectNoAxeViolations(host, 'console: a co-host link ready');
  await shot(host, 'console-1366-invited');

  // The co-host opens the link on a phone.
  const phone = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 390, height: 844 } });
  const cohost = await phone.newPage();
  await cohost.goto(new URL(invite.url).pathname + new URL(invite.url).hash);
  const theirHosting = cohost.getByRole('region', { name: 'Hosting now' });
  await expect(theirHosting).toContainText('Co-host 1 (you)');
  await expect(theirHosting).toContainText('Facilitator');
  await expect(hosting).toContainText('Co-host 1');
  await expect(host.getByRole('list', { name: 'Invited co-hosts' })).toContainText('Hosting now');
  // Everything but deleting the workshop and managing co-hosts.
  await expect(cohost.getByRole('button', { name: 'Invite a co-host' })).toHaveCount(0);
  await expect(cohost.getByRole('button', { name: 'Delete workshop' })).toHaveCount(0);

  // They give themselves a name; the facilitator's console shows it.
  await cohost.getByLabel('Your name on the consoles').fill('Layla');
  await cohost.getByRole('button', { name: 'Save name' }).click();
  await expect(cohost.getByText('Saved. The other hosts see your name now.')).toBeVisible();
  await expect(hosting).toContainText('Layla');

  // The phone's console: the step's controls first, large targets, nothing sideways.
  await noSidewaysScroll(cohost);
  expect(await smallestTarget(cohost)).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(cohost, 'co-host console on a phone (390 px), named');
  await shot(cohost, 'console-390-lobby');

  // The co-host starts the first exercise and moves to the next; the facilitator's console follows.
  await cohost.getByRole('button', { name: `Start ${BRING_NEED.title}` }).click();
  await expect(host.getByRole('heading', { level: 2, name: BRING_NEED.title })).toBeVisible();
  await cohost.getByRole('button', { name: 'Next exercise' }).click();
  await expect(host.getByRole('heading', { level: 2, name: SPECTRUM.title })).toBeVisible();
  await expect(cohost.getByRole('heading', { level: 2, name: SPECTRUM.title })).toBeVisible();
  const firstButton = await cohost.locator('main button').first().textContent();
  expect(['Previous', 'Next exercise']).toContain(firstButton?.trim());
  await noSidewaysScroll(cohost);
  await expectNoAxeViolations(cohost, 'co-host console on a phone (390 px), in an exercise');
  await shot(cohost, 'console-390-exercise');
  await cohost.setViewportSize({ width: 320, height: 700 });
  await noSidewaysScroll(cohost);
  expect(await smallestTarget(cohost)).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(cohost, 'co-host console at 320 px');
  await shot(cohost, 'console-320-exercise');
  await cohost.setViewportSize({ width: 390, height: 844 });
  await shot(host, 'console-1366-exercise');

  // The facilitator revokes the link: the co-host's console closes at once and the link stops working.
  await host.getByRole('button', { name: 'Revoke Layla' }).click();
  const dialog = host.getByRole('dialog', { name: 'Revoke the link of Layla?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(host, 'console: revoke a co-host, asked');
  await dialog.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(cohost.getByRole('heading', { name: 'Your co-host link was revoked' })).toBeVisible();
  await expectNoAxeViolations(cohost, 'co-host: link revoked');
  await shot(cohost, 'console-390-revoked');
  await expect(host.getByRole('list', { name: 'Invited co-hosts' })).toHaveCount(0);
  await expect(hosting).not.toContainText('Layla');
  await cohost.goto('/'); // a fresh load: the same address with only its fragment would not reload the page
  await cohost.goto(new URL(invite.url).pathname + new URL(invite.url).hash);
  await expect(cohost.getByRole('heading', { name: 'This console needs the private host link' })).toBeVisible();
  await expect(cohost.getByRole('button', { name: 'Next exercise' })).toHaveCount(0);
  await expect(host.getByRole('heading', { level: 2, name: SPECTRUM.title })).toBeVisible();

  await laptop.close();
  await phone.close();
});

test('[R97] the facilitator’s console on a 320 px phone: no sideways scroll, large targets', async ({ browser }) => {
  const workshop = await api().createWorkshop('Narrow', [SUPPORT]);
  const context = await browser.newContext({ ...devices['Pixel 7'], viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
  await expect(page.getByRole('region', { name: 'Hosting now' })).toContainText('Facilitator (you)');
  await expect(page.getByRole('button', { name: 'Invite a co-host' })).toBeVisible();
  await noSidewaysScroll(page);
  expect(await smallestTarget(page)).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page, 'facilitator console at 320 px');
  await shot(page, 'console-320-lobby-facilitator');
  await context.close();
});
