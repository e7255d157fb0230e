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

/** The take-home Markdown export of a couple's board. */
export function reviewToMarkdown(review: ReviewData): string {
  const name = new Map(review.people.map((p) => [p.seat, p.name]));
  const who = (e: ReviewEntry) => escapeMarkdown(name.get(e.author) ?? e.author.toUpperCase());
  const lines: string[] = [];
  lines.push(`# ${escapeMarkdown(review.workshop.title)}`, '');
  lines.push(`${review.people.map((p) => escapeMarkdown(p.name)).join(' & ')} · ${date(review.workshop.startedAt)}`, '');
  for (const ex of review.exercises) {
    lines.push(`## ${escapeMarkdown(ex.title)}`, '', `*${escapeMarkdown(ex.prompt)}*`, '');
    if (!ex.revealed) lines.push('_Private: only your own entries are here, as they were never revealed._', '');
    if (ex.kind === 'columns') {
      for (const column of ex.columns) {
        lines.push(`### ${escapeMarkdown(column.label)}`, '');
        if (column.entries.length === 0) lines.push('_Nothing written._');
        for (const e of column.entries) {
          lines.push(`- **${who(e)}:** ${escapeMarkdown(e.text)}${e.metBy ? ` — met by: ${escapeMarkdown(e.metBy)}` : ''}`);
        }
        lines.push('');
      }
    } else if (ex.kind === 'prompts') {
      for (const q of ex.questions) {
        lines.push(`### ${escapeMarkdown(q.label)}`, '');
        if (q.answers.length === 0) lines.push('_No answer._');
        for (const a of q.answers) lines.push(`- **${who(a)}:** ${escapeMarkdown(a.text)}`);
        lines.push('');
      }
    } else {
      lines.push(`Scale: ${ex.stops.map(escapeMarkdown).join(' → ')}`, '');
      for (const area of ex.areas) {
        const placed = area.markers.map((m) => `${escapeMarkdown(name.get(m.seat) ?? m.seat)}: ${escapeMarkdown(nearestStop(ex.stops, m.position))}`);
        lines.push(`- **${escapeMarkdown(area.label)}** — ${placed.length ? placed.join('; ') : '_not placed_'}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** "Interdependence (87%)": the stop a marker is closest to, and where exactly. */
export function nearestStop(stops: string[], position: number): string {
  const index = Math.round(position * (stops.length - 1));
  return `${stops[index] ?? ''} (${Math.round(position * 100)}%)`;
}
