import { expect, test } from '@playwright/test';
import { api, hostSocket, newPhone, seatPhone } from './support';

/**
 * Workshop Wi-Fi drops. One partner goes offline, both keep writing, the
 * offline phone even reloads the page without network; when it is back,
 * both phones show the same board and nothing typed is lost.
 */
test('[R41] a phone that goes offline keeps its edits, even across a reload, and merges when back', async ({ browser }) => {
  const client = api();
  const { workshop, code, a, b } = await client.coupleInWorkshop(['Ana', 'Ben']);
  const host = hostSocket(code, workshop!.hostKey);
  const started = await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 });
  expect(started.ok).toBe(true);

  const ana = await newPhone(browser);
  const ben = await newPhone(browser);
  await seatPhone(ana.page, code, a.token);
  await seatPhone(ben.page, code, b.token);
  await ana.page.goto(`/w/${code}`);
  await ben.page.goto(`/w/${code}`);
  await expect(ana.page.getByRole('heading', { name: 'What I bring' })).toBeVisible();
  await expect(ben.page.getByRole('heading', { name: 'What I bring' })).toBeVisible();
  await expect(ana.page.getByText('Saved', { exact: true })).toBeVisible();
  // Give the service worker its moment to take the page in (a reload offline needs it).
  await expect.poll(() => ana.page.evaluate(() => navigator.serviceWorker?.controller !== null), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => ana.page.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open('twofold-shell-v1')).keys()).length > 3), { timeout: 15_000 }).toBe(true);

  await ana.context.setOffline(true);
  await expect(ana.page.getByText('Saved — you’re offline')).toBeVisible();
  await ana.page.getByRole('button', { name: 'Add to What I bring' }).click();
  await ana.page.getByLabel('Your entry in What I bring').last().fill('Written on the train, no signal');
  await expect(ana.page.getByText('Kept on this phone — you’re offline')).toBeVisible();
  await ben.page.getByRole('button', { name: 'Add to What I bring' }).click();
  await ben.page.getByLabel('Your entry in What I bring').last().fill('Written while Ana was away');

  // A reload with no network: the page comes from the service worker, the words from IndexedDB.
  await ana.page.reload();
  await expect(ana.page.getByLabel('Your entry in What I bring').last()).toHaveValue('Written on the train, no signal');

  await ana.context.setOffline(false);
  await expect(ben.page.getByLabel("Ana's entry").filter({ hasText: 'Written on the train, no signal' })).toBeVisible({ timeout: 20_000 });
  await expect(ana.page.getByLabel("Ben's entry").filter({ hasText: 'Written while Ana was away' })).toBeVisible({ timeout: 20_000 });
  await expect(ana.page.getByText('Saved', { exact: true })).toBeVisible();
  host.close();
});
