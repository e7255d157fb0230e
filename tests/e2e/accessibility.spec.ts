import { expect, test, type Page } from '@playwright/test';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { HostCommand } from '../../lib/protocol';
import { COLOR_SCHEMES, expectNoAxeViolations, LOCALES, newScreen } from './accessibilityCheck';
import { catalogueText } from './catalogueText';
import { ROOM_PEOPLE } from './roomPeople';
import { api, hostSocket, seatPhone } from './support';

/**
 * axe (WCAG 2.2 A and AA rules) on every page and state a person meets, in every locale of
 * LOCALES (Arabic right to left), each control found by its name in that locale's catalogue:
 * driven through the UI where a person would, through the API and the facilitator's socket
 * where the state is the point, not the way to it. The workshops are created in the locale and
 * the browsers ask for it. Phones at 320 px and at an everyday size, the console on a laptop,
 * the projector at 1920×1080. docs/ACCESSIBILITY.md lists what this covers.
 */
for (const locale of LOCALES) {
  const t = catalogueText(locale);
  const [bringNeed, spectrum, support] = libraryFor(locale);
  const bring = bringNeed.kind === 'columns' ? bringNeed.columns[0].label : '';
  const question = support.kind === 'prompts' ? support.questions[0].label : '';
  const spectrumStop = spectrum.kind === 'spectrum' ? spectrum.stops[1] : '';
  const {
    names: [first, second],
    titles,
    entries: [entry],
    answers,
  } = ROOM_PEOPLE[locale];

  for (const colorScheme of COLOR_SCHEMES) {
    const look = { locale, colorScheme };
    test.describe(`accessibility (${locale}, ${colorScheme})`, () => {
      test('[R65][R74] home and every join step on a 320 px phone', async ({ browser }) => {
        const client = api();
        const workshop = await client.createWorkshop(titles.spring, [bringNeed], locale);
        const { page } = await newScreen(browser, 'phone320', look);
        const roomCode = page.getByLabel(t('home.roomCode'));
        const join = page.getByRole('button', { name: t('home.join'), exact: true });

        await page.goto('/');
        await expect(roomCode).toBeVisible();
        await expectNoAxeViolations(page, 'home');
        await roomCode.fill('abc');
        await join.click();
        await expect(roomCode).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'join: code, refused');

        await roomCode.fill(workshop.code);
        await join.click();
        await expect(page.getByLabel(t('join.nameLabel'))).toBeVisible();
        await expectNoAxeViolations(page, 'join: name');

        await page.getByLabel(t('join.nameLabel')).fill(first);
        await page.getByRole('button', { name: t('join.continue'), exact: true }).click();
        await expect(page.getByRole('button', { name: t('join.startBoard') })).toBeVisible();
        await expectNoAxeViolations(page, 'join: choice');

        await page.getByRole('button', { name: t('join.joinPartnerChoice') }).click();
        const pairCode = page.getByLabel(t('join.pairCodeLabel'));
        await expect(pairCode).toBeVisible();
        await expectNoAxeViolations(page, 'join: pair code');
        await pairCode.fill('zzz zzz');
        await page.getByRole('button', { name: t('join.joinPartnerSubmit'), exact: true }).click();
        await expect(pairCode).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'join: pair code, refused');

        await page.goto('/join/ABCDEFGH');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page, 'join: no such workshop');
      });

      test('[R65][R74] host new, with the exercise dialog open for each kind', async ({ browser }) => {
        const { page } = await newScreen(browser, 'laptop', look);
        const title = page.getByLabel(t('hostNew.form.title'));
        await page.goto('/host/new');
        await expect(title).toBeVisible();
        await expectNoAxeViolations(page, 'host new');
        await page.getByRole('button', { name: t('hostNew.form.create'), exact: true }).click();
        await expect(title).toHaveAttribute('aria-invalid', 'true');
        await expectNoAxeViolations(page, 'host new, refused');

        await page.getByRole('button', { name: t('hostNew.mine.new'), exact: true }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expectNoAxeViolations(page, 'host new: exercise dialog (columns)');
        for (const kind of ['spectrum', 'prompts'] as const) {
          await dialog.getByRole('radio', { name: t(`exerciseKinds.${kind}.label`) }).check();
          await expectNoAxeViolations(page, `host new: exercise dialog (${kind})`);
        }
        await dialog.getByLabel(t('hostNew.editor.title'), { exact: true }).fill('');
        await dialog.getByRole('button', { name: t('hostNew.editor.save'), exact: true }).click();
        await expect(dialog.getByRole('alert').first()).toBeVisible();
        await expectNoAxeViolations(page, 'host new: exercise dialog with problems');
      });

      test('[R65][R74] console, two phones and the projector through a whole workshop, then review and summary', async ({ browser }) => {
        test.setTimeout(420_000);
        const client = api();
        const workshop = await client.createWorkshop(titles.thursday, [bringNeed, spectrum, support], locale);
        const { code } = workshop;
        const couple = await client.coupleInWorkshop([first, second], code);
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
        await expect(host.getByRole('heading', { name: t('console.now.lobbyHeading') })).toBeVisible();
        await expect(projector.getByText(`${code.slice(0, 4)} ${code.slice(4)}`).first()).toBeVisible();
        for (const page of [ana, ben]) await expect(page.getByRole('heading', { name: t('board.lobby.heading') })).toBeVisible();
        await expectNoAxeViolations(host, 'console: lobby');
        await expectNoAxeViolations(projector, 'projector: lobby');
        await check('lobby');

        // Columns, with an entry of the first partner's on the second's phone.
        await command({ type: 'goTo', step: 0 });
        await ana.getByRole('button', { name: t.accessibleName('board.addTo', { column: bring }) }).click();
        await ana.getByLabel(t('board.yourEntryIn', { column: bring })).first().pressSequentially(entry, { delay: 5 });
        await expect(ben.getByLabel(t('board.partnerEntry', { name: first })).filter({ hasText: entry })).toBeVisible();
        await expect(host.getByRole('heading', { name: bringNeed.title })).toBeVisible();
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
        await ana.getByRole('radio', { name: spectrumStop }).first().check();
        await expect(ana.getByText(t('board.privateFirst.private'))).toBeVisible();
        await check('spectrum, private');

        // Questions, private first: the first partner ready, then revealed for everyone.
        await command({ type: 'goTo', step: 2 });
        await ana.getByLabel(question).fill(answers[0]);
        await ben.getByLabel(question).fill(answers[1]);
        await ana.getByRole('button', { name: t('board.ready.imReady'), exact: true }).click();
        await expect(ben.getByText(t('board.ready.partnerReady', { name: first }))).toBeVisible();
        await check('prompts, private, partner ready');
        await command({ type: 'revealAll' });
        await expect(ben.getByLabel(t('board.partnerAnswer', { name: first }))).toBeVisible();
        await check('prompts, revealed');

        // The first answer for the room wall: proposed, agreed, waiting on the console, approved onto the projector.
        const share = t('board.share.propose');
        const card = ana.locator('div').filter({ has: ana.getByLabel(question) }).filter({ has: ana.getByRole('button', { name: share }) });
        await card.last().getByRole('button', { name: share }).first().click();
        await expect(ben.getByRole('button', { name: t('board.share.agree') })).toBeVisible();
        await check('prompts, a share to answer');
        await ben.getByRole('button', { name: t('board.share.agree') }).click();
        const wall = host.getByRole('region', { name: t('console.wall.heading') });
        await expect(wall.getByRole('button', { name: t('console.wall.approve') })).toBeVisible();
        await expectNoAxeViolations(host, 'console: a wall entry waiting');
        await wall.getByRole('button', { name: t('console.wall.approve') }).click();
        await expect(projector.getByText(answers[0])).toBeVisible();
        await expect(ana.getByText(t('board.share.onWall')).first()).toBeVisible();
        await expectNoAxeViolations(projector, 'projector: wall');
        await check('prompts, shared to the wall');

        // Time's up.
        await command({ type: 'timerStart', seconds: 5 });
        await expect(ana.getByText(t('board.timesUp'))).toBeVisible();
        await check("time's up");
        await expectNoAxeViolations(host, "console: time's up");

        // The end.
        await command({ type: 'end' });
        await expect(host.getByRole('heading', { name: t('console.now.endedHeading') })).toBeVisible();
        await expect(projector.getByRole('heading', { level: 1 })).toBeVisible();
        for (const page of [ana, ben]) await expect(page.getByRole('heading', { name: t('board.keep.heading') })).toBeVisible();
        await expectNoAxeViolations(host, 'console: ended');
        await expectNoAxeViolations(projector, 'projector: thanks');
        await check('ended');

        // Afterwards: the couple's review page on the small phone, the facilitator's summary.
        await ana.getByRole('link', { name: t('board.keep.open') }).click();
        await expect(ana.getByRole('heading', { name: titles.thursday })).toBeVisible();
        await expect(ana.getByText(answers[0]).first()).toBeVisible();
        await expectNoAxeViolations(ana, 'review (phone 320)');
        await host.getByRole('link', { name: t('console.summaryLink') }).click();
        await expect(host.getByRole('heading', { level: 1 })).toBeVisible();
        await expect(host.getByText(answers[0])).toBeVisible();
        await expectNoAxeViolations(host, 'summary');
        control.close();
      });
    });
  }
}
