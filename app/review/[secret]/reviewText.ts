import type { useTranslations } from 'next-intl';
import type { Seat } from '../../../lib/protocol';
import type { ReviewPerson } from '../../../lib/review/reviewData';

type ReviewT = ReturnType<typeof useTranslations<'review'>>;

/** The couple in seat order. */
export const seated = (people: readonly ReviewPerson[]) => [...people].sort((x, y) => x.seat.localeCompare(y.seat));

/** A partner's name; a seat nobody sat in (it can happen) is still someone. */
export function nameOf(t: ReviewT, people: readonly ReviewPerson[], seat: Seat): string {
  return people.find((p) => p.seat === seat)?.name ?? t('yourPartner');
}

/**
 * Where a marker is: on a stop (phones place markers on the stops), or nearest to one (same
 * rounding as the exports). The page says it in its words: review.place.at / nearest.
 */
export function place(stops: readonly string[], position: number): { stop: string; exact: boolean } {
  const scaled = Math.min(1, Math.max(0, position)) * (stops.length - 1);
  const nearest = Math.round(scaled);
  return { stop: stops[nearest] ?? '', exact: Math.abs(scaled - nearest) < 0.01 };
}
