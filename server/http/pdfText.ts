import bidiFactory from 'bidi-js';

/**
 * Paragraphs for the PDF export, laid out the way a browser lays out `dir="auto"` text: pdfkit
 * knows neither the Unicode bidi algorithm nor line order for right-to-left scripts (it lays a
 * line out word by word, left to right, so an Arabic sentence came out backwards, its spaces and
 * brackets out of place). Here each paragraph is wrapped into lines in logical order, each line
 * is reordered with bidi-js (UAX #9: levels per paragraph, reordering per line, mirrored
 * brackets), and drawn run by run. A right-to-left run goes to pdfkit whole, in logical order:
 * fontkit shapes it (Arabic joining forms) and puts its glyphs in visual order itself.
 */
const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko…, their presentation forms, and the astral RTL blocks. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const LETTER = /\p{L}/u;
/** Bidi formatting characters: they steer the algorithm and are never drawn (no glyph would show them). */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** What dir="auto" does: the direction of the first strong letter, or `fallback` when there is none. */
export function directionOf(text: string, fallback: Direction): Direction {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return fallback;
}

export interface TextStyle {
  font: string;
  /** Used for a run the font has no glyphs for (DejaVu's oblique has no Arabic). */
  fallbackFont: string;
  size: number;
  color: string;
  x: number;
  width: number;
  /** Extra space between lines, in points. */
  lineGap?: number;
  /** The paragraph's direction, for a sentence of the document's own (its fixed words); left out, the text's first strong letter decides. */
  dir?: Direction;
}

/** A value set inside a sentence keeps its own direction there (U+2068 first strong isolate … U+2069), like <bdi> on a page. */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** Whole runs, never split by pdfkit into words (its word-by-word layout is what broke right-to-left text). */
const WHOLE_RUN = { features: [] as PDFKit.Mixins.OpenTypeFeatures[], lineBreak: false };

interface Run {
  text: string;
  font: string;
  width: number;
  /** Right to left: drawn in the mirrored twin of its font. */
  rtl: boolean;
}

/**
 * Writes `text` at doc.y, wrapped to `style.width`, in the direction of its first strong letter
 * (or `fallback`): right-to-left paragraphs are aligned to the right. Leaves doc.y under it.
 */
export function writeParagraph(doc: PDFKit.PDFDocument, text: string, style: TextStyle, fallback: Direction): void {
  doc.fontSize(style.size).fillColor(style.color);
  let y = doc.y;
  for (const paragraph of text.split(/\r?\n/)) {
    const dir = style.dir ?? directionOf(paragraph, fallback);
    const levels = bidi.getEmbeddingLevels(paragraph, dir);
    doc.font(style.font);
    const lineHeight = doc.currentLineHeight(true) + (style.lineGap ?? 0);
    const lines = wrap(doc, paragraph, style);
    if (lines.length === 0) y += lineHeight;
    for (const [start, end] of lines) {
      if (y + lineHeight > doc.page.height - doc.page.margins.bottom) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      const runs = visualRuns(doc, paragraph, levels, start, end, style);
      const total = runs.reduce((sum, r) => sum + r.width, 0);
      let x = dir === 'rtl' ? style.x + style.width - total : style.x;
      for (const run of runs) {
        doc.font(run.font).text(run.text, x, y, WHOLE_RUN);
        x += run.width;
      }
      y += lineHeight;
    }
  }
  doc.font(style.font);
  doc.x = style.x;
  doc.y = y;
}

const measure = (doc: PDFKit.PDFDocument, text: string) => doc.widthOfString(text.replace(BIDI_CONTROL, ''), WHOLE_RUN);

/** Greedy wrapping at spaces, in logical order; a word wider than the line is cut where it must be. Inclusive [start, end] ranges; none for an empty paragraph. */
function wrap(doc: PDFKit.PDFDocument, text: string, style: TextStyle): [number, number][] {
  doc.font(style.font);
  const fits = (from: number, to: number) => measure(doc, text.slice(from, to).trimEnd()) <= style.width;
  const lines: [number, number][] = [];
  let start = 0;
  let end = 0; // the current line is text[start, end)
  for (const token of text.matchAll(/\S+\s*/g)) {
    const tokenEnd = token.index + token[0].length;
    if (fits(start, tokenEnd)) {
      end = tokenEnd;
      continue;
    }
    if (end > start) {
      lines.push([start, end - 1]);
      start = end;
    }
    // A word wider than the whole line: cut it, never inside a surrogate pair.
    while (!fits(start, tokenEnd)) {
      let cut = start + 1;
      while (cut < tokenEnd && fits(start, cut + 1)) cut++;
      if (cut < tokenEnd && text.charCodeAt(cut) >= 0xdc00 && text.charCodeAt(cut) <= 0xdfff) cut++;
      lines.push([start, cut - 1]);
      start = cut;
    }
    end = tokenEnd;
  }
  if (end > start) lines.push([start, end - 1]);
  return lines;
}

