import AxeBuilder from '@axe-core/playwright';
import { devices, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { localeDirection, type Locale as AppLocale } from '../../lib/i18n/locales';

/** The WCAG 2.2 A and AA rules axe knows (docs/ACCESSIBILITY.md). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe leaves its "experimental" rules out even when their WCAG tag is asked
 * for; these carry an A or AA tag, so they run too (label-content-name-mismatch
 * is WCAG 2.5.3, css-orientation-lock 1.3.4, the table rules 1.3.1). The one
 * experimental WCAG rule left out is p-as-heading, a guess from font sizes
 * that takes the countdown's digits and the room code for headings.
 */
const EXPERIMENTAL_WCAG_RULES = ['label-content-name-mismatch', 'css-orientation-lock', 'table-fake-caption', 'td-has-header'];

/**
 * The locales every accessibility run covers (Arabic: right to left); a new one is one more entry
 * here. The specs name every control from the locale's catalogue (catalogueText.ts).
 */
export const LOCALES = ['en', 'ar'] as const satisfies readonly AppLocale[];
export type Locale = (typeof LOCALES)[number];

/** Screens the runs use: the narrowest phone we support, an everyday phone, the facilitator's laptop, the projector. */
export const VIEWPORTS = {
  phone320: { ...devices['Pixel 7'], viewport: { width: 320, height: 640 } },
  phone: { ...devices['Pixel 7'] },
  laptop: { viewport: { width: 1280, height: 800 } },
  projector: { viewport: { width: 1920, height: 1080 } },
} as const;

/** Both themes: the palette has a dark set of its own (app/globals.css), with contrasts of its own. */
export const COLOR_SCHEMES = ['light', 'dark'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

export interface ScreenOptions {
  locale: Locale;
  colorScheme?: ColorScheme;
}

/**
 * A browser set to `locale`, as a person's own device is: the facilitator's screens (home, create
 * form, console, summary) follow it; the room's screens (join, board, projector, review) follow
 * the workshop's language, so the specs create their workshops in `locale` too.
 */
export async function newScreen(browser: Browser, kind: keyof typeof VIEWPORTS, { locale, colorScheme = 'light' }: ScreenOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...VIEWPORTS[kind], locale, colorScheme, extraHTTPHeaders: { 'accept-language': locale } });
  const page = await context.newPage();
  screenLocale.set(page, locale);
  return { context, page };
}

/** The language each screen was opened in, so every axe run can check the page really speaks it. */
const screenLocale = new WeakMap<Page, Locale>();

/** One line per failing node: rule id, where, and what axe says to do. */
export function describeViolations(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} [${v.impact}] ${n.target.join(' ')} — ${v.help} (${n.failureSummary?.replace(/\s+/g, ' ')})`));
}

/** Runs axe with the WCAG 2.2 A/AA rules on the page as it is now; fails listing every violation. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  // Colour transitions (hover, focus) must have settled, or contrast is measured mid-fade.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page })
    .options({ rules: Object.fromEntries(EXPERIMENTAL_WCAG_RULES.map((id) => [id, { enabled: true }])) })
    .withTags(WCAG_TAGS)
    .analyze();
  expect(results.passes.length, `${state}: axe ran no rules`).toBeGreaterThan(0);
  const locale = screenLocale.get(page);
  if (locale) {
    const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
    expect.soft(html, `${state}: the page's language`).toEqual({ lang: locale, dir: localeDirection(locale) });
  }
  // Each state checked is listed in the run's report (JSON reporter), with what axe found there.
  test.info().annotations.push({ type: 'axe', description: `${locale ?? '?'} ${state}: ${results.violations.length} violations, ${results.passes.length} rules passed` });
  // Soft: one run lists every state that fails, not only the first.
  expect.soft(describeViolations(results.violations), `${state}: axe violations`).toEqual([]);
}
