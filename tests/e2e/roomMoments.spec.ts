import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { addEntry } from '../../lib/board/schema';
import { BRING_NEED, SPECTRUM } from '../../lib/catalogue/catalogue';
import { connectBoard } from '../helpers/yjsClient';
import { expectNoAxeViolations } from './accessibilityCheck';
import { api, BASE_URL, hostSocket, newPhone, seatPhone } from './support';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, type ClientToServerEvents, type ServerToClientEvents } from '../../lib/protocol';
import type { Socket } from 'socket.io-client';

/** The room's moments as people meet them: the spotlight, time up, the closing pulse, the review's scale at 320 px. */
/** Where the screenshots go when SHOTS_DIR is set (looked at by people, never committed). */
const SHOTS = process.env.SHOTS_DIR;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
};

type Control = Socket<ServerToClientEvents, ClientToServerEvents>;
const participantSocket = (token: string): Control => io(BASE_URL, { path: '/socket.io', transports: ['websocket'], auth: { role: 'participant', protocol: PROTOCOL_VERSION, token } });
const connected = (s: Control) => new Promise<void>((resolve) => (s.connected ? resolve() : s.once('connect', () => resolve())));

async function hostPage(browser: import('@playwright/test').Browser, hostUrl: string, viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(new URL(hostUrl).pathname + new URL(hostUrl).hash);
  return { context, page };
}

test('[R99][R100] the facilitator spotlights a wall entry on the projector, large and alone, and goes back to the wall', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Spring evening', [BRING_NEED]);
  const couple = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const host = hostSocket(workshop.code, workshop.hostKey);
  const [ana, ben] = [participantSocket(couple.a.token), participantSocket(couple.b.token)];
  await Promise.all([host, ana, ben].map(connected));
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 })).toMatchObject({ ok: true });
  const me = await client.me(couple.a.token);
  const board = connectBoard(me.board!);
  await board.synced();
  const TEXT = 'We laugh at the same things, even on the hard days';
  addEntry(board.doc, { id: 'e1', exercise: BRING_NEED.id, column: 'bring', author: 'a', createdAt: 1 }, TEXT);
  let proposed: { ok: boolean; id?: string } = { ok: false };
  await expect.poll(async () => (proposed = await ana.timeout(5_000).emitWithAck('share:propose', { docName: me.board!.docName, entryId: 'e1' })).ok).toBe(true);
  const id = proposed.id!;
  expect(await ben.timeout(5_000).emitWithAck('share:answer', { id, agree: true })).toEqual({ ok: true });
  expect(await host.timeout(5_000).emitWithAck('host:wall', { id, action: 'approve' })).toEqual({ ok: true });
  board.destroy();

  const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const projector = await projectorContext.newPage();
  await projector.goto(`/present/${workshop.code}`);
  const wall = projector.getByRole('region', { name: 'Shared with the room' });
  await expect(projector.getByText(TEXT)).toBeVisible();
  const desk = await hostPage(browser, workshop.hostUrl);
  const onWall = desk.page.getByRole('region', { name: 'Room wall' });
  await onWall.getByRole('button', { name: 'Spotlight this entry on the projector' }).click();

  const spotlight = projector.getByRole('figure', { name: 'Entry in the spotlight' });
  await expect(spotlight.getByText(TEXT)).toBeVisible();
  await expect(spotlight.getByText(`Shared from “${BRING_NEED.title}”`)).toBeVisible();
  await expect(wall).toHaveCount(0); // alone: no wall cards, no exercise beside it
  await expect(projector.getByRole('heading', { name: BRING_NEED.title })).toHaveCount(0);
  const size = await spotlight.getByText(TEXT).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(60); // readable from the back of a room on 1080 px
  await expect(spotlight.getByText(TEXT)).toHaveAttribute('dir', 'auto');
  await shot(projector, 'projector-spotlight-1920');
  await expectNoAxeViolations(projector, 'projector, spotlight');
  await expect(onWall.getByText('In the spotlight: shown large and alone on the projector.')).toBeVisible();
  await shot(desk.page, 'console-spotlight-1366');
  await expectNoAxeViolations(desk.page, 'console, spotlight');

  await onWall.getByRole('button', { name: 'Back to the wall' }).click();
  await expect(spotlight).toHaveCount(0);
  await expect(projector.getByRole('heading', { name: BRING_NEED.title })).toBeVisible();
  await expect(projector.getByText(TEXT)).toBeVisible();
  await expect(onWall.getByRole('button', { name: 'Spotlight this entry on the projector' })).toBeVisible();
  for (const s of [host, ana, ben]) s.close();
  await Promise.all([projectorContext.close(), desk.context.close()]);
});

