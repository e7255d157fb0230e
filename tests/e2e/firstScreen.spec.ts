import { devices, expect, test, type Page } from '@playwright/test';
import { BRING_NEED, SPECTRUM } from '../../lib/catalogue/catalogue';
import { expectNoAxeViolations } from './accessibilityCheck';
import { api, hostSocket } from './support';

/**
 * The phone pages paint their first screen from the page's HTML alone ([R119]): seen here with
 * scripts off, then with them on, where the live page takes over without a hydration warning and
 * without moving what was painted.
 */

/** Layout shifts (not caused by input) from the page's start, and every console error or warning. */
async function watch(page: Page): Promise<{ shifts: () => Promise<number>; problems: string[] }> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { shifted: number };
    w.shifted = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.shifted += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { shifts: () => page.evaluate(() => (window as unknown as { shifted: number }).shifted), problems };
}

test('[R119] the join page, the board and the projector’s lobby paint their first screen before any script runs; hydration moves nothing', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Evening of two', [BRING_NEED, SPECTRUM]);
  const { code, a } = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);

  const noScripts = await browser.newContext({ ...devices['Pixel 7'], javaScriptEnabled: false });
  const bare = await noScripts.newPage();
  // Join: the workshop's title and the name step, from the HTML.
  await bare.goto(`/join/${code}`);
  await expect(bare.getByRole('heading', { name: 'Evening of two' })).toBeVisible();
  await expect(bare.getByRole('textbox', { name: 'Your first name' })).toBeVisible();
  // The projector's lobby: the room code and the join QR, drawn on the server.
  await bare.goto(`/present/${code}`);
  await expect(bare.getByRole('heading', { name: 'Evening of two' })).toBeVisible();
  await expect(bare.getByText(code.slice(0, 4))).toBeVisible();
  await expect(bare.getByRole('img', { name: 'QR code to join this workshop' })).toHaveAttribute('src', /^data:image\/svg\+xml/);
  // The board in the lobby: the workshop's name and the lobby's heading (the rest needs the token, which only the phone has).
  await bare.goto(`/w/${code}`);
  await expect(bare.getByRole('heading', { level: 1, name: 'Evening of two' })).toBeVisible();
  await expect(bare.getByRole('heading', { name: "You're in" })).toBeVisible();

  const host = hostSocket(code, workshop.hostKey);
  try {
    expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 })).toMatchObject({ ok: true });
    // The board during an exercise: its title and prompt are in the HTML.
    await bare.goto(`/w/${code}`);
    await expect(bare.getByText(BRING_NEED.title, { exact: true }).filter({ visible: true })).toBeVisible();
    await expect(bare.getByText(BRING_NEED.prompt).filter({ visible: true })).toBeVisible();
    await noScripts.close();

    // With scripts: the same first screen, then the live board under it; nothing painted moves, React warns of nothing.
    const phone = await browser.newContext({ ...devices['Pixel 7'] });
    const page = await phone.newPage();
    await page.goto('/api/health');
    await page.evaluate(([c, t]) => window.localStorage.setItem(`twofold:token:${c}`, t), [code, a.token] as const);
    const { shifts, problems } = await watch(page);
    await page.goto(`/w/${code}`);
    await expect(page.getByRole('button', { name: 'Add to What I bring' })).toBeVisible();
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    expect(await shifts()).toBeLessThan(0.01);
    expect(problems).toEqual([]);
    await expectNoAxeViolations(page, 'board, after its first screen');

    const fresh = await browser.newContext({ ...devices['Pixel 7'] });
    const joining = await fresh.newPage();
    const join = await watch(joining);
    await joining.goto(`/join/${code}`);
    await joining.getByRole('textbox', { name: 'Your first name' }).fill('Cleo');
    await joining.getByRole('button', { name: 'Continue' }).click();
    await expect(joining.getByRole('button', { name: 'Start our board' })).toBeVisible();
    expect(await join.shifts()).toBe(0);
    expect(join.problems).toEqual([]);
    await expectNoAxeViolations(joining, 'join, choice step loaded after the name');
    await phone.close();
    await fresh.close();
  } finally {
    host.close();
  }
});