/** One line's characters in visual order, grouped into runs of one direction, each measured, outer spaces dropped. */
function visualRuns(doc: PDFKit.PDFDocument, text: string, levels: ReturnType<typeof bidi.getEmbeddingLevels>, start: number, end: number, style: TextStyle): Run[] {
  if (end < start) return [];
  // bidi-js returns the whole string's indices, this line's reordered in place.
  const order = bidi.getReorderedIndices(text, levels, start, end).slice(start, end + 1);
  const mirrored = bidi.getMirroredCharactersMap(text, levels.levels, start, end);
  // Runs of consecutive positions at one level, whose logical indices follow each other (rising for ltr, falling for rtl).
  const groups: { rtl: boolean; indices: number[] }[] = [];
  for (const i of order) {
    const rtl = levels.levels[i] % 2 === 1;
    const last = groups.at(-1);
    const previous = last?.indices.at(-1);
    if (last && last.rtl === rtl && previous !== undefined && i === previous + (rtl ? -1 : 1)) last.indices.push(i);
    else groups.push({ rtl, indices: [i] });
  }
  const runs: Run[] = [];
  for (const group of groups) {
    // Brackets in right-to-left text are drawn mirrored (UAX #9, L4); such a run is drawn in the font's mirrored twin (mirroredFontName).
    const logical = [...group.indices].sort((x, y) => x - y).map((i) => mirrored.get(i) ?? text[i]).join('');
    // fontkit reverses a run whose first real letter is of a right-to-left script; one with none (spaces, brackets) is reversed here.
    const drawn = (!group.rtl || RTL_LETTER.test(logical) ? logical : Array.from(logical).reverse().join('')).replace(BIDI_CONTROL, '');
    if (drawn) runs.push({ text: drawn, font: style.font, width: 0, rtl: group.rtl });
  }
  trimOuterSpaces(runs);
  for (const run of runs) {
    const font = hasGlyphs(doc, style.font, run.text) ? style.font : style.fallbackFont;
    run.font = run.rtl ? mirroredFontName(font) : font;
    if (run.rtl) openMirroredTwin(doc, font);
    doc.font(run.font);
    run.width = doc.widthOfString(run.text, WHOLE_RUN);
  }
  return runs.filter((r) => r.text !== '');
}

function trimOuterSpaces(runs: Run[]): void {
  if (runs.length === 0) return;
  runs[0].text = runs[0].text.replace(/^\s+/, '');
  runs[runs.length - 1].text = runs[runs.length - 1].text.replace(/\s+$/, '');
}

/** pdfkit keeps the fontkit font of an embedded TTF as `font`; it knows which code points it has glyphs for. */
function hasGlyphs(doc: PDFKit.PDFDocument, font: string, text: string): boolean {
  doc.font(font);
  const embedded = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font?.font;
  if (!embedded) return true;
  for (const ch of text) if (!/\s/.test(ch) && !embedded.hasGlyphForCodePoint(ch.codePointAt(0)!)) return false;
  return true;
}

/**
 * Text read back from the PDF (copied, searched, read aloud) comes from each glyph's Unicode
 * mapping, one per glyph: a ")" drawn for a right-to-left "(" would read back as ")". So every
 * right-to-left run is drawn in a twin of its font (the same file registered under this name),
 * where a bracket glyph always stands for its mirror; before the document ends the twin's
 * mapping is turned back to the typed character (keepTypedBrackets).
 */
export const mirroredFontName = (font: string) => `${font}~mirrored`;

interface EmbeddedFont {
  name: string;
  unicode: (number[] | undefined)[];
}
interface FontCache {
  _font: EmbeddedFont;
  _fontFamilies: Record<string, EmbeddedFont | undefined>;
}
const usedMirroredFonts = new WeakMap<PDFKit.PDFDocument, Set<EmbeddedFont>>();

/**
 * Selects the twin of `font` (registered under mirroredFontName with the same file), opening it
 * as a font of its own the first time: pdfkit hands out one object for every font of the same
 * file and name, and the twin must be a different one (its own subset and Unicode mapping).
 */
function openMirroredTwin(doc: PDFKit.PDFDocument, font: string): void {
  const cache = doc as unknown as FontCache;
  const twin = mirroredFontName(font);
  if (!cache._fontFamilies[twin]) {
    doc.font(font);
    const base = cache._font;
    delete cache._fontFamilies[base.name];
    doc.font(twin);
    cache._fontFamilies[base.name] = base;
  }
  doc.font(twin);
  const used = usedMirroredFonts.get(doc) ?? new Set<EmbeddedFont>();
  used.add(cache._font);
  usedMirroredFonts.set(doc, used);
}

/** Call before doc.end(): the mirrored twins' glyphs map back to the brackets as typed. */
export function keepTypedBrackets(doc: PDFKit.PDFDocument): void {
  for (const font of usedMirroredFonts.get(doc) ?? []) {
    font.unicode = font.unicode.map((codePoints) => {
      if (!codePoints || codePoints.length !== 1) return codePoints;
      const typed = bidi.getMirroredCharacter(String.fromCodePoint(codePoints[0]));
      return typed ? [typed.codePointAt(0)!] : codePoints;
    });
  }
}