test('[R101][R102][R103] time up: a soft chime on the projector (turned on by a tap, off from the console), one buzz on a phone, none with reduced motion, and writing stays open', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Timed evening', [BRING_NEED]);
  const couple = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const host = hostSocket(workshop.code, workshop.hostKey);
  await connected(host);
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 })).toMatchObject({ ok: true });

  // What the pages do with the speaker and the vibration motor, counted where the browser offers them.
  const recorder = () => {
    const w = window as unknown as { buzzes: number[]; tones: number };
    w.buzzes = [];
    w.tones = 0;
    Object.defineProperty(navigator, 'vibrate', { value: (ms: number) => (w.buzzes.push(ms), true), configurable: true });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (...args: Parameters<typeof start>) {
      w.tones++;
      return start.apply(this, args);
    };
  };
  const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  // Headless Chromium lets Web Audio start without a gesture whatever its autoplay flags, so the policy of a
  // browser on a real projector is played here: sound stays suspended until the page has had a user's gesture.
  // (navigator.userActivation cannot tell: Playwright's pages report it already active, so a real pointer or key event counts.)
  await projectorContext.addInitScript(() => {
    let gesture = false;
    for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, () => (gesture = true), { capture: true });
    const state = Object.getOwnPropertyDescriptor(BaseAudioContext.prototype, 'state')!.get!;
    Object.defineProperty(BaseAudioContext.prototype, 'state', {
      get(this: BaseAudioContext) {
        return gesture ? state.call(this) : 'suspended';
      },
    });
  });
  await projectorContext.addInitScript(recorder);
  const projector = await projectorContext.newPage();
  await projector.goto(`/present/${workshop.code}`);
  await expect(projector.getByRole('heading', { name: BRING_NEED.title })).toBeVisible();
  const tones = () => projector.evaluate(() => (window as unknown as { tones: number }).tones);
  // The browser holds sound back until a tap: the projector says so, and the tap plays the chime once.
  const soundOn = projector.getByRole('button', { name: 'Turn on the time-up sound' });
  await expect(soundOn).toBeVisible();
  expect(await tones()).toBe(0);
  await shot(projector, 'projector-sound-held-1920');
  await expectNoAxeViolations(projector, 'projector, sound held back');
  await soundOn.click();
  await expect(soundOn).toHaveCount(0);
  await expect.poll(tones).toBe(2);
  const before = await tones();

  const phones = await Promise.all([newPhone(browser, 'small'), newPhone(browser, 'small')]);
  const calm = await browser.newContext({ viewport: { width: 320, height: 700 }, reducedMotion: 'reduce', hasTouch: true, isMobile: true });
  phones[1] = { context: calm, page: await calm.newPage() };
  for (const [i, phone] of phones.entries()) {
    await phone.context.addInitScript(recorder);
    await seatPhone(phone.page, workshop.code, [couple.a.token, couple.b.token][i]);
    await phone.page.goto(`/w/${workshop.code}`);
    await expect(phone.page.getByRole('heading', { name: 'What I bring', exact: true })).toBeVisible();
  }
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'timerStart', seconds: 5 })).toMatchObject({ ok: true });
  for (const phone of phones) await expect(phone.page.getByText(/Time.s up/).first()).toBeVisible({ timeout: 20_000 });
  await expect(projector.getByText(/^Time.s up$/)).toBeVisible();
  await expect.poll(tones).toBe(before + 2);
  const buzzes = await Promise.all(phones.map((p) => p.page.evaluate(() => (window as unknown as { buzzes: number[] }).buzzes)));
  expect(buzzes[0]).toHaveLength(1);
  expect(buzzes[0][0]).toBeLessThanOrEqual(300);
  expect(buzzes[1]).toEqual([]); // reduced motion: no buzz
  await shot(phones[0].page, 'phone-times-up-360');

  // The countdown's end locks nothing: both phones still write, and what is written is saved.
  const LATE = 'Written after the time was up';
  for (const phone of phones) await expect(phone.page.getByRole('button', { name: 'Add to What I bring' })).toBeEnabled();
  await phones[1].page.getByRole('button', { name: 'Add to What I bring' }).click();
  await phones[1].page.getByLabel('Your entry in What I bring').first().pressSequentially(LATE, { delay: 5 });
  await expect(phones[0].page.getByLabel("Ben's entry").filter({ hasText: LATE })).toBeVisible();

  // Turned off from the console, the next zero is silent.
  const desk = await hostPage(browser, workshop.hostUrl);
  const chime = desk.page.getByRole('switch', { name: 'Soft chime on the projector when time is up' });
  await expect(chime).toBeChecked();
  await expectNoAxeViolations(desk.page, 'console, time up with the chime switch');
  await chime.click(); // the switch follows the server's state, so it turns once the command is echoed
  await expect(chime).not.toBeChecked();
  const silent = await tones();
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'timerStart', seconds: 5 })).toMatchObject({ ok: true });
  await expect(projector.getByText(/^0:0[1-5]$/)).toBeVisible();
  await expect(projector.getByText(/^Time.s up$/)).toBeVisible({ timeout: 20_000 });
  expect(await tones()).toBe(silent);
  host.close();
  await Promise.all([projectorContext.close(), desk.context.close(), ...phones.map((p) => p.context.close())]);
});

