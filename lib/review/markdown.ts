import { localeDirection } from '../i18n/locales';
import { exportWords, type ExportWords } from './exportWords';
import type { ReviewData, ReviewEntry } from './reviewData';

/**
 * Escapes what Markdown would read as markup, so a partner's words stay
 * words: inline markers anywhere, block markers (#, -, +, >, "1.") at a line start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/\r?\n/g, '  \n');
}

const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The take-home Markdown export of a couple's board, its fixed words in the workshop's language
 * (exportWords). The date stays ISO (2026-04-02): plain text read anywhere, in any language.
 */
export function reviewToMarkdown(review: ReviewData): string {
  const words = exportWords(review.workshop.locale);
  const name = new Map(review.people.map((p) => [p.seat, p.name]));
  const who = (e: ReviewEntry) => escapeMarkdown(name.get(e.author) ?? e.author.toUpperCase());
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(review.workshop.title)}`, '');
  lines.push(`${coupleNames(words, review.people.map((p) => escapeMarkdown(p.name)))} · ${date(review.workshop.startedAt)}`, '');
  for (const ex of review.exercises) {
    lines.push(`## ${escapeMarkdown(ex.title)}`, '', `*${escapeMarkdown(ex.prompt)}*`, '');
    if (!ex.revealed) lines.push(`_${words.say('private')}_`, '');
    if (ex.kind === 'columns') {
      for (const column of ex.columns) {
        lines.push(`### ${escapeMarkdown(column.label)}`, '');
        if (column.entries.length === 0) lines.push(`_${words.say('nothingWritten')}_`);
        for (const e of column.entries) {
          const metBy = e.metBy ? ` — ${words.say('metBy', { text: escapeMarkdown(e.metBy) })}` : '';
          lines.push(`- **${who(e)}:** ${escapeMarkdown(e.text)}${metBy}`);
        }
        lines.push('');
      }
    } else if (ex.kind === 'prompts') {
      for (const q of ex.questions) {
        lines.push(`### ${escapeMarkdown(q.label)}`, '');
        if (q.answers.length === 0) lines.push(`_${words.say('noAnswer')}_`);
        for (const a of q.answers) lines.push(`- **${who(a)}:** ${escapeMarkdown(a.text)}`);
        lines.push('');
      }
    } else {
      // The scale runs from the start of the line: the arrow points the way the language reads.
      lines.push(words.say('scale', { stops: ex.stops.map(escapeMarkdown).join(localeDirection(words.locale) === 'rtl' ? ' ← ' : ' → ') }), '');
      for (const area of ex.areas) {
        const placed = area.markers.map((m) => escapeMarkdown(placement(words, name.get(m.seat) ?? m.seat, ex.stops, m.position)));
        lines.push(`- **${escapeMarkdown(area.label)}** — ${placed.length ? placed.join('; ') : `_${words.say('notPlaced')}_`}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** The couple in seat order, "Ana & Ben" in the export's words (just "Ana" if the partner never came). */
export function coupleNames(words: ExportWords, names: string[], wrap: (value: string) => string = (v) => v): string {
  return names.length === 2 ? words.say('couple', { a: wrap(names[0]), b: wrap(names[1]) }) : names.map(wrap).join(', ');
}

/** "Interdependence (87%)": the stop a marker is closest to, and where exactly. */
export function nearestStop(stops: string[], position: number): string {
  return `${stopNear(stops, position)} (${Math.round(position * 100)}%)`;
}

/** The step a marker sits on (or is closest to). */
export const stopNear = (stops: string[], position: number) => stops[Math.round(position * (stops.length - 1))] ?? '';

/** "Ana: Interdependence (87%)" in the export's language; `wrap` isolates the name and the stop (the PDF's bidi). */
export function placement(words: ExportWords, name: string, stops: string[], position: number, wrap: (value: string) => string = (v) => v): string {
  return words.say('placement', { name: wrap(name), stop: wrap(stopNear(stops, position)), percent: words.percent(position) });
}
