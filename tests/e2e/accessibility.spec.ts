import { expect, test, type Page } from '@playwright/test';
import { BRING_NEED, SPECTRUM, SUPPORT } from '../../lib/catalogue/catalogue';
import type { HostCommand } from '../../lib/protocol';
import { COLOR_SCHEMES, expectNoAxeViolations, LOCALES, newScreen } from './accessibilityCheck';
import { api, hostSocket, seatPhone } from './support';

/**
 * axe (WCAG 2.2 A and AA rules) on every page and state a person meets:
 * driven through the UI where a person would, through the API and the
 * facilitator's socket where the state is the point, not the way to it.
 * Phones at 320 px and at an everyday size, the console on a laptop, the
 * projector at 1920×1080. docs/ACCESSIBILITY.md lists what this covers.
 */
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const SPECTRUM_STOP = SPECTRUM.kind === 'spectrum' ? SPECTRUM.stops[1] : '';

for (const locale of LOCALES) {
  for (const colorScheme of COLOR_SCHEMES) {
    const look = { locale, colorScheme };
    test.describe(`accessibility (${locale}, ${colorScheme})`, () => {
      test('[R65] home and every join step on a 320 px phone', async ({ browser }) => {
        const client = api();
        const workshop = await client.createWorkshop('Spring evening', [BRING_NEED]);
        const { page } = await newScreen(browser, 'phone320', look);

        await page.goto('/');
        await expect(page.getByLabel('Room code')).toBeVisible();
        await expectNoAxeViolations(page, 'home');
        await page.getByLabel('Room code').fill('abc');
        await page.getByRole('button', { name: 'Join', exact: true }).click();
        await expect(page.getByLabel('Room code')).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'join: code, refused');

        await page.getByLabel('Room code').fill(workshop.code);
        await page.getByRole('button', { name: 'Join', exact: true }).click();
        await expect(page.getByLabel('Your first name')).toBeVisible();
        await expectNoAxeViolations(page, 'join: name');

        await page.getByLabel('Your first name').fill('Ana');
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect(page.getByRole('button', { name: 'Start our board' })).toBeVisible();
        await expectNoAxeViolations(page, 'join: choice');

        await page.getByRole('button', { name: 'Join my partner' }).click();
        await expect(page.getByLabel('Pair code')).toBeVisible();
        await expectNoAxeViolations(page, 'join: pair code');
        await page.getByLabel('Pair code').fill('zzz zzz');
        await page.getByRole('button', { name: 'Join partner' }).click();
        await expect(page.getByLabel('Pair code')).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'join: pair code, refused');

        await page.goto('/join/ABCDEFGH');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page, 'join: no such workshop');
      });

      test('[R65] host new, with the exercise dialog open for each kind', async ({ browser }) => {
        const { page } = await newScreen(browser, 'laptop', look);
        await page.goto('/host/new');
        await expect(page.getByLabel('Workshop title')).toBeVisible();
        await expectNoAxeViolations(page, 'host new');
        await page.getByRole('button', { name: 'Create workshop' }).click();
        await expect(page.getByLabel('Workshop title')).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'host new, refused');

        await page.getByRole('button', { name: 'New exercise' }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(page, 'host new: exercise dialog (columns)');
        for (const kind of ['Spectrum', 'Questions']) {
          await dialog.getByRole('radio', { name: kind }).check();
          await expectNoAxeViolations(page, `host new: exercise dialog (${kind})`);
        }
        await dialog.getByLabel('Title').fill('');
        await dialog.getByRole('button', { name: 'Save exercise' }).click();
        await expect(dialog.getByRole('alert').first()).toBeVisible();
        await expectNoAxeViolations(page, 'host new: exercise dialog with problems');
      });

      test('[R65] console, two phones and the projector through a whole workshop, then review and summary', async ({ browser }) => {
        test.setTimeout(420_000);
        const client = api();
        const workshop = await client.createWorkshop('Thursday evening', [BRING_NEED, SPECTRUM, SUPPORT]);
        const { code } = workshop;
        const couple = await client.coupleInWorkshop(['Ana', 'Ben'], code);
        const control = hostSocket(code, workshop.hostKey);
        const command = async (c: HostCommand) => expect((await control.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);

        const host = (await newScreen(browser, 'laptop', look)).page;
        await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
        const projector = (await newScreen(browser, 'projector', look)).page;
        await projector.goto(`/present/${code}`);
        const ana = (await newScreen(browser, 'phone320', look)).page;
        const ben = (await newScreen(browser, 'phone', look)).page;
        for (const [page, token] of [[ana, couple.a.token], [ben, couple.b.token]] as const) {
          await seatPhone(page, code, token);
          await page.goto(`/w/${code}`);
        }
        const phones: [Page, string][] = [[ana, 'phone 320'], [ben, 'phone']];
        const check = async (what: string) => {
          for (const [page, size] of phones) await expectNoAxeViolations(page, `board: ${what} (${size})`);
        };

        // Lobby.
        await expect(host.getByRole('heading', { name: 'Start when the room is ready' })).toBeVisible();
        await expect(projector.getByText(`${code.slice(0, 4)} ${code.slice(4)}`).first()).toBeVisible();
        for (const page of [ana, ben]) await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
        await expectNoAxeViolations(host, 'console: lobby');
        await expectNoAxeViolations(projector, 'projector: lobby');
        await check('lobby');

        // Columns, with an entry of Ana's on Ben's phone.
        await command({ type: 'goTo', step: 0 });
        await ana.getByRole('button', { name: 'Add to What I bring' }).click();
        await ana.getByLabel('Your entry in What I bring').first().pressSequentially('Tea when you are tired', { delay: 5 });
        await expect(ben.getByLabel("Ana's entry").filter({ hasText: 'Tea when you are tired' })).toBeVisible();
        await expect(host.getByRole('heading', { name: BRING_NEED.title })).toBeVisible();
        await expectNoAxeViolations(host, 'console: running');
        await expectNoAxeViolations(projector, 'projector: exercise');
        await check('columns');

        // A countdown everywhere.
        await command({ type: 'timerStart', seconds: 300 });
        await expect(host.getByRole('timer')).toBeVisible();
        await expect(ana.getByRole('timer')).toBeVisible();
        await expect(projector.getByText(/^[45]:\d\d$/)).toBeVisible();
        await expectNoAxeViolations(host, 'console: countdown');
        await expectNoAxeViolations(projector, 'projector: countdown');
        await check('columns with a countdown');

        // A spectrum, private first.
        await command({ type: 'goTo', step: 1 });
        await ana.getByRole('radio', { name: SPECTRUM_STOP }).first().check();
        await expect(ana.getByText('Private until you are both ready')).toBeVisible();
        await check('spectrum, private');

        // Questions, private first: Ana ready, then revealed for everyone.
        await command({ type: 'goTo', step: 2 });
        await ana.getByLabel(QUESTION).fill('When you make space for my quiet mornings');
        await ben.getByLabel(QUESTION).fill('When you ask how my day really was');
        await ana.getByRole('button', { name: "I'm ready" }).click();
        await expect(ben.getByText('Ana is ready')).toBeVisible();
        await check('prompts, private, partner ready');
        await command({ type: 'revealAll' });
        await expect(ben.getByLabel("Ana's answer")).toBeVisible();
        await check('prompts, revealed');

        // Ana's answer for the room wall: proposed, agreed, waiting on the console, approved onto the projector.
        const card = ana.locator('div').filter({ has: ana.getByLabel(QUESTION) }).filter({ has: ana.getByRole('button', { name: 'Share with the room' }) });
        await card.last().getByRole('button', { name: 'Share with the room' }).first().click();
        await expect(ben.getByRole('button', { name: 'Agree to share' })).toBeVisible();
        await check('prompts, a share to answer');
        await ben.getByRole('button', { name: 'Agree to share' }).click();
        const wall = host.getByRole('region', { name: 'Room wall' });
        await expect(wall.getByRole('button', { name: 'Approve' })).toBeVisible();
        await expectNoAxeViolations(host, 'console: a wall entry waiting');
        await wall.getByRole('button', { name: 'Approve' }).click();
        await expect(projector.getByText('When you make space for my quiet mornings')).toBeVisible();
        await expect(ana.getByText('On the room wall').first()).toBeVisible();
        await expectNoAxeViolations(projector, 'projector: wall');
        await check('prompts, shared to the wall');

        // Time's up.
        await command({ type: 'timerStart', seconds: 5 });
        await expect(ana.getByText("Time's up — finish your thought")).toBeVisible();
        await check("time's up");
        await expectNoAxeViolations(host, "console: time's up");

        // The end.
        await command({ type: 'end' });
        await expect(host.getByRole('heading', { name: 'This workshop has ended' })).toBeVisible();
        await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
        for (const page of [ana, ben]) await expect(page.getByRole('heading', { name: 'Keep your board' })).toBeVisible();
        await expectNoAxeViolations(host, 'console: ended');
        await expectNoAxeViolations(projector, 'projector: thanks');
        await check('ended');

        // Afterwards: the couple's review page on the small phone, the facilitator's summary.
        await ana.getByRole('link', { name: 'Open your board' }).click();
        await expect(ana.getByRole('heading', { name: 'Thursday evening' })).toBeVisible();
        await expect(ana.getByText('When you make space for my quiet mornings').first()).toBeVisible();
        await expectNoAxeViolations(ana, 'review (phone 320)');
        await host.getByRole('link', { name: 'Session summary' }).click();
        await expect(host.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(host.getByText('When you make space for my quiet mornings')).toBeVisible();
        await expectNoAxeViolations(host, 'summary');
        control.close();
      });
    });
  }
}
