import type { Seat } from '../../../lib/protocol';
import type { ReviewPerson } from '../../../lib/review/reviewData';
import { plural } from '../../_lib/plural';

/** "12 April 2025" in the reader's own way of writing dates. */
export function dateText(ms: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(ms);
}

/** The couple in seat order, "Ana & Ben" (or just "Ana" if the partner never came). */
export function coupleNames(people: readonly ReviewPerson[]): string {
  return [...people]
    .sort((x, y) => x.seat.localeCompare(y.seat))
    .map((p) => p.name)
    .join(' & ');
}

/** A partner's name; a seat nobody sat in (it can happen) is still someone. */
export function nameOf(people: readonly ReviewPerson[], seat: Seat): string {
  return people.find((p) => p.seat === seat)?.name ?? 'Your partner';
}

/**
 * Where a marker is, in words: "at Interdependence" when it sits on a stop
 * (phones place markers on the stops), else "nearest to …" (same rounding
 * as the exports).
 */
export function placeText(stops: readonly string[], position: number): string {
  const scaled = Math.min(1, Math.max(0, position)) * (stops.length - 1);
  const nearest = Math.round(scaled);
  const name = stops[nearest] ?? '';
  return Math.abs(scaled - nearest) < 0.01 ? `at ${name}` : `nearest to ${name}`;
}

/** How long the board is kept: the server knows the day, the page knows the rule. */
export function keptText(retentionDays: number): string {
  return `Kept for ${plural(retentionDays, 'day', 'days')} after the workshop ends, then deleted.`;
}
