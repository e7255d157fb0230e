import { expect, test } from '@playwright/test';
import { BRING_NEED } from '../../lib/catalogue/catalogue';
import { api } from './support';

/**
 * The projector's corner: the language menu and "Full screen" stay where they are when a notice
 * comes ("Turn on the time-up sound" once the page knows the browser holds sound back), on a wall
 * and on a phone-sized screen (Lighthouse's mobile one), where the row used to wrap.
 */
test('[R101] the sound-held button appears beside the projector’s controls without moving them or anything else', async ({ browser }) => {
  const { code } = await api().createWorkshop('Corner check', [BRING_NEED]);
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 412, height: 823 },
  ]) {
    const context = await browser.newContext({ viewport });
    // The policy of a projector's browser: sound stays suspended until a gesture (headless Chromium would let it play).
    await context.addInitScript(() => {
      Object.defineProperty(BaseAudioContext.prototype, 'state', { get: () => 'suspended' });
      const w = window as unknown as { shifted: number };
      w.shifted = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shifted += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(`/present/${code}`);
    const menu = page.getByRole('combobox');
    const fullScreen = page.getByRole('button', { name: /Full screen/ });
    await expect(fullScreen).toBeVisible();
    const soundOn = page.getByRole('button', { name: 'Turn on the time-up sound' });
    // Shifts are counted from here, before the notice comes (it waits for the wall to settle): the
    // page's own first frames are not what this test is about.
    await expect(soundOn).toBeHidden();
    await page.evaluate(() => ((window as unknown as { shifted: number }).shifted = 0));
    const before = [await menu.boundingBox(), await fullScreen.boundingBox()];
    await expect(soundOn).toBeVisible();
    expect([await menu.boundingBox(), await fullScreen.boundingBox()]).toEqual(before);
    // Inside the screen, and clear of the controls.
    const sound = (await soundOn.boundingBox())!;
    const menuBox = before[0]!;
    expect(sound.x).toBeGreaterThanOrEqual(0);
    expect(sound.x + sound.width).toBeLessThanOrEqual(viewport.width);
    expect(sound.x + sound.width <= menuBox.x || sound.y >= menuBox.y + menuBox.height).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { shifted: number }).shifted)).toBe(0);
    await context.close();
  }
});
