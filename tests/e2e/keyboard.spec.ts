import { expect, test } from '@playwright/test';
import { SUPPORT } from '../../lib/catalogue/catalogue';
import { COLOR_SCHEMES, LOCALES, newScreen } from './accessibilityCheck';
import { expectVisibleFocus, tabTo } from './keyboardSupport';
import { api, seatPhone } from './support';

/**
 * The facilitator's whole round with the keyboard alone — Tab, Shift+Tab,
 * Enter, Space, Escape, and typing into fields: create the workshop, start an
 * exercise, start a countdown, reveal, approve a wall entry, end. Every
 * control focus passes on the way must show a ring of at least 3:1 that
 * nothing covers. The phones are driven as people tap them; only the console
 * is keyboard-only.
 */
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const ANA = 'When you make space for my quiet mornings';

for (const locale of ['en'] as const satisfies readonly (typeof LOCALES)[number][]) {
  for (const colorScheme of COLOR_SCHEMES) {
    test(`[R66] a whole facilitation round with the keyboard alone (${locale}, ${colorScheme})`, async ({ browser }) => {
      test.setTimeout(300_000);
      const { page: host } = await newScreen(browser, 'laptop', { locale, colorScheme });
      const focused = (name: string | RegExp) => expect(host.getByRole('button', { name }).first()).toBeFocused();
      const passed: string[] = [];

      // Create: a title, the default agenda (the library), and a look into the exercise dialog and out again with Escape.
      await host.goto('/host/new');
      passed.push(...(await tabTo(host, host.getByLabel('Workshop title'))));
      await host.keyboard.type('Keyboard evening');
      passed.push(...(await tabTo(host, host.getByRole('button', { name: 'New exercise' }))));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('dialog')).toBeVisible();
      await expect(host.getByRole('dialog')).toContainText('New exercise');
      await host.keyboard.press('Escape');
      await expect(host.getByRole('dialog')).toBeHidden();
      await focused('New exercise');
      passed.push(...(await tabTo(host, host.getByRole('button', { name: 'Create workshop' }), { backwards: true })));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('heading', { name: 'Keyboard evening' })).toBeVisible();
      const code = host.url().match(/\/host\/([A-Z0-9]{8})/)![1];

      // Two partners on their phones, driven as people tap them.
      const client = api();
      const couple = await client.coupleInWorkshop(['Ana', 'Ben'], code);
      const [ana, ben] = [(await newScreen(browser, 'phone320', { locale })).page, (await newScreen(browser, 'phone', { locale })).page];
      for (const [page, token] of [[ana, couple.a.token], [ben, couple.b.token]] as const) {
        await seatPhone(page, code, token);
        await page.goto(`/w/${code}`);
        await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
      }
      await expect(host.getByRole('region', { name: 'Couples' }).getByText('Ana')).toBeVisible();

      // Start the private-first questions from the agenda strip, then a countdown (Space this time).
      passed.push(...(await tabTo(host, host.getByRole('button', { name: `Start ${SUPPORT.title}` }).first())));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('region', { name: 'Now' }).getByRole('heading', { name: SUPPORT.title })).toBeVisible();
      await expect(ana.getByLabel(QUESTION)).toBeVisible();
      const fiveMinutes = host.getByRole('group', { name: 'Start a countdown' }).getByRole('button', { name: /^5 min/ });
      passed.push(...(await tabTo(host, fiveMinutes)));
      await host.keyboard.press('Space');
      await expect(host.getByRole('timer')).toContainText(/[45]:\d\d/);
      await expect(ana.getByRole('timer')).toBeVisible();

      // The partners write; the facilitator reveals for everyone.
      await ana.getByLabel(QUESTION).fill(ANA);
      await ben.getByLabel(QUESTION).fill('When you ask how my day really was');
      await expect(host.getByRole('row').filter({ hasText: 'Ana' }).getByText('2 entries')).toBeVisible();
      passed.push(...(await tabTo(host, host.getByRole('button', { name: 'Reveal for everyone' }), { backwards: true })));
      await host.keyboard.press('Enter');
      await expect(ben.getByLabel("Ana's answer").filter({ hasText: ANA })).toBeVisible();

      // The phones propose and agree to share Ana's answer; the facilitator approves it from the keyboard.
      const card = ana.locator('div').filter({ has: ana.getByLabel(QUESTION) }).filter({ has: ana.getByRole('button', { name: 'Share with the room' }) });
      await card.last().getByRole('button', { name: 'Share with the room' }).first().click();
      await ben.getByRole('button', { name: 'Agree to share' }).click();
      const wall = host.getByRole('region', { name: 'Room wall' });
      await expect(wall.getByText(ANA)).toBeVisible();
      passed.push(...(await tabTo(host, wall.getByRole('button', { name: 'Approve' }))));
      await host.keyboard.press('Space');
      await expect(ana.getByText('On the room wall').first()).toBeVisible();
      // The approved entry left the queue with the button; focus went on to the queue's heading, not the page.
      await expect(wall.getByRole('heading', { name: 'Waiting for you (0)' })).toBeFocused();

      // End: Escape backs out of the question with focus back on the button; then yes, and focus lands on the outcome.
      const end = host.getByRole('button', { name: 'End workshop' });
      passed.push(...(await tabTo(host, end, { backwards: true })));
      await host.keyboard.press('Enter');
      const question = host.getByRole('dialog', { name: 'End the workshop for everyone?' });
      await expect(question).toBeVisible();
      await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
      await expectVisibleFocus(host);
      await host.keyboard.press('Escape');
      await expect(question).toBeHidden();
      await expect(end).toBeFocused();
      await host.keyboard.press('Enter');
      await expect(question).toBeVisible();
      passed.push(...(await tabTo(host, question.getByRole('button', { name: 'Yes, end workshop' }))));
      await host.keyboard.press('Enter');
      await expect(host.getByRole('heading', { name: 'This workshop has ended' })).toBeFocused();
      await expect(ana.getByRole('heading', { name: 'Keep your board' })).toBeVisible();

      // Every stop on the way was a control with a visible ring (checked at each press); there were plenty of them.
      expect(new Set(passed).size).toBeGreaterThan(20);
    });
  }
}
