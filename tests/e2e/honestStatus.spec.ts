import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { SUPPORT } from '../../lib/catalogue/catalogue';
import { MAX_ENTRY_CHARS, MAX_NAME_CHARS } from '../../lib/limits';
import type { HostCommand, MeResponse } from '../../lib/protocol';
import { expectNoAxeViolations } from './accessibilityCheck';
import { api, hostSocket, newPhone, seatPhone } from './support';

const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
/** Where the screenshots go when SHOTS_DIR is set (looked at by people, never committed). */
const SHOTS = process.env.SHOTS_DIR;
const ENTRY = 'Your entry in What I bring';

/** The status line of the board (the sticky bar's first line). */
const status = (page: Page) => page.locator('.sticky').first();
/** The note under a field with a limit (not the live region, which says the same words). */
const limitNote = (page: Page) => page.locator('[id$="-limit"]');
/** What the page's one polite live region has said. */
const announced = (page: Page) => page.locator('[data-announcer]');

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** A couple on the first exercise (columns), each on a phone of their own. */
async function coupleOnBoard(browser: Parameters<typeof newPhone>[0], routeAna?: (context: BrowserContext) => Promise<void>) {
  const client = api();
  const { workshop, code, a, b } = await client.coupleInWorkshop(['Ana', 'Ben']);
  const host = hostSocket(code, workshop!.hostKey);
  const command = async (c: HostCommand) => expect((await host.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);
  await command({ type: 'goTo', step: 0 });
  const ana = await newPhone(browser, 'small');
  const ben = await newPhone(browser, 'small');
  if (routeAna) await routeAna(ana.context);
  await seatPhone(ana.page, code, a.token);
  await seatPhone(ben.page, code, b.token);
  await ana.page.goto(`/w/${code}`);
  await ben.page.goto(`/w/${code}`);
  await expect(ana.page.getByRole('heading', { name: 'What I bring' })).toBeVisible();
  await expect(ben.page.getByRole('heading', { name: 'What I bring' })).toBeVisible();
  // Both phones live on both sockets before anything happens to them.
  await expect(status(ana.page).getByText('Saved', { exact: true })).toBeVisible();
  await expect(status(ben.page).getByText('Saved', { exact: true })).toBeVisible();
  return { client, code, a, b, host, command, ana, ben };
}

test('[R69] Saving… until the server\'s echo arrives, then Saved; never said aloud per keystroke', async ({ browser }) => {
  // Frames from the server to Ana's board wait while `holding`: her keystroke reaches the server, its echo waits here.
  let holding = false;
  const held: (() => void)[] = [];
  const { ana, ben, host } = await coupleOnBoard(browser, (context) =>
    context.routeWebSocket(/\/yjs\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => server.send(m));
      server.onMessage((m) => (holding ? held.push(() => ws.send(m)) : ws.send(m)));
    }),
  );
  await expect(status(ana.page).getByText('Saved', { exact: true })).toBeVisible();

  holding = true;
  await ana.page.getByRole('button', { name: 'Add to What I bring' }).click();
  await ana.page.getByLabel(ENTRY).last().pressSequentially('Tea when you are tired', { delay: 10 });
  // Stored and relayed to Ben already; Ana's phone has not heard back, so it does not say saved.
  await expect(ben.page.getByLabel("Ana's entry").filter({ hasText: 'Tea when you are tired' })).toBeVisible();
  await expect(status(ana.page).getByText('Saving…')).toBeVisible();
  await expect(status(ana.page).getByText('Saved', { exact: true })).toHaveCount(0);
  await expectNoAxeViolations(ana.page, 'board: saving');
  await shoot(ana.page, 'saving-360');

  holding = false;
  for (const send of held.splice(0)) send();
  await expect(status(ana.page).getByText('Saved', { exact: true })).toBeVisible();
  await expect(announced(ana.page)).not.toContainText('Saving');
  await expect(announced(ana.page)).not.toContainText('saved');
  host.close();
});

test('[R69] Kept on this phone while offline, Saved again (and said once) when back', async ({ browser }) => {
  const { ana, ben, host } = await coupleOnBoard(browser);
  await expect(status(ana.page).getByText('Saved', { exact: true })).toBeVisible();
  await ana.context.setOffline(true);
  await expect(status(ana.page).getByText('Saved — you’re offline')).toBeVisible();
  await ana.page.getByRole('button', { name: 'Add to What I bring' }).click();
  await ana.page.getByLabel(ENTRY).last().fill('Written on the train, no signal');
  await expect(status(ana.page).getByText('Kept on this phone — you’re offline')).toBeVisible();
  await expectNoAxeViolations(ana.page, 'board: kept on this phone');
  await shoot(ana.page, 'kept-offline-360');
  await ana.page.setViewportSize({ width: 320, height: 640 });
  await shoot(ana.page, 'kept-offline-320');

  await ana.context.setOffline(false);
  await expect(status(ana.page).getByText('Saved', { exact: true })).toBeVisible({ timeout: 20_000 });
  await expect(ben.page.getByLabel("Ana's entry").filter({ hasText: 'Written on the train, no signal' })).toBeVisible();
  await expect(announced(ana.page)).toContainText('Everything you wrote is saved.');
  host.close();
});

