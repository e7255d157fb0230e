import { expect, test, type Page } from '@playwright/test';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { HostCommand } from '../../lib/protocol';
import { LOCALES, newScreen } from './accessibilityCheck';
import { catalogueText } from './catalogueText';
import { ROOM_PEOPLE } from './roomPeople';
import { api, hostSocket, seatPhone } from './support';

/**
 * Every button, link and field on the phone pages is at least 44×44 CSS px
 * on a 320 px wide phone (WCAG 2.5.5's size, beyond 2.2's 24 px minimum): a
 * radio or checkbox counts by the label row that takes its taps. Lists every
 * offender with its size, page by page. And no page scrolls sideways there.
 */
const MIN_PX = 44;

/** How many controls the page shows now, and those smaller than MIN_PX either way, as "what (w×h)". */
function smallTargets(page: Page): Promise<{ measured: number; small: string[]; overflowPx: number }> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
    const small: string[] = [];
    let measured = 0;
    for (const el of controls) {
      if (el.closest('[hidden], [inert], dialog:not([open])') || el.tabIndex < 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const tapped = (el instanceof HTMLInputElement && ['radio', 'checkbox'].includes(el.type) && el.closest('label')) || el;
      const box = tapped.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      measured++;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      if (box.width < min || box.height < min) small.push(`${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${name}" (${Math.round(box.width)}×${Math.round(box.height)})`);
    }
    // Reflow (WCAG 1.4.10): nothing wider than the screen, so no sideways scrolling at 320 px.
    return { measured, small, overflowPx: document.documentElement.scrollWidth - window.innerWidth };
  }, MIN_PX);
}

