import { expect, test } from '@playwright/test';
import { libraryFor } from '../../lib/catalogue/catalogue';
import { COLOR_SCHEMES, LOCALES, newScreen } from './accessibilityCheck';
import { catalogueText } from './catalogueText';
import { expectVisibleFocus, tabTo } from './keyboardSupport';
import { ROOM_PEOPLE } from './roomPeople';
import { api, seatPhone } from './support';

/**
 * The facilitator's whole round with the keyboard alone — Tab, Shift+Tab,
 * Enter, Space, Escape, and typing into fields: create the workshop, start an
 * exercise, start a countdown, reveal, approve a wall entry, end. Every
 * control focus passes on the way must show a ring of at least 3:1 that
 * nothing covers. The phones are driven as people tap them; only the console
 * is keyboard-only. In every locale of LOCALES, each control named from its catalogue: the
 * facilitator's browser asks for the locale, so the create form picks it as the workshop's.
 */

for (const locale of LOCALES) {
  const t = catalogueText(locale);
  const support = libraryFor(locale)[2];
  const question = support.kind === 'prompts' ? support.questions[0].label : '';
  const {
    names: [first, second],
    titles,
    answers,
  } = ROOM_PEOPLE[locale];

  for (const colorScheme of COLOR_SCHEMES) {
    test(`[R66]${locale === 'en' ? '' : '[R75]'} a whole facilitation round with the keyboard alone (${locale}, ${colorScheme})`, async ({ browser }) => {
      test.setTimeout(300_000);
      const { page: host } = await newScreen(browser, 'laptop', { locale, colorScheme });
      const focused = (name: string | RegExp) => expect(host.getByRole('button', { name }).first()).toBeFocused();
      const passed: string[] = [];

      // Create: a title, the default agenda (the library), and a look into the exercise dialog and out again with Escape.
      await host.goto('/host/new');
      passed.push(...(await tabTo(host, host.getByLabel(t('hostNew.form.title')))));
      await host.keyboard.type(titles.keyboard);
      passed.push(...(await tabTo(host, host.getByRole('button', { name: t('hostNew.mine.new'), exact: true }))));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('dialog')).toBeVisible();
      await expect(host.getByRole('dialog')).toContainText(t('hostNew.editor.heading.new'));
      await host.keyboard.press('Escape');
      await expect(host.getByRole('dialog')).toBeHidden();
      await focused(t('hostNew.mine.new'));
      passed.push(...(await tabTo(host, host.getByRole('button', { name: t('hostNew.form.create'), exact: true }), { backwards: true })));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('heading', { name: titles.keyboard })).toBeVisible();
      const code = host.url().match(/\/host\/([A-Z0-9]{8})/)![1];

      // Two partners on their phones, driven as people tap them.
      const client = api();
      const couple = await client.coupleInWorkshop([first, second], code);
      const [ana, ben] = [(await newScreen(browser, 'phone320', { locale })).page, (await newScreen(browser, 'phone', { locale })).page];
      for (const [page, token] of [[ana, couple.a.token], [ben, couple.b.token]] as const) {
        await seatPhone(page, code, token);
        await page.goto(`/w/${code}`);
        await expect(page.getByRole('heading', { name: t('board.lobby.heading') })).toBeVisible();
      }
      await expect(host.getByRole('region', { name: t('console.couplesHeading') }).getByText(first)).toBeVisible();

      // Start the private-first questions from the agenda strip, then a countdown (Space this time).
      passed.push(...(await tabTo(host, host.getByRole('button', { name: t.accessibleName('console.agenda.start', { name: support.title }) }).first())));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('region', { name: t('console.now.label') }).getByRole('heading', { name: support.title })).toBeVisible();
      await expect(ana.getByLabel(question)).toBeVisible();
      const fiveMinutes = host.getByRole('group', { name: t('console.countdown.startGroup') }).getByRole('button', { name: t.namesStartingWith('console.countdown.preset', { minutes: 5 }) });
      passed.push(...(await tabTo(host, fiveMinutes)));
      await host.keyboard.press('Space');
      await expect(host.getByRole('timer')).toContainText(/[45]:\d\d/);
      await expect(ana.getByRole('timer')).toBeVisible();

      // The partners write; the facilitator reveals for everyone.
      await ana.getByLabel(question).fill(answers[0]);
      await ben.getByLabel(question).fill(answers[1]);
      await expect(host.getByRole('row').filter({ hasText: first }).getByText(t('console.couples.entries', { count: 2 }), { exact: true })).toBeVisible();
      passed.push(...(await tabTo(host, host.getByRole('button', { name: t('console.now.revealAll') }), { backwards: true })));
      await host.keyboard.press('Enter');
      // The reveal asks first; Cancel has focus, the next Tab the reveal itself.
      await expect(host.getByRole('dialog', { name: t('reveal.allTitle') })).toBeVisible();
      await host.keyboard.press('Tab');
      await expect(host.getByRole('button', { name: t('reveal.confirm') })).toBeFocused();
      await host.keyboard.press('Enter');
      await expect(ben.getByLabel(t('board.partnerAnswer', { name: first })).filter({ hasText: answers[0] })).toBeVisible();

      // The phones propose and agree to share Ana's answer; the facilitator approves it from the keyboard.
      const share = t('board.share.propose');
      const card = ana.locator('div').filter({ has: ana.getByLabel(question) }).filter({ has: ana.getByRole('button', { name: share }) });
      await card.last().getByRole('button', { name: share }).first().click();
      await ben.getByRole('button', { name: t('board.share.agree') }).click();
      const wall = host.getByRole('region', { name: t('console.wall.heading') });
      await expect(wall.getByText(answers[0])).toBeVisible();
      passed.push(...(await tabTo(host, wall.getByRole('button', { name: t('console.wall.approve') }))));
      await host.keyboard.press('Space');
      await expect(ana.getByText(t('board.share.onWall')).first()).toBeVisible();
      // The approved entry left the queue with the button; focus went on to the queue's heading, not the page.
      await expect(wall.getByRole('heading', { name: t('console.wall.waiting', { count: 0 }) })).toBeFocused();

      // End: Escape backs out of the question with focus back on the button; then yes, and focus lands on the outcome.
      const end = host.getByRole('button', { name: t('console.room.end'), exact: true });
      passed.push(...(await tabTo(host, end, { backwards: true })));
      await host.keyboard.press('Enter');
      const confirmEnd = host.getByRole('dialog', { name: t('console.room.endTitle') });
      await expect(confirmEnd).toBeVisible();
      await expect(confirmEnd.getByRole('button', { name: t('common.cancel'), exact: true })).toBeFocused();
      await expectVisibleFocus(host);
      await host.keyboard.press('Escape');
      await expect(confirmEnd).toBeHidden();
      await expect(end).toBeFocused();
      await host.keyboard.press('Enter');
      await expect(confirmEnd).toBeVisible();
      passed.push(...(await tabTo(host, confirmEnd.getByRole('button', { name: t('console.room.endConfirm'), exact: true }))));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('heading', { name: t('console.now.endedHeading') })).toBeFocused();
      await expect(ana.getByRole('heading', { name: t('board.keep.heading') })).toBeVisible();

      // Every stop on the way was a control with a visible ring (checked at each press); there were plenty of them.
      expect(new Set(passed).size).toBeGreaterThan(20);
    });
  }
}
