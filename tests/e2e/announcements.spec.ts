import { expect, test, type Page } from '@playwright/test';
import { createTranslator } from 'next-intl';
import fs from 'node:fs';
import path from 'node:path';
import { SUPPORT } from '../../lib/catalogue/catalogue';
import type { HostCommand } from '../../lib/protocol';
import type en from '../../messages/en.json';
import { LOCALES, newScreen, type Locale } from './accessibilityCheck';
import { api, hostSocket, seatPhone } from './support';

/**
 * What screen readers are told without focus moving (the page's polite live
 * region, app/_components/Announcer.tsx): where the person is once a page has
 * loaded, and the status changes that happen out of sight.
 */
const QUESTION = SUPPORT.kind === 'prompts' ? SUPPORT.questions[0].label : '';
const said = (page: Page) => page.locator('[data-announcer]');
/** What the page's language says for each moment: the `announce` messages of messages/<locale>.json, filled as the app fills them. */
function announcements(locale: Locale) {
  const messages = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')) as typeof en;
  return createTranslator({ locale, messages, namespace: 'announce' });
}
const routeAnnouncement = (page: Page) => page.evaluate(() => document.querySelector('next-route-announcer')?.shadowRoot?.textContent ?? '');

for (const locale of ['en'] as const satisfies readonly (typeof LOCALES)[number][]) {
  const announcement = announcements(locale);
  test.describe(`announcements (${locale})`, () => {
    test('[R67] the join page says which workshop and which step, never "Finding your workshop…" once loaded', async ({ browser }) => {
      const workshop = await api().createWorkshop('Spring evening', [SUPPORT]);
      const { page } = await newScreen(browser, 'phone320', { locale });
      await page.goto('/');
      await page.getByLabel('Room code').fill(workshop.code);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await expect(page.getByLabel('Your first name')).toBeVisible();
      await expect(said(page)).toContainText(announcement('joinName', { workshop: 'Spring evening' }));
      expect(await routeAnnouncement(page)).not.toContain('Finding your workshop');
      await page.getByLabel('Your first name').fill('Ana');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(said(page)).toContainText(announcement('joinChoice', { workshop: 'Spring evening', name: 'Ana' }));
      await expect(page.getByRole('heading', { level: 1, name: 'Spring evening' })).toBeVisible();
    });

    test('[R67] partner joined, partner ready, revealed, time is up, connection lost and back; focus stays where it was', async ({ browser }) => {
      test.setTimeout(240_000);
      const client = api();
      const workshop = await client.createWorkshop('Thursday evening', [SUPPORT]);
      const { code } = workshop;
      const control = hostSocket(code, workshop.hostKey);
      const command = async (c: HostCommand) => expect((await control.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);
      const a = await client.join(code, 'Ana');
      const couple = await client.startCouple(code, a.token);

      const host = (await newScreen(browser, 'laptop', { locale })).page;
      await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
      await expect(said(host)).toContainText(announcement('consoleLobby', { workshop: 'Thursday evening' }));
      const anaScreen = await newScreen(browser, 'phone320', { locale });
      const ana = anaScreen.page;
      await seatPhone(ana, code, a.token);
      await ana.goto(`/w/${code}`);
      await expect(said(ana)).toContainText(announcement('boardLobby', { workshop: 'Thursday evening' }));
      // Nothing about a partner yet: Ana opened her board alone.
      await expect(said(ana)).not.toContainText(announcement('partnerJoined', { partner: '' }));

      // Ben joins with the pair code; Ana hears it.
      const b = await client.join(code, 'Ben');
      await client.joinCouple(code, b.token, couple.pairCode);
      await expect(said(ana)).toContainText(announcement('partnerJoined', { partner: 'Ben' }));

      // The exercise starts: both screens say where they are now.
      await command({ type: 'goTo', step: 0 });
      const place = { number: 1, total: 1, exercise: SUPPORT.title };
      await expect(said(ana)).toContainText(announcement('boardExercise', place));
      await expect(said(host)).toContainText(announcement('consoleExercise', place));

      // Ana is writing when Ben gets ready: she hears it, and her cursor stays in her answer.
      const ben = (await newScreen(browser, 'phone', { locale })).page;
      await seatPhone(ben, code, b.token);
      await ben.goto(`/w/${code}`);
      await ana.getByLabel(QUESTION).click();
      await ana.keyboard.type('When you make space for my quiet mornings');
      await ben.getByLabel(QUESTION).fill('When you ask how my day really was');
      await ben.getByRole('button', { name: "I'm ready" }).click();
      await expect(said(ana)).toContainText(announcement('partnerReady', { partner: 'Ben' }));
      await expect(ana.getByLabel(QUESTION)).toBeFocused();
      await ben.getByRole('button', { name: 'Not ready yet' }).click();
      await expect(said(ana)).toContainText(announcement('partnerNotReady', { partner: 'Ben' }));

      await command({ type: 'revealAll' });
      await expect(said(ana)).toContainText(announcement('revealed'));
      await expect(ana.getByLabel(QUESTION)).toBeFocused();

      await command({ type: 'timerStart', seconds: 5 });
      await expect(said(ana)).toContainText(announcement('timesUp'));
      await expect(said(host)).toContainText(announcement('consoleTimesUp'));

      await anaScreen.context.setOffline(true);
      await expect(said(ana)).toContainText(announcement('connectionLost'));
      await anaScreen.context.setOffline(false);
      await expect(said(ana)).toContainText(announcement('connectionBack'));
      await expect(ana.getByLabel(QUESTION)).toBeFocused();

      await command({ type: 'end' });
      await expect(said(ana)).toContainText(announcement('boardEnded', { workshop: 'Thursday evening' }));
      await expect(said(host)).toContainText(announcement('consoleEnded', { workshop: 'Thursday evening' }));
      control.close();
    });
  });
}
