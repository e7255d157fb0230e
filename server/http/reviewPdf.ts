import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { nearestStop } from '../../lib/review/markdown';
import type { ReviewData, ReviewEntry, ReviewExercise } from '../../lib/review/reviewData';

const require = createRequire(import.meta.url);
/**
 * DejaVu covers Latin with every accent, Greek, Cyrillic, Armenian, Georgian,
 * Hebrew, Arabic and many symbols; the 14 standard PDF fonts cover Latin-1 only.
 * (CJK scripts are not in DejaVu; see docs/API.md.)
 */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_ITALIC = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf');

const INK = '#2b2622';
const MUTED = '#6b625a';
const LINE = '#e6ded4';
const SEAT_COLOUR = { a: '#0f6e6e', b: '#8a3d78' } as const;
const MARGIN = 56;

const formatDate = (ms: number) => new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The take-home PDF of a couple's board: a calm, printable document. */
export function reviewToPdf(review: ReviewData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${review.workshop.title} — our board`, Creator: 'Twofold' },
    bufferPages: true,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  doc.registerFont('italic', FONT_ITALIC);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const names = new Map(review.people.map((p) => [p.seat, p.name]));
  const width = doc.page.width - MARGIN * 2;

  doc.font('bold').fontSize(24).fillColor(INK).text(review.workshop.title, { width });
  doc.moveDown(0.3);
  doc.font('body').fontSize(12).fillColor(MUTED).text(`${review.people.map((p) => p.name).join(' & ')} · ${formatDate(review.workshop.startedAt)}`);
  doc.moveDown(0.3);
  doc.fontSize(9).text('Made with Twofold. Keep it somewhere safe: it holds what you wrote for each other.');
  doc.moveDown(1.2);

  for (const exercise of review.exercises) writeExercise(doc, exercise, names, width);

  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    doc.font('body').fontSize(8).fillColor(MUTED).text(`${i + 1} / ${pages.count}`, MARGIN, doc.page.height - MARGIN / 2 - 8, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

function ensureRoom(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

function writeExercise(doc: PDFKit.PDFDocument, ex: ReviewExercise, names: Map<string, string>, width: number): void {
  ensureRoom(doc, 90);
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).strokeColor(LINE).lineWidth(1).stroke();
  doc.moveDown(0.6);
  doc.font('bold').fontSize(16).fillColor(INK).text(ex.title, MARGIN, doc.y, { width });
  doc.moveDown(0.2);
  doc.font('italic').fontSize(10).fillColor(MUTED).text(ex.prompt, { width });
  if (!ex.revealed) doc.moveDown(0.2).text('Private: only your own entries are here, as they were never revealed.', { width });
  doc.moveDown(0.6);

  const entry = (e: ReviewEntry) => {
    ensureRoom(doc, 40);
    const name = names.get(e.author) ?? e.author.toUpperCase();
    doc.font('bold').fontSize(10).fillColor(SEAT_COLOUR[e.author]).text(`${name}  `, MARGIN + 12, doc.y, { continued: true, width: width - 12 });
    doc.font('body').fillColor(INK).text(e.text, { width: width - 12 });
    if (e.metBy) doc.font('italic').fontSize(9).fillColor(MUTED).text(`met by: ${e.metBy}`, MARGIN + 24, doc.y, { width: width - 24 });
    doc.moveDown(0.35);
  };
  const subheading = (label: string) => {
    ensureRoom(doc, 50);
    doc.font('bold').fontSize(11).fillColor(INK).text(label, MARGIN, doc.y, { width });
    doc.moveDown(0.25);
  };
  const nothing = (text: string) => doc.font('italic').fontSize(10).fillColor(MUTED).text(text, MARGIN + 12, doc.y).moveDown(0.35);

  if (ex.kind === 'columns') {
    for (const column of ex.columns) {
      subheading(column.label);
      if (column.entries.length === 0) nothing('Nothing written.');
      column.entries.forEach(entry);
      doc.moveDown(0.3);
    }
  } else if (ex.kind === 'prompts') {
    for (const q of ex.questions) {
      subheading(q.label);
      if (q.answers.length === 0) nothing('No answer.');
      q.answers.forEach(entry);
      doc.moveDown(0.3);
    }
  } else {
    doc.font('body').fontSize(9).fillColor(MUTED).text(ex.stops.join('  →  '), MARGIN, doc.y, { width });
    doc.moveDown(0.4);
    for (const area of ex.areas) {
      ensureRoom(doc, 40);
      subheading(area.label);
      const y = doc.y + 6;
      doc.moveTo(MARGIN + 12, y).lineTo(MARGIN + width - 12, y).strokeColor(LINE).lineWidth(3).stroke();
      for (const m of area.markers) {
        const x = MARGIN + 12 + m.position * (width - 24);
        doc.circle(x, y, 6).fillColor(SEAT_COLOUR[m.seat]).fill();
      }
      doc.y = y + 12;
      const placed = area.markers.map((m) => `${names.get(m.seat) ?? m.seat}: ${nearestStop(ex.stops, m.position)}`);
      doc.font('body').fontSize(9).fillColor(MUTED).text(placed.length ? placed.join('   ·   ') : 'Not placed.', MARGIN + 12, doc.y, { width: width - 24 });
      doc.moveDown(0.5);
    }
  }
  doc.moveDown(0.6);
}
