import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import ar from '../../messages/ar.json' with { type: 'json' };
import de from '../../messages/de.json' with { type: 'json' };
import { libraryFor } from '../../lib/catalogue/catalogue';
import type { Locale } from '../../lib/i18n/locales';
import type { CreateWorkshopResponse } from '../../lib/protocol';
import { api, seatPhone } from './support';

/**
 * The couple flow and a facilitation round in Arabic and in German, as people there do them:
 * every control found by its role and by its name as that locale's catalogue spells it, so a
 * missing or English string on the way fails the run. The browsers ask for the locale too, so
 * the home page and the console (which follow the person, not the workshop) speak it as well.
 */
const CATALOGUES = { ar, de } as const;
type TestLocale = keyof typeof CATALOGUES;

/** People and words as a couple in that language would write them. */
const PEOPLE: Record<TestLocale, { names: [string, string]; entry: string; answers: [string, string] }> = {
  ar: {
    names: ['ليلى', 'سامي'],
    entry: 'ألاحظ حين تتعب فأعدّ لك الشاي',
    answers: ['حين تترك لي صباحاتي الهادئة', 'حين تسألني كيف كان يومي حقًّا'],
  },
  de: {
    names: ['Jana', 'Lukas'],
    entry: 'Ich merke, wenn du müde bist, und koche Tee',
    answers: ['Wenn du mir meine stillen Morgen lässt', 'Wenn du fragst, wie mein Tag wirklich war'],
  },
};

/** A message of the catalogue by key path with its simple `{name}` placeholders filled, as written. */
function filled(locale: TestLocale, path: string, values: Record<string, string | number>): string {
  let node: unknown = CATALOGUES[locale];
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  if (typeof node !== 'string') throw new Error(`no message ${path} in ${locale}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** A message of the catalogue by key path, `{name}` placeholders filled, rich-text tags dropped (their words stay). */
function message(locale: TestLocale, path: string, values: Record<string, string | number> = {}): string {
  return filled(locale, path, values)
    .replace(/<\/?\w+>/g, '')
    .trim();
}

/**
 * The accessible name of a message with rich-text tags: the browser may put a space where a
 * visually hidden part (`<hidden>`) begins, so a tag boundary allows one; the rest is exact.
 */
function nameOf(locale: TestLocale, path: string, values: Record<string, string | number> = {}): RegExp {
  const escape = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`^\\s*${filled(locale, path, values).split(/<\/?\w+>/).map(escape).join('\\s*')}\\s*$`);
}

/** The fixed words of a one-plural message in the branch Intl picks for `count` (`=n` first, `#` filled). */
function plural(locale: TestLocale, path: string, count: number): string {
  const text = message(locale, path);
  const branches = new Map<string, string>();
  const body = text.slice(text.indexOf('plural,') + 'plural,'.length, text.lastIndexOf('}'));
  for (const [, key, value] of body.matchAll(/\s*(=?\w+)\s*\{([^{}]*)\}/g)) branches.set(key, value);
  const chosen = branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get('other');
  if (chosen === undefined) throw new Error(`no plural branch for ${count} in ${path}`);
  return chosen.replace(/#/g, String(count)).trim();
}

const spaced = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** A browser context that asks for this language, as a person's own device set to it does. */
async function contextIn(browser: Browser, locale: Locale, device: 'phone' | 'laptop'): Promise<{ context: BrowserContext; page: Page }> {
  const shape = device === 'phone' ? { ...devices['Pixel 7'] } : { viewport: { width: 1440, height: 900 } };
  const context = await browser.newContext({ ...shape, locale, extraHTTPHeaders: { 'accept-language': locale } });
  return { context, page: await context.newPage() };
}

/** [R58][R60] The page speaks the locale, right to left for Arabic, and its layout follows. */
async function expectSpeaks(page: Page, locale: Locale): Promise<void> {
  // Written out, not taken from the app's own table: Arabic is the right-to-left one here.
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('html')).toHaveAttribute('dir', dir);
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe(dir);
}

/** [R60] Where a line of start-aligned text sits in its box: against the right edge when the layout is mirrored. */
async function startSide(heading: ReturnType<Page['getByRole']>): Promise<'left' | 'right'> {
  const gaps = await heading.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { left: text.left - box.left, right: box.right - text.right };
  });
  return gaps.right < gaps.left ? 'right' : 'left';
}