test('[R71] an entry counts down near its limit, and a paste says what did not fit', async ({ browser }) => {
  const { ana, host } = await coupleOnBoard(browser);
  await ana.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ana.page.getByRole('button', { name: 'Add to What I bring' }).click();
  const entry = ana.page.getByLabel(ENTRY).last();
  await entry.fill('a'.repeat(MAX_ENTRY_CHARS * 0.8 - 1));
  await expect(ana.page.getByText(/characters left/)).toHaveCount(0);
  await entry.pressSequentially('b');
  await expect(limitNote(ana.page).getByText(`${MAX_ENTRY_CHARS * 0.2} characters left`)).toBeVisible();
  // 1,600 written, 400 of room: a paste of 540 loses its last 140, and says so.
  await ana.page.evaluate((text) => navigator.clipboard.writeText(text), 'c'.repeat(540));
  await entry.press('End');
  await entry.press('ControlOrMeta+V');
  await expect(entry).toHaveValue('a'.repeat(1599) + 'b' + 'c'.repeat(400));
  await expect(limitNote(ana.page).getByText('The last 140 characters did not fit.')).toBeVisible();
  await expect(limitNote(ana.page).getByText('No characters left')).toBeVisible();
  await expect(announced(ana.page)).toContainText('The last 140 characters did not fit.');
  await expect(entry).toHaveAttribute('aria-describedby', /.+/);
  await expectNoAxeViolations(ana.page, 'board: entry at its limit after a cut paste');
  await limitNote(ana.page).scrollIntoViewIfNeeded();
  await shoot(ana.page, 'entry-limit-360');
  // A keystroke after it (a deletion) clears the notice; the countdown stays.
  await entry.press('Backspace');
  await expect(limitNote(ana.page).getByText('The last 140 characters did not fit.')).toHaveCount(0);
  await expect(limitNote(ana.page).getByText('1 character left')).toBeVisible();
  host.close();
});

test('[R71] a name counts down from 80 % of 40 characters and says what a paste lost', async ({ browser }) => {
  const { code } = await api().createWorkshop();
  const phone = await newPhone(browser, 'small');
  await phone.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await phone.page.goto(`/join/${code}`);
  const name = phone.page.getByLabel('Your first name');
  await name.fill('M'.repeat(MAX_NAME_CHARS * 0.8 - 1));
  await expect(phone.page.getByText(/characters left/)).toHaveCount(0);
  await name.pressSequentially('a');
  await expect(limitNote(phone.page).getByText('8 characters left')).toBeVisible();
  await phone.page.evaluate((text) => navigator.clipboard.writeText(text), 'x'.repeat(20));
  await name.press('End');
  await name.press('ControlOrMeta+V');
  await expect(name).toHaveValue('M'.repeat(31) + 'a' + 'x'.repeat(8));
  await expect(limitNote(phone.page).getByText('The last 12 characters did not fit.')).toBeVisible();
  await expectNoAxeViolations(phone.page, 'join: name at its limit after a cut paste');
  await shoot(phone.page, 'name-limit-360');
  await phone.page.setViewportSize({ width: 320, height: 640 });
  await shoot(phone.page, 'name-limit-320');
});

test('[R73] before sharing with the room the phone says the facilitator approves it and it appears without names', async ({ browser }) => {
  const { ana, command, host } = await coupleOnBoard(browser);
  await command({ type: 'goTo', step: 2 });
  await ana.page.getByLabel(QUESTION).fill('When you make space for my quiet mornings');
  await command({ type: 'revealAll' });
  const share = ana.page.getByRole('button', { name: 'Share with the room' }).first();
  await expect(share).toBeVisible();
  const note = 'Your partner agrees first. Then the facilitator approves it, and it appears on the room wall without your names.';
  await expect(share).toHaveAccessibleDescription(note);
  await share.scrollIntoViewIfNeeded();
  await expectNoAxeViolations(ana.page, 'board: share with the room, before sending');
  await shoot(ana.page, 'share-note-360');
  host.close();
});

test('[R72] when a partner deletes the board, the other phone says their partner deleted it', async ({ browser }) => {
  const { client, ana, ben, a, code, host } = await coupleOnBoard(browser);
  const meA: MeResponse = await client.me(a.token);
  const secret = meA.reviewUrl.split('/review/')[1];
  expect((await client.request('DELETE', `/api/review/${secret}`, { confirm: true })).status).toBe(200);
  await expect(ben.page).toHaveURL(new RegExp(`/join/${code}\\?left=deleted&by=partner`));
  await expect(ben.page.getByRole('heading', { level: 1, name: 'Your partner deleted your board' })).toBeVisible();
  await expect(ben.page.getByText('Your board was deleted')).toHaveCount(0);
  // Ana's own phone (the board was open there too) says she did it.
  await expect(ana.page.getByRole('heading', { level: 1, name: 'You deleted your board' })).toBeVisible();
  await expectNoAxeViolations(ben.page, 'join: the partner deleted the board');
  await shoot(ben.page, 'partner-deleted-360');
  await ben.page.setViewportSize({ width: 320, height: 640 });
  await shoot(ben.page, 'partner-deleted-320');
  host.close();
});