for (const locale of LOCALES) {
  const t = catalogueText(locale);
  const [bringNeed, spectrum, support] = libraryFor(locale);
  const bring = bringNeed.kind === 'columns' ? bringNeed.columns[0].label : '';
  const question = support.kind === 'prompts' ? support.questions[0].label : '';
  const { names, titles, entries, answers } = ROOM_PEOPLE[locale];
  const [first, second, third, fourth] = names;

  test(`[R68]${locale === 'en' ? '' : '[R75]'} every target on the phone pages is at least ${MIN_PX}×${MIN_PX} px at 320 px wide, with nothing wider than the screen (${locale})`, async ({ browser }) => {
    test.setTimeout(300_000);
    const offenders: string[] = [];
    const measure = async (page: Page, where: string) => {
      const { measured, small, overflowPx } = await smallTargets(page);
      expect(measured, `${where}: controls measured`).toBeGreaterThan(1);
      expect(overflowPx, `${where}: scrolls sideways by`).toBeLessThanOrEqual(0);
      offenders.push(...small.map((t) => `${where}: ${t}`));
    };
    const client = api();
    const workshop = await client.createWorkshop(titles.small, [bringNeed, spectrum, support], locale);
    const { code } = workshop;
    const control = hostSocket(code, workshop.hostKey);
    const command = async (c: HostCommand) => expect((await control.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);

    // The way in: home, then each join step.
    const { page: joiner } = await newScreen(browser, 'phone320', { locale });
    await joiner.goto('/');
    await expect(joiner.getByLabel(t('home.roomCode'))).toBeVisible();
    await measure(joiner, 'home');
    await joiner.goto(`/join/${code}`);
    await joiner.getByLabel(t('join.nameLabel')).fill(third);
    await measure(joiner, 'join: name');
    await joiner.getByRole('button', { name: t('join.continue'), exact: true }).click();
    await joiner.getByRole('button', { name: t('join.joinPartnerChoice') }).click();
    await expect(joiner.getByLabel(t('join.pairCodeLabel'))).toBeVisible();
    await measure(joiner, 'join: choice and pair code');

    // A couple's board through every kind of exercise, on the small phone and its partner's.
    const a = await client.join(code, first);
    const couple = await client.startCouple(code, a.token);
    const { page: ana } = await newScreen(browser, 'phone320', { locale });
    await seatPhone(ana, code, a.token);
    await ana.goto(`/w/${code}`);
    await expect(ana.getByRole('heading', { name: t('board.pairCard.heading') })).toBeVisible();
    await measure(ana, 'board: lobby, alone');
    const b = await client.join(code, second);
    await client.joinCouple(code, b.token, couple.pairCode);
    const { page: ben } = await newScreen(browser, 'phone320', { locale });
    await seatPhone(ben, code, b.token);
    await ben.goto(`/w/${code}`);
    await expect(ana.getByRole('list', { name: t('board.lobby.couple') }).getByText(second, { exact: true })).toBeVisible();
    await ana.getByText(t('board.reviewLink.summary')).click();
    await measure(ana, 'board: lobby, with the review link open');

    await command({ type: 'goTo', step: 0 });
    for (const [page, text] of [[ana, entries[0]], [ben, entries[1]]] as const) {
      await page.getByRole('button', { name: t.accessibleName('board.addTo', { column: bring }) }).click();
      await page.getByLabel(t('board.yourEntryIn', { column: bring })).first().fill(text);
    }
    await expect(ana.getByLabel(t('board.partnerEntry', { name: second })).filter({ hasText: entries[1] })).toBeVisible();
    await command({ type: 'timerStart', seconds: 300 });
    await ana.getByRole('button', { name: t('board.showPrompt'), exact: true }).click();
    await measure(ana, 'board: columns, countdown, prompt open');

    await command({ type: 'goTo', step: 1 });
    await expect(ana.getByText(t('board.privateFirst.private'))).toBeVisible();
    await measure(ana, 'board: spectrum, private');

    await command({ type: 'goTo', step: 2 });
    await ana.getByLabel(question).fill(answers[0]);
    await ben.getByLabel(question).fill(answers[1]);
    await measure(ana, 'board: prompts, private');
    await command({ type: 'revealAll' });
    const share = t('board.share.propose');
    const card = ana.locator('div').filter({ has: ana.getByLabel(question) }).filter({ has: ana.getByRole('button', { name: share }) });
    await card.last().getByRole('button', { name: share }).first().click();
    await expect(ben.getByRole('button', { name: t('board.share.agree') })).toBeVisible();
    await measure(ana, 'board: prompts, revealed');
    await measure(ben, 'board: prompts, a share to answer');

    await command({ type: 'timerStart', seconds: 5 });
    await expect(ana.getByRole('button', { name: t('board.ok'), exact: true })).toBeVisible();
    await measure(ana, "board: time's up");

    await command({ type: 'end' });
    await expect(ana.getByRole('heading', { name: t('board.keep.heading') })).toBeVisible();
    await measure(ana, 'board: ended');
    await ana.getByRole('link', { name: t('board.keep.open') }).click();
    await expect(ana.getByRole('heading', { name: titles.small })).toBeVisible();
    await measure(ana, 'review');

    expect(offenders, `targets under ${MIN_PX}×${MIN_PX} px`).toEqual([]);
    control.close();
  });

  test(`[R68]${locale === 'en' ? '' : '[R75]'} the facilitator's pages zoomed to 400 % (320 CSS px wide) do not scroll sideways (${locale})`, async ({ browser }) => {
    const client = api();
    const workshop = await client.createWorkshop(titles.zoomed, [bringNeed, support], locale);
    await client.coupleInWorkshop([first, second], workshop.code);
    await client.startCouple(workshop.code, (await client.join(workshop.code, third)).token);
    await client.join(workshop.code, fourth);
    const control = hostSocket(workshop.code, workshop.hostKey);
    const { page } = await newScreen(browser, 'laptop', { locale });
    await page.setViewportSize({ width: 320, height: 800 });
    const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

    await page.goto('/host/new');
    await expect(page.getByLabel(t('hostNew.form.title'))).toBeVisible();
    expect(await sideways(), 'host new scrolls sideways by').toBeLessThanOrEqual(0);
    await page.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
    await expect(page.getByRole('region', { name: t('console.couplesHeading') }).getByText(third)).toBeVisible();
    await expect(page.getByRole('region', { name: t('console.unpairedHeading') }).getByText(fourth).first()).toBeVisible();
    expect(await sideways(), 'console (lobby) scrolls sideways by').toBeLessThanOrEqual(0);
    expect((await control.timeout(5_000).emitWithAck('host:command', { type: 'goTo', step: 1 })).ok).toBe(true);
    expect((await control.timeout(5_000).emitWithAck('host:command', { type: 'timerStart', seconds: 300 })).ok).toBe(true);
    await expect(page.getByRole('timer')).toBeVisible();
    expect(await sideways(), 'console (exercise, countdown) scrolls sideways by').toBeLessThanOrEqual(0);
    await page.goto(`/host/${workshop.code}/summary`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await sideways(), 'summary scrolls sideways by').toBeLessThanOrEqual(0);
    control.close();
  });
}
