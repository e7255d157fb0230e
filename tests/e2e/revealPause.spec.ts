import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SUPPORT } from '../../lib/catalogue/catalogue';
import { expectNoAxeViolations, newScreen } from './accessibilityCheck';
import { api, seatPhone } from './support';

/**
 * Reveal that no one is surprised by, and a pause for when it gets hard: the facilitator on a
 * laptop and two couples on phones from 320 px up. With SHOTS_DIR set, each state is also saved
 * as a screenshot there, to look at.
 */
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const RULE = 'It opens when you are both ready, or when the facilitator reveals it.';

async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SHOTS_DIR) await page.screenshot({ path: path.join(process.env.SHOTS_DIR, `${name}.png`), fullPage: false });
}

async function room(browser: Browser) {
  const client = api();
  const workshop = await client.createWorkshop('Thursday evening', [SUPPORT]);
  const c1 = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await client.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);
  const console = await newScreen(browser, 'laptop', { locale: 'en' });
  const host = console.page;
  await host.setViewportSize({ width: 1366, height: 768 });
  await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
  const screens = await Promise.all([
    newScreen(browser, 'phone320', { locale: 'en' }),
    newScreen(browser, 'phone', { locale: 'en' }),
    newScreen(browser, 'phone', { locale: 'en' }),
    newScreen(browser, 'phone320', { locale: 'en' }),
  ]);
  const tokens = [c1.a.token, c1.b.token, c2.a.token, c2.b.token];
  for (const [i, { page }] of screens.entries()) {
    await page.setViewportSize(i === 1 ? { width: 360, height: 740 } : page.viewportSize()!);
    await seatPhone(page, workshop.code, tokens[i]);
    await page.goto(`/w/${workshop.code}`);
    await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
  }
  const [ana, ben, cleo, dev] = screens.map((s) => s.page);
  await host.getByRole('button', { name: `Start ${SUPPORT.title}` }).first().click();
  for (const page of [ana, ben, cleo, dev]) await expect(page.getByLabel(QUESTION)).toBeVisible();
  const close = () => Promise.all([console, ...screens].map((s) => s.context.close()));
  return { host, ana, ben, cleo, dev, close };
}

