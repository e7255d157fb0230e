import { expect, test, type Page } from '@playwright/test';
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { HostCommand } from '../../lib/protocol';
import { LOCALES, newScreen } from './accessibilityCheck';
import { catalogueText } from './catalogueText';
import { ROOM_PEOPLE } from './roomPeople';
import { api, hostSocket, seatPhone } from './support';

/**
 * What screen readers are told without focus moving (the page's polite live
 * region, app/_components/Announcer.tsx): where the person is once a page has
 * loaded, and the status changes that happen out of sight. In every locale of LOCALES: the
 * sentences are the `announce` messages of that locale's catalogue, filled as the app fills them.
 */
const said = (page: Page) => page.locator('[data-announcer]');
const routeAnnouncement = (page: Page) => page.evaluate(() => document.querySelector('next-route-announcer')?.shadowRoot?.textContent ?? '');

for (const locale of LOCALES) {
  const t = catalogueText(locale);
  const announcement = (key: string, values?: Record<string, string | number>) => t(`announce.${key}`, values);
  const support = libraryFor(locale)[2];
  const question = support.kind === 'prompts' ? support.questions[0].label : '';
  const {
    names: [first, second],
    titles: { spring, thursday },
    answers,
  } = ROOM_PEOPLE[locale];
  test.describe(`announcements (${locale})`, () => {
    test(`[R67]${locale === 'en' ? '' : '[R75]'} the join page says which workshop and which step, never "Finding your workshop…" once loaded`, async ({ browser }) => {
      const workshop = await api().createWorkshop(spring, [support], locale);
      const { page } = await newScreen(browser, 'phone320', { locale });
      await page.goto('/');
      await page.getByLabel(t('home.roomCode')).fill(workshop.code);
      await page.getByRole('button', { name: t('home.join'), exact: true }).click();
      await expect(page.getByLabel(t('join.nameLabel'))).toBeVisible();
      await expect(said(page)).toContainText(announcement('joinName', { workshop: spring }));
      expect(await routeAnnouncement(page)).not.toContain(t('join.findingWorkshop').replace('…', ''));
      await page.getByLabel(t('join.nameLabel')).fill(first);
      await page.getByRole('button', { name: t('join.continue'), exact: true }).click();
      await expect(said(page)).toContainText(announcement('joinChoice', { workshop: spring, name: first }));
      await expect(page.getByRole('heading', { level: 1, name: spring })).toBeVisible();
    });

    test(`[R67]${locale === 'en' ? '' : '[R75]'} partner joined, partner ready, revealed, time is up, connection lost and back; focus stays where it was`, async ({ browser }) => {
      test.setTimeout(240_000);
      const client = api();
      const workshop = await client.createWorkshop(thursday, [support], locale);
      const { code } = workshop;
      const control = hostSocket(code, workshop.hostKey);
      const command = async (c: HostCommand) => expect((await control.timeout(5_000).emitWithAck('host:command', c)).ok).toBe(true);
      const a = await client.join(code, first);
      const couple = await client.startCouple(code, a.token);

      const host = (await newScreen(browser, 'laptop', { locale })).page;
      await host.goto(new URL(workshop.hostUrl).pathname + new URL(workshop.hostUrl).hash);
      await expect(said(host)).toContainText(announcement('consoleLobby', { workshop: thursday }));
      const anaScreen = await newScreen(browser, 'phone320', { locale });
      const ana = anaScreen.page;
      await seatPhone(ana, code, a.token);
      await ana.goto(`/w/${code}`);
      await expect(said(ana)).toContainText(announcement('boardLobby', { workshop: thursday }));
      // Nothing about a partner yet: Ana opened her board alone.
      await expect(said(ana)).not.toContainText(announcement('partnerJoined', { partner: '' }));

      // Ben joins with the pair code; Ana hears it.
      const b = await client.join(code, second);
      await client.joinCouple(code, b.token, couple.pairCode);
      await expect(said(ana)).toContainText(announcement('partnerJoined', { partner: second }));

      // The exercise starts: both screens say where they are now.
      await command({ type: 'goTo', step: 0 });
      const place = { number: 1, total: 1, exercise: support.title };
      await expect(said(ana)).toContainText(announcement('boardExercise', place));
      await expect(said(host)).toContainText(announcement('consoleExercise', place));

      // Ana is writing when Ben gets ready: she hears it, and her cursor stays in her answer.
      const ben = (await newScreen(browser, 'phone', { locale })).page;
      await seatPhone(ben, code, b.token);
      await ben.goto(`/w/${code}`);
      await ana.getByLabel(question).click();
      await ana.keyboard.type(answers[0]);
      await ben.getByLabel(question).fill(answers[1]);
      await ben.getByRole('button', { name: t('board.ready.imReady'), exact: true }).click();
      await expect(said(ana)).toContainText(announcement('partnerReady', { partner: second }));
      await expect(ana.getByLabel(question)).toBeFocused();
      await ben.getByRole('button', { name: t('board.ready.notReadyYet'), exact: true }).click();
      await expect(said(ana)).toContainText(announcement('partnerNotReady', { partner: second }));

      await command({ type: 'revealAll' });
      await expect(said(ana)).toContainText(announcement('revealed'));
      await expect(ana.getByLabel(question)).toBeFocused();

      await command({ type: 'timerStart', seconds: 5 });
      await expect(said(ana)).toContainText(announcement('timesUp'));
      await expect(said(host)).toContainText(announcement('consoleTimesUp'));

      await anaScreen.context.setOffline(true);
      await expect(said(ana)).toContainText(announcement('connectionLost'));
      await anaScreen.context.setOffline(false);
      await expect(said(ana)).toContainText(announcement('connectionBack'));
      await expect(ana.getByLabel(question)).toBeFocused();

      await command({ type: 'end' });
      await expect(said(ana)).toContainText(announcement('boardEnded', { workshop: thursday }));
      await expect(said(host)).toContainText(announcement('consoleEnded', { workshop: thursday }));
      control.close();
    });
  });
}
