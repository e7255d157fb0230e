import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { localeDirection } from '../../lib/i18n/locales';
import { exportWords, type ExportWords } from '../../lib/review/exportWords';
import { coupleNames, stopNear } from '../../lib/review/markdown';
import type { ReviewData, ReviewEntry, ReviewExercise } from '../../lib/review/reviewData';
import { isolate, keepTypedBrackets, mirroredFontName, writeParagraph, type Direction, type TextStyle } from './pdfText';

const require = createRequire(import.meta.url);
/**
 * DejaVu covers Latin with every accent, Greek, Cyrillic, Armenian, Georgian,
 * Hebrew, Arabic (with its OpenType shaping) and many symbols; the 14 standard PDF
 * fonts cover Latin-1 only. (CJK scripts are not in DejaVu; see docs/API.md.) The
 * oblique face has no Arabic: such runs fall back to the upright one (pdfText.ts).
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_ITALIC = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf');

const INK = '#2b2622';
const MUTED = '#6b625a';
const LINE = '#e6ded4';
const SEAT_COLOUR = { a: '#0f6e6e', b: '#8a3d78' } as const;
const MARGIN = 56;

interface Page {
  doc: PDFKit.PDFDocument;
  words: ExportWords;
  /** The workshop's direction: fixed words, and text with no letters, run this way. */
  dir: Direction;
  width: number;
  names: Map<string, string>;
}

/**
 * The take-home PDF of a couple's board: a calm, printable document in the workshop's
 * language, laid out right to left for Arabic, with every person's words in their own
 * direction (pdfText.ts).
 */
export function reviewToPdf(review: ReviewData): Promise<Buffer> {
  const words = exportWords(review.workshop.locale);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: review.workshop.locale,
    info: { Title: words.say('documentTitle', { title: review.workshop.title }), Creator: 'Twofold' },
    bufferPages: true,
  });
  for (const [name, file] of [['body', FONT], ['bold', FONT_BOLD], ['italic', FONT_ITALIC]]) {
    doc.registerFont(name, file);
    doc.registerFont(mirroredFontName(name), file);
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const page: Page = {
    doc,
    words,
    dir: localeDirection(review.workshop.locale),
    width: doc.page.width - MARGIN * 2,
    names: new Map(review.people.map((p) => [p.seat, p.name])),
  };
  const write = (text: string, style: Partial<TextStyle> & { size: number }) => writeParagraph(doc, text, { ...textStyle(page), ...style }, page.dir);

  doc.x = MARGIN;
  write(review.workshop.title, { font: 'bold', size: 24 });
  doc.moveDown(0.3);
  const people = coupleNames(words, review.people.map((p) => p.name), isolate);
  write(`${people} · ${words.date(review.workshop.startedAt)}`, { size: 12, color: MUTED, dir: page.dir });
  doc.moveDown(0.3);
  write(words.say('madeWith'), { size: 9, color: MUTED, dir: page.dir });
  doc.moveDown(1.2);

  for (const exercise of review.exercises) writeExercise(page, exercise);

  writeFooters(page);
  keepTypedBrackets(doc);
  doc.end();
  return done;
}

/**
 * "n / N" at the foot of every page, written once all pages exist. The footer sits in the bottom
 * margin, where pdfkit would start a new page for any text: the margin is lifted while it is
 * written (that is what made each footer a blank page of its own).
 */