test('[R104][R105] the closing pulse answered on two phones, one changed, and the summary’s distribution without names', async ({ browser }) => {
  const client = api();
  const workshop = await client.createWorkshop('Closing evening', [BRING_NEED]);
  const couple = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const host = hostSocket(workshop.code, workshop.hostKey);
  await connected(host);
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 0 })).toMatchObject({ ok: true });
  expect(await host.timeout(5_000).emitWithAck('host:command', { type: 'end' })).toMatchObject({ ok: true });

  const phones = [await newPhone(browser, 'small'), await newPhone(browser)];
  const small = await browser.newContext({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  await phones[0].context.close();
  phones[0] = { context: small, page: await small.newPage() };
  const answers = [
    { score: '4', word: 'grateful' },
    { score: '2', word: 'tired' },
  ];
  for (const [i, phone] of phones.entries()) {
    const page = phone.page;
    await seatPhone(page, workshop.code, [couple.a.token, couple.b.token][i]);
    await page.goto(`/w/${workshop.code}`);
    const pulse = page.getByRole('region', { name: 'How was this for you?' });
    await expect(pulse).toBeVisible();
    await pulse.getByRole('radio', { name: answers[i].score }).check({ force: true });
    await pulse.getByRole('textbox', { name: 'One word, if you like' }).fill(answers[i].word);
    await pulse.getByRole('button', { name: 'Send' }).click();
    await expect(pulse.getByText('Thank you, your answer is in. You can change it here.')).toBeVisible();
    await pulse.scrollIntoViewIfNeeded();
    await shot(page, `phone-pulse-${i === 0 ? 320 : 412}`);
    await expectNoAxeViolations(page, `phone ${i + 1}, pulse answered`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
  // Ben changes his mind; after a reload his answer is still the changed one.
  const ben = phones[1].page;
  const benPulse = ben.getByRole('region', { name: 'How was this for you?' });
  await benPulse.getByRole('radio', { name: '3' }).check({ force: true });
  await benPulse.getByRole('textbox', { name: 'One word, if you like' }).fill('lighter');
  await benPulse.getByRole('button', { name: 'Change my answer' }).click();
  await expect(benPulse.getByText('Thank you, your answer is in. You can change it here.')).toBeVisible();
  await ben.reload();
  await expect(ben.getByRole('region', { name: 'How was this for you?' }).getByRole('radio', { name: '3' })).toBeChecked();
  await expect(ben.getByRole('textbox', { name: 'One word, if you like' })).toHaveValue('lighter');

  const summary = await hostPage(browser, workshop.hostUrl.replace('#', '/summary#'));
  const region = summary.page.getByRole('region', { name: 'How was this for them?' });
  await expect(region.getByText('2 people answered.')).toBeVisible();
  const rows = await region.getByRole('row').allInnerTexts();
  expect(rows.slice(1).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['5 (very good) 0 people', '4 1 person', '3 1 person', '2 0 people', '1 (hard) 0 people']);
  await expect(region.getByRole('listitem')).toHaveText(['grateful', 'lighter']);
  await expect(region.getByText(/Ana|Ben/)).toHaveCount(0);
  await region.scrollIntoViewIfNeeded();
  await shot(summary.page, 'summary-pulse-1366');
  await expectNoAxeViolations(summary.page, 'summary with the pulse');
  host.close();
  await Promise.all([summary.context.close(), ...phones.map((p) => p.context.close())]);
});

test('[R109] on a 320 px phone the review’s spectrum end labels do not overlap', async ({ browser }) => {
  const client = api();
  const LONG = SPECTRUM.kind === 'spectrum' ? { ...SPECTRUM, id: 'long-spectrum', stops: ['Entirely on my own, without asking anyone', 'Somewhere between', 'Completely together, every single day of the week'] } : SPECTRUM;
  const workshop = await client.createWorkshop('Review evening', [SPECTRUM, LONG]);
  const couple = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const reviewUrl = (await client.me(couple.a.token)).reviewUrl;
  const context = await browser.newContext({ viewport: { width: 320, height: 700 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto(new URL(reviewUrl).pathname);
  const rows = page.getByTestId('scale-ends');
  await expect(rows.first()).toBeAttached();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const [start, end] = await rows.nth(i).locator(':scope > span').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    const overlap = start.right > end.left && end.right > start.left && start.bottom > end.top && end.bottom > start.top;
    expect(overlap, `scale row ${i}: ${JSON.stringify([start, end])}`).toBe(false);
    for (const box of [start, end]) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(320);
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await rows.last().scrollIntoViewIfNeeded();
  await shot(page, 'review-spectrum-320');
  await expectNoAxeViolations(page, 'review at 320 px');
  await context.close();
});
