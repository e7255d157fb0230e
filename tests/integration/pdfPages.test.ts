import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../lib/i18n/locales';
import { exportWords } from '../../lib/review/exportWords';
import type { ReviewData, ReviewEntry, ReviewExercise } from '../../lib/review/reviewData';
import { reviewToPdf } from '../../server/http/reviewPdf';

/**
 * The PDF read back page by page: every page holds something besides its footer, and every
 * footer says "n / N" with the right n and N. Boards of each exercise kind, short and long
 * (several pages), in a left-to-right and a right-to-left language.
 */
const WORDS: Record<'en' | 'ar', { title: string; a: string; b: string; line: (i: number) => string; stops: string[] }> = {
  en: { title: 'Winter evening', a: 'Ana', b: 'Ben', line: (i) => `Entry ${i}: a walk on Sunday morning, and coffee after it.`, stops: ['Apart', 'Side by side', 'Together', 'One'] },
  // No lam-alef in the stops: the parser reads that ligature back with its letters swapped.
  ar: { title: 'أمسية الربيع', a: 'ليلى', b: 'Ben', line: (i) => `ملاحظة ${i}: نزهة صباح الأحد ثم قهوة بعدها.`, stops: ['بعيدان', 'جنبًا إلى جنب', 'معًا', 'واحد'] },
};

function entries(locale: 'en' | 'ar', count: number, prefix: string): ReviewEntry[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, author: i % 2 ? 'b' : 'a', text: WORDS[locale].line(i + 1) }));
}

function exercise(kind: ReviewExercise['kind'], locale: 'en' | 'ar', perList: number): ReviewExercise {
  const base = { key: kind, title: `${kind} ${WORDS[locale].title}`, prompt: WORDS[locale].line(0), privateFirst: false, revealed: true };
  if (kind === 'columns') return { ...base, kind, columns: [{ id: 'c1', label: 'Bring', entries: entries(locale, perList, 'a') }, { id: 'c2', label: 'Need', entries: entries(locale, perList, 'b') }] };
  if (kind === 'prompts') return { ...base, kind, questions: [{ id: 'q1', label: 'What helps?', answers: entries(locale, perList, 'q') }] };
  const areas = Array.from({ length: Math.max(1, perList) }, (_, i) => ({ id: `s${i}`, label: `Area ${i + 1}`, markers: [{ seat: 'a' as const, position: 1 }, { seat: 'b' as const, position: 0 }] }));
  return { ...base, kind, stops: WORDS[locale].stops, areas };
}

function review(locale: 'en' | 'ar', exercises: ReviewExercise[]): ReviewData {
  const w = WORDS[locale];
  return {
    workshop: { title: w.title, startedAt: Date.UTC(2026, 3, 2), endedAt: null, retentionDays: 7, locale: locale as Locale },
    people: [{ name: w.a, seat: 'a' }, { name: w.b, seat: 'b' }],
    viewer: 'a',
    exercises,
  };
}

async function pagesOf(data: ReviewData): Promise<string[]> {
  const parsed = await new PDFParse({ data: new Uint8Array(await reviewToPdf(data)) }).getText();
  return parsed.pages.map((p) => p.text);
}

const cases = (['en', 'ar'] as const).flatMap((locale) => [
  ...(['columns', 'prompts', 'spectrum'] as const).map((kind) => ({ name: `${locale} ${kind}, short`, locale, exercises: [exercise(kind, locale, 2)], minPages: 1 })),
  ...(['columns', 'prompts', 'spectrum'] as const).map((kind) => ({ name: `${locale} ${kind}, long`, locale, exercises: [exercise(kind, locale, 80)], minPages: 3 })),
  { name: `${locale} every kind, long`, locale, exercises: [exercise('columns', locale, 25), exercise('spectrum', locale, 12), exercise('prompts', locale, 25)], minPages: 4 },
]);

describe('[R107][R108] the PDF export, page by page', () => {
  it.each(cases)('[R107] $name: no page without content, and every footer says n / N', async ({ locale, exercises, minPages }) => {
    const pages = await pagesOf(review(locale, exercises));
    expect(pages.length).toBeGreaterThanOrEqual(minPages);
    const total = pages.length;
    pages.forEach((text, i) => {
      const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
      const footer = exportWords(locale).say('page', { page: i + 1, pages: total });
      expect(lines, `page ${i + 1}`).toContain(footer);
      // Something besides the footer: a page holding only "n / N" is the blank page this guards against.
      expect(lines.filter((l) => !/^\d+ \/ \d+$/.test(l)).length, `page ${i + 1} has content`).toBeGreaterThan(0);
      expect(lines.filter((l) => /^\d+ \/ \d+$/.test(l)), `page ${i + 1} has one footer`).toEqual([footer]);
    });
  });

  it.each(['en', 'ar'] as const)('[R108] %s: a spectrum says where each marker is by the scale’s step, never a percentage', async (locale) => {
    const text = (await pagesOf(review(locale, [exercise('spectrum', locale, 1)]))).join('\n');
    const lines = text.replace(/[\u2066-\u2069]/g, '').split('\n');
    const w = WORDS[locale];
    // One line per marker holding the name and the step (a right-to-left line reads back in its visual order).
    expect(lines.some((l) => l.includes(w.a) && l.includes(w.stops.at(-1)!))).toBe(true);
    expect(lines.some((l) => l.includes(w.b) && l.includes(w.stops[0]))).toBe(true);
    if (locale === 'en') expect(lines).toContain(exportWords(locale).say('placedAt', { name: w.b, stop: w.stops[0] }));
    expect(text).not.toMatch(/%|٪/);
  });
});