function writeFooters({ doc, words, dir, width }: Page): void {
  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const align = dir === 'rtl' ? 'left' : 'right';
    doc.font('body').fontSize(8).fillColor(MUTED).text(words.say('page', { page: i + 1, pages: pages.count }), MARGIN, doc.page.height - MARGIN / 2 - 8, { width, align, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

const textStyle = (page: Page): TextStyle => ({ font: 'body', fallbackFont: 'body', size: 10, color: INK, x: MARGIN, width: page.width });

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function writeExercise(page: Page, ex: ReviewExercise): void {
  const { doc, words, width } = page;
  const write = (text: string, style: Partial<TextStyle> & { size: number }) => writeParagraph(doc, text, { ...textStyle(page), ...style }, page.dir);
  // Indented from the start side of the page: the left, or the right in a right-to-left document.
  const indented = (by: number): Partial<TextStyle> => ({ x: page.dir === 'rtl' ? MARGIN : MARGIN + by, width: width - by });

  ensureRoom(doc, 90);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(LINE).lineWidth(1).stroke();
  doc.moveDown(0.6);
  write(ex.title, { font: 'bold', size: 16 });
  doc.moveDown(0.2);
  write(ex.prompt, { font: 'italic', size: 10, color: MUTED });
  if (!ex.revealed) write(words.say('private'), { font: 'italic', size: 10, color: MUTED, dir: page.dir });
  doc.moveDown(0.6);

  const entry = (e: ReviewEntry) => {
    ensureRoom(doc, 40);
    write(page.names.get(e.author) ?? e.author.toUpperCase(), { font: 'bold', size: 10, color: SEAT_COLOUR[e.author], ...indented(12) });
    write(e.text, { size: 10, ...indented(12) });
    if (e.metBy) write(words.say('metBy', { text: isolate(e.metBy) }), { font: 'italic', size: 9, color: MUTED, dir: page.dir, ...indented(24) });
    doc.moveDown(0.35);
  };
  const subheading = (label: string) => {
    ensureRoom(doc, 50);
    write(label, { font: 'bold', size: 11 });
    doc.moveDown(0.25);
  };
  const nothing = (key: 'nothingWritten' | 'noAnswer') => {
    write(words.say(key), { font: 'italic', size: 10, color: MUTED, dir: page.dir, ...indented(12) });
    doc.moveDown(0.35);
  };

  if (ex.kind === 'columns') {
    for (const column of ex.columns) {
      subheading(column.label);
      if (column.entries.length === 0) nothing('nothingWritten');
      column.entries.forEach(entry);
      doc.moveDown(0.3);
    }
  } else if (ex.kind === 'prompts') {
    for (const q of ex.questions) {
      subheading(q.label);
      if (q.answers.length === 0) nothing('noAnswer');
      q.answers.forEach(entry);
      doc.moveDown(0.3);
    }
  } else {
    // The scale runs from the start of the line: left to right, or right to left.
    write(ex.stops.map(isolate).join(page.dir === 'rtl' ? '  ←  ' : '  →  '), { size: 9, color: MUTED, dir: page.dir });
    doc.moveDown(0.4);
    for (const area of ex.areas) {
      ensureRoom(doc, 40);
      subheading(area.label);
      const y = doc.y + 6;
      doc.moveTo(MARGIN + 12, y).lineTo(MARGIN + width - 12, y).strokeColor(LINE).lineWidth(3).stroke();
      for (const m of area.markers) {
        const along = m.position * (width - 24);
        const x = page.dir === 'rtl' ? MARGIN + width - 12 - along : MARGIN + 12 + along;
        doc.circle(x, y, 6).fillColor(SEAT_COLOUR[m.seat]).fill();
      }
      doc.y = y + 12;
      // One placement a line, in the document's direction, the name and the stop isolated in it. Markers sit on
      // the scale's steps, so the step's own words say where; a percentage of a four-step line says nothing.
      const placed = area.markers.map((m) => words.say('placedAt', { name: isolate(page.names.get(m.seat) ?? m.seat), stop: isolate(stopNear(ex.stops, m.position)) }));
      if (placed.length === 0) write(words.say('notPlaced'), { size: 9, color: MUTED, dir: page.dir, ...indented(12) });
      for (const line of placed) write(line, { size: 9, color: MUTED, dir: page.dir, ...indented(12) });
      doc.moveDown(0.5);
    }
  }
  doc.moveDown(0.6);
}