for (const locale of ['ar', 'de'] as const) {
  const t = (path: string, values?: Record<string, string | number>) => message(locale, path, values);
  const [bringNeed, , support] = libraryFor(locale);
  const { names, entry, answers } = PEOPLE[locale];
  const [first, second] = names;

  test(`[R58][R60] ${locale}: facilitator creates the workshop in ${locale}, two partners join, pair and write; the console shows counts, not words`, async ({ browser }) => {
    test.setTimeout(150_000);
    const bring = bringNeed.kind === 'columns' ? bringNeed.columns[0].label : '';

    // The facilitator's browser asks for the locale: home, create form and console speak it.
    const { page: host } = await contextIn(browser, locale, 'laptop');
    await host.goto('/');
    await expectSpeaks(host, locale);
    await host.getByRole('link', { name: t('home.hostLink') }).click();
    await expect(host).toHaveURL(/\/host\/new$/);
    await expectSpeaks(host, locale);
    const title = locale === 'ar' ? 'أمسية الربيع للأزواج' : 'Frühlingsabend für Paare';
    await host.getByLabel(t('hostNew.form.title')).fill(title);
    await host.getByRole('combobox', { name: t('hostNew.language.label') }).selectOption(locale);
    await host.getByRole('button', { name: t('hostNew.form.create'), exact: true }).click();
    await expect(host.getByRole('heading', { name: title })).toBeVisible();
    const code = host.url().match(/\/host\/([A-Z0-9]{8})/)![1];
    await expectSpeaks(host, locale);
    await expect(host.getByText(spaced(code)).first()).toBeVisible();
    // The language chosen in the form is the workshop's (docs/API.md).
    const stored = await api().request<{ locale: string }>('GET', `/api/workshops/${code}`);
    expect(stored.body.locale).toBe(locale);

    // The first partner types the room code on the home page, lower case with a space.
    const { page: one } = await contextIn(browser, locale, 'phone');
    await one.goto('/');
    await expectSpeaks(one, locale);
    await one.getByLabel(t('home.roomCode')).fill(spaced(code).toLowerCase());
    await one.getByRole('button', { name: t('home.join'), exact: true }).click();
    await one.getByLabel(t('join.nameLabel')).fill(first);
    await expectSpeaks(one, locale);
    await one.getByRole('button', { name: t('join.continue'), exact: true }).click();
    await one.getByRole('button', { name: t('join.startBoard') }).click();
    const pairCode = (await one.getByText(/^[A-Z0-9]{3} [A-Z0-9]{3}$/).first().textContent())!.trim();

    // The second opens the join link and joins with the pair code.
    const { page: two } = await contextIn(browser, locale, 'phone');
    await two.goto(`/join/${code}`);
    await expectSpeaks(two, locale);
    await two.getByLabel(t('join.nameLabel')).fill(second);
    await two.getByRole('button', { name: t('join.continue'), exact: true }).click();
    await two.getByRole('button', { name: t('join.joinPartnerChoice') }).click();
    await two.getByLabel(t('join.pairCodeLabel')).fill(pairCode.toLowerCase());
    await two.getByRole('button', { name: t('join.joinPartnerSubmit'), exact: true }).click();
    const lobby = two.getByRole('heading', { name: t('board.lobby.heading') });
    await expect(lobby).toBeVisible();
    await expectSpeaks(two, locale);
    expect(await startSide(lobby)).toBe(locale === 'ar' ? 'right' : 'left');
    await expect(one.getByText(second).first()).toBeVisible();

    // The facilitator starts the first exercise; both phones show it in the workshop's language.
    await host.getByRole('button', { name: nameOf(locale, 'console.now.startNamed', { name: bringNeed.title }) }).click();
    for (const phone of [one, two]) await expect(phone.getByRole('heading', { name: bring, exact: true })).toBeVisible();

    // The first partner writes; the second sees it as it is typed.
    await one.getByRole('button', { name: nameOf(locale, 'board.addTo', { column: bring }) }).click();
    await one.getByLabel(t('board.yourEntryIn', { column: bring })).first().pressSequentially(entry, { delay: 5 });
    await expect(two.getByLabel(t('board.partnerEntry', { name: first })).filter({ hasText: entry })).toBeVisible();
    await expectSpeaks(two, locale);

    // The console: the couple, both online, one entry, and none of the words.
    const couples = host.getByRole('region', { name: t('console.couplesHeading') });
    await expect(couples.getByText(first, { exact: true })).toBeVisible();
    await expect(couples.getByText(second, { exact: true })).toBeVisible();
    await expect(couples.getByText(plural(locale, 'console.couples.entries', 1), { exact: true })).toBeVisible();
    await expect(couples.getByText(t('console.couples.online'), { exact: true })).toHaveCount(2);
    // A console snapshot newer than the last keystroke (someone else joins) still holds none of them.
    await api().join(code, 'Latecomer');
    await expect(host.getByText('Latecomer', { exact: true }).first()).toBeVisible();
    await expect(host.locator('body')).not.toContainText(entry);
    expect(await host.content()).not.toContain(entry.split(' ').slice(-2).join(' '));
  });

  test(`[R58][R60] ${locale}: a facilitation round — exercise, countdown, both ready reveals a private-first exercise, end`, async ({ browser }) => {
    test.setTimeout(150_000);
    const question = support.kind === 'prompts' ? support.questions[0].label : '';
    const client = api();
    const created = await client.request<CreateWorkshopResponse>('POST', '/api/workshops', { title: `${support.title} · ${locale}`, agenda: [support], locale });
    expect(created.status).toBe(201);
    const workshop = created.body;
    const couple = await client.coupleInWorkshop(names, workshop.code);

    const { page: host } = await contextIn(browser, locale, 'laptop');
    const hostUrl = new URL(workshop.hostUrl);
    await host.goto(hostUrl.pathname + hostUrl.hash);
    await expectSpeaks(host, locale);
    const phones: Page[] = [];
    for (const token of [couple.a.token, couple.b.token]) {
      const { page } = await contextIn(browser, locale, 'phone');
      await seatPhone(page, workshop.code, token);
      await page.goto(`/w/${workshop.code}`);
      await expect(page.getByRole('heading', { name: t('board.lobby.heading') })).toBeVisible();
      await expectSpeaks(page, locale);
      phones.push(page);
    }
    const [one, two] = phones;

    // Start the exercise and a five-minute countdown: both phones follow.
    await host.getByRole('button', { name: nameOf(locale, 'console.now.startNamed', { name: support.title }) }).click();
    for (const phone of phones) await expect(phone.getByLabel(question)).toBeVisible();
    await host.getByRole('group', { name: t('console.countdown.startGroup') }).getByRole('button', { name: t('console.countdown.preset', { minutes: 5 }), exact: true }).click();
    for (const phone of phones) await expect(phone.getByRole('timer').first()).toContainText(/[45]:\d\d/);

    // Each writes privately; the console counts, the partner sees nothing yet.
    // The couple's count is both partners' entries: one, then two (Arabic's dual, "بندان").
    const row = host.getByRole('region', { name: t('console.couplesHeading') }).getByRole('row').filter({ hasText: first });
    await one.getByLabel(question).fill(answers[0]);
    await expect(row.getByText(plural(locale, 'console.couples.entries', 1), { exact: true })).toBeVisible();
    await two.getByLabel(question).fill(answers[1]);
    await expect(row.getByText(plural(locale, 'console.couples.entries', 2), { exact: true })).toBeVisible();
    await expect(one.getByText(t('board.privateFirst.private')).first()).toBeVisible();

    // Both ready reveals: first one ready (the other is told, still sees nothing), then both.
    await one.getByRole('button', { name: t('board.ready.imReady'), exact: true }).click();
    await expect(two.getByText(t('board.ready.partnerReady', { name: first }))).toBeVisible();
    await expect(two.getByText(t('board.privateFirst.private'))).toBeVisible();
    await expect(two.getByLabel(t('board.partnerAnswer', { name: first }))).toHaveCount(0);
    await two.getByRole('button', { name: t('board.ready.imReady'), exact: true }).click();
    await expect(two.getByLabel(t('board.partnerAnswer', { name: first })).filter({ hasText: answers[0] })).toBeVisible();
    await expect(one.getByLabel(t('board.partnerAnswer', { name: second })).filter({ hasText: answers[1] })).toBeVisible();
    for (const text of answers) expect(await host.content()).not.toContain(text);

    // End the workshop for everyone, confirmed in the dialog; console and phones say so.
    await host.getByRole('button', { name: t('console.room.end'), exact: true }).click();
    await host.getByRole('dialog').getByRole('button', { name: t('console.room.endConfirm'), exact: true }).click();
    await expect(host.getByRole('heading', { name: t('console.now.endedHeading') })).toBeVisible();
    for (const phone of phones) await expect(phone.getByText(t('board.ended')).first()).toBeVisible();
    await expectSpeaks(host, locale);
  });
}
