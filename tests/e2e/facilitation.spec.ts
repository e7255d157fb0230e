import { expect, test } from '@playwright/test';
import { SUPPORT } from '../../lib/catalogue/catalogue';
import { api, newPhone, seatPhone } from './support';

/**
 * A real round of a workshop, as people do it: the facilitator on a laptop,
 * the projector on the wall, two couples on four phones. A private-first
 * exercise with a countdown; one couple reveals by both being ready, the
 * other by the facilitator; one answer goes to the room wall with both
 * partners' consent and the facilitator's approval.
 */
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const ANA = 'When you make space for my quiet mornings';
const BEN = 'When you ask how my day really was';
const CLEO_PRIVATE = 'CANARY-cleo-never-shared';

test('[R24][R26][R27][R28] facilitator, projector and four phones through a private-first exercise', async ({ browser }) => {
  test.setTimeout(300_000);
  const client = api();
  const workshop = await client.createWorkshop('Thursday evening', [SUPPORT]);
  const c1 = await client.coupleInWorkshop(['Ana', 'Ben'], workshop.code);
  const c2 = await client.coupleInWorkshop(['Cleo', 'Dev'], workshop.code);

  const hostContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const host = await hostContext.newPage();
  await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
  const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const projector = await projectorContext.newPage();
  await projector.goto(`/present/${workshop.code}`);
  await expect(projector.getByText(`${workshop.code.slice(0, 4)} ${workshop.code.slice(4)}`).first()).toBeVisible();

  const phones = await Promise.all([newPhone(browser), newPhone(browser), newPhone(browser, 'small'), newPhone(browser, 'small')]);
  const tokens = [c1.a.token, c1.b.token, c2.a.token, c2.b.token];
  for (const [i, phone] of phones.entries()) {
    await seatPhone(phone.page, workshop.code, tokens[i]);
    await phone.page.goto(`/w/${workshop.code}`);
    await expect(phone.page.getByRole('heading', { name: "You're in" })).toBeVisible();
  }
  const [ana, ben, cleo, dev] = phones.map((p) => p.page);

  // Start the exercise and a countdown: every phone and the projector follow.
  await host.getByRole('button', { name: `Start ${SUPPORT.title}` }).first().click();
  for (const page of phones.map((p) => p.page)) await expect(page.getByLabel(QUESTION)).toBeVisible();
  await expect(projector.getByText(SUPPORT.title).first()).toBeVisible();
  await host.getByRole('group', { name: 'Start a countdown' }).getByRole('button', { name: '5 min', exact: true }).click();
  for (const page of [ana, dev]) await expect(page.getByRole('timer').first()).toContainText(/[45]:\d\d/);
  await expect(projector.getByText(/^[45]:\d\d$/)).toBeVisible();

  // Everyone writes privately.
  await ana.getByLabel(QUESTION).fill(ANA);
  await ben.getByLabel(QUESTION).fill(BEN);
  await cleo.getByLabel(QUESTION).fill(CLEO_PRIVATE);
  await expect(ana.getByText('Private until you are both ready').first()).toBeVisible();
  await expect(host.getByRole('region', { name: 'Couples' }).getByText(/1 entr/).first()).toBeVisible();

  // Couple 1 reveals by both being ready; until then Ben sees nothing of Ana's.
  await ana.getByRole('button', { name: "I'm ready" }).click();
  await expect(ben.getByText('Ana is ready')).toBeVisible();
  // The state that brought "Ana is ready" says private still (a reveal would have come with it), and nothing of hers is here.
  await expect(ben.getByText('Private until you are both ready')).toBeVisible();
  await expect(ben.getByLabel("Ana's answer")).toHaveCount(0);
  await ben.getByRole('button', { name: "I'm ready" }).click();
  await expect(ben.getByLabel("Ana's answer").filter({ hasText: ANA })).toBeVisible();
  await expect(ana.getByLabel("Ben's answer").filter({ hasText: BEN })).toBeVisible();
  // Couple 1's reveal is not couple 2's: Cleo taps ready, and Dev's phone, told so after that reveal, still shows nothing of hers.
  await cleo.getByRole('button', { name: "I'm ready" }).click();
  await expect(dev.getByText('Cleo is ready')).toBeVisible();
  await expect(dev.getByText('Private until you are both ready')).toBeVisible();
  await expect(dev.getByLabel("Cleo's answer")).toHaveCount(0);

  // Couple 2 is revealed by the facilitator.
  await host.getByRole('button', { name: 'Reveal for everyone' }).click();
  // It asks first ([R83]): Ana and Ben are revealed already, Cleo is ready, so only Dev has not tapped ready.
  await expect(host.getByRole('dialog', { name: 'Reveal for everyone?' })).toContainText('1 person has not tapped ready yet.');
  await host.getByRole('button', { name: 'Yes, reveal now' }).click();
  await expect(dev.getByLabel("Cleo's answer").filter({ hasText: CLEO_PRIVATE })).toBeVisible();

  // Ana proposes her answer for the room wall; Ben agrees; the facilitator approves; the projector shows it.
  const share = ana.getByRole('button', { name: 'Share with the room' });
  // The innermost block holding both Ana's answer and a share button is her own answer's card.
  await ana.locator('div').filter({ has: ana.getByLabel(QUESTION) }).filter({ has: share }).last().getByRole('button', { name: 'Share with the room' }).first().click();
  await expect(ben.getByText('Ana would like to share this with the room (without names)')).toBeVisible();
  await ben.getByRole('button', { name: 'Agree to share' }).click();
  const wall = host.getByRole('region', { name: 'Room wall' });
  await expect(wall.getByText(ANA)).toBeVisible();
  await wall.getByRole('button', { name: 'Approve' }).click();
  await expect(projector.getByText(ANA)).toBeVisible();
  await expect(ana.getByText('On the room wall').first()).toBeVisible();

  // Nothing private reached the facilitator or the projector: not Cleo's unshared words, not Ben's. Both have heard
  // of everything by now (the console counts Cleo's answer; the projector shows the wall), yet hold none of the words.
  await expect(host.getByRole('row').filter({ hasText: 'Cleo' }).getByText('1 entry')).toBeVisible();
  for (const page of [host, projector]) {
    const html = await page.content();
    expect(html).not.toContain(CLEO_PRIVATE);
    expect(html).not.toContain(BEN);
  }
});