test('[R82][R83][R84][R90] the phones say who can reveal; the console asks with the not-ready count; each phone says how it was revealed', async ({ browser }) => {
  test.setTimeout(300_000);
  const { host, ana, ben, cleo, dev, close } = await room(browser);
  try {
    // From the first moment, every phone says who can reveal.
    for (const page of [ana, ben, cleo, dev]) await expect(page.getByText(RULE)).toBeVisible();
    await expectNoAxeViolations(ana, 'phone 320: private-first, who can reveal');
    await shot(ana, 'phone320-reveal-rule');

    await ana.getByLabel(QUESTION).fill('When you make space for my quiet mornings');
    await ana.getByRole('button', { name: "I'm ready" }).click();
    await cleo.getByRole('button', { name: "I'm ready" }).click();
    await expect(host.getByRole('row').filter({ hasText: 'Cleo' }).getByText('✓ ready')).toBeVisible();

    // "Reveal for Cleo and Dev" asks first: Dev has not tapped ready.
    const couples = host.getByRole('region', { name: 'Couples' });
    await couples.getByRole('button', { name: 'Reveal for Cleo and Dev' }).click();
    const coupleQuestion = host.getByRole('dialog', { name: 'Reveal for Cleo and Dev?' });
    await expect(coupleQuestion).toContainText('1 person has not tapped ready yet.');
    await coupleQuestion.getByRole('button', { name: 'Cancel' }).click();
    await expect(coupleQuestion).toHaveCount(0);
    await expect(dev.getByText(RULE)).toBeVisible();

    // "Reveal for everyone": Ben and Dev have not tapped ready.
    await host.getByRole('button', { name: 'Reveal for everyone' }).click();
    const question = host.getByRole('dialog', { name: 'Reveal for everyone?' });
    await expect(question).toContainText('2 people have not tapped ready yet.');
    await expectNoAxeViolations(host, 'console: the reveal question');
    await shot(host, 'console-reveal-question');
    await question.getByRole('button', { name: 'Cancel' }).click();

    // Ben gets ready: Ana and Ben reveal themselves, and their phones say so.
    await ben.getByRole('button', { name: "I'm ready" }).click();
    for (const page of [ana, ben]) await expect(page.getByText('You are both ready', { exact: true })).toBeVisible();
    await expect(ben.getByLabel("Ana's answer").filter({ hasText: 'quiet mornings' })).toBeVisible();
    await expect(host.getByRole('row').filter({ hasText: 'Ana' }).getByText('✓ Revealed')).toBeVisible();

    // Now only Dev is left; the facilitator reveals for everyone.
    await host.getByRole('button', { name: 'Reveal for everyone' }).click();
    await expect(question).toContainText('1 person has not tapped ready yet.');
    await question.getByRole('button', { name: 'Yes, reveal now' }).click();
    for (const page of [cleo, dev]) await expect(page.getByText('The facilitator revealed this exercise', { exact: true })).toBeVisible();
    // Ana's reveal stays theirs, after a reload too: it is the server's record, not this page's guess.
    await ana.reload();
    await expect(ana.getByText('You are both ready', { exact: true })).toBeVisible();
    await expect(ana.getByText('The facilitator revealed this exercise', { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(dev, 'phone 320: revealed by the facilitator');
    await shot(dev, 'phone320-revealed-by-facilitator');
    await shot(ben, 'phone360-revealed-both-ready');
  } finally {
    await close();
  }
});

test('[R85][R86][R90] a pause asked on one phone is seen on the partner’s and on the console, acknowledged, and lifted by the asker', async ({ browser }) => {
  test.setTimeout(300_000);
  const { host, ana, ben, cleo, close } = await room(browser);
  try {
    await expect(ana.getByRole('button', { name: 'Ask for a pause' })).toBeVisible();
    await shot(ana, 'phone320-pause-ask');
    await ben.getByRole('button', { name: 'Ask for a pause' }).click();

    // Ana's phone shows it at once, with no way for her to lift it; Ben's offers Resume.
    await expect(ana.getByRole('heading', { name: 'Ben asked for a pause' })).toBeVisible();
    await expect(ana.getByRole('button', { name: 'Resume' })).toHaveCount(0);
    await expect(ben.getByRole('heading', { name: 'You asked for a pause' })).toBeVisible();
    await expect(ben.getByText('The facilitator has been told.')).toBeVisible();
    // The other couple sees nothing of it.
    await expect(cleo.getByText(/asked for a pause/)).toHaveCount(0);

    // The console: that the couple asked, never why.
    const requests = host.getByRole('region', { name: 'A couple asked for a pause' });
    await expect(requests.getByText('Ana and Ben')).toBeVisible();
    await expect(host.getByRole('row').filter({ hasText: 'Ana' }).getByText('Pause asked')).toBeVisible();
    await expectNoAxeViolations(host, 'console: a pause asked');
    await shot(host, 'console-pause-asked');
    await expectNoAxeViolations(ana, 'phone 320: the partner asked for a pause');
    await shot(ana, 'phone320-partner-paused');

    await requests.getByRole('button', { name: 'I have seen it: pause of Ana and Ben' }).click();
    for (const page of [ana, ben]) await expect(page.getByText('The facilitator has seen it.')).toBeVisible();
    await expect(requests.getByText('✓ They know you have seen it')).toBeVisible();

    // It survives a reload of the partner's phone.
    await ana.reload();
    await expect(ana.getByRole('heading', { name: 'Ben asked for a pause' })).toBeVisible();
    await expectNoAxeViolations(ben, 'phone 360: my pause, acknowledged');
    await shot(ben, 'phone360-my-pause-acknowledged');

    // The facilitator's note reaches every phone, calmly, in the status bar.
    const note = host.getByRole('region', { name: 'A note to every phone' });
    await note.getByLabel('One line for every phone').fill('Two more minutes, then we gather');
    await note.getByRole('button', { name: 'Send to every phone' }).click();
    for (const page of [ana, ben, cleo]) await expect(page.getByRole('note', { name: 'From the facilitator' })).toContainText('Two more minutes, then we gather');
    await expectNoAxeViolations(cleo, 'phone: the facilitator’s note');
    await shot(ana, 'phone320-note-and-pause');

    // Only Ben lifts the pause; then it is gone everywhere.
    await ben.getByRole('button', { name: 'Resume' }).click();
    for (const page of [ana, ben]) await expect(page.getByText(/asked for a pause/)).toHaveCount(0);
    await expect(requests).toHaveCount(0);
    await expect(ana.getByRole('button', { name: 'Ask for a pause' })).toBeVisible();
    await note.getByRole('button', { name: 'Clear the note' }).click();
    await expect(ana.getByRole('note', { name: 'From the facilitator' })).toHaveCount(0);
  } finally {
    await close();
  }
});
