import { useTranslations } from 'next-intl';
import { Fragment } from 'react';
import type { Seat } from '../../../lib/protocol';
import type { ReviewPerson } from '../../../lib/review/reviewData';
import { seatStyle } from '../../_lib/seatStyle';
import { PersonBadge } from './PersonBadge';
import { nameOf, place } from './reviewText';

interface Marker {
  seat: Seat;
  position: number;
}

interface SpectrumReviewProps {
  stops: string[];
  areas: { id: string; label: string; markers: Marker[] }[];
  people: ReviewPerson[];
  /** Whose markers may be listed: both after a reveal, only the reader's before. */
  seats: Seat[];
}

/** Markers closer than this (a fraction of the line) would hide each other, so one goes above the line and one below. */
const OVERLAP = 0.08;

/**
 * Each area of life as a line from the first stop to the last, with both
 * partners' markers (initial in their colour) where they placed them, and
 * underneath, in words, the stop each is nearest to: the drawing is for the
 * eye, the words for everyone (and for screen readers, which skip the drawing).
 */
export function SpectrumReview({ stops, areas, people, seats }: SpectrumReviewProps) {
  const t = useTranslations('review');
  const placed = (position: number) => {
    const { stop, exact } = place(stops, position);
    return t.rich(exact ? 'place.at' : 'place.nearest', { stop, bdi: (chunks) => <bdi>{chunks}</bdi> });
  };
  return (
    <div className="flex flex-col gap-4">
      <p className="text-base text-muted">
        <span className="font-semibold text-ink">{t('scale')} </span>
        {stops.map((stop, i) => (
          <Fragment key={stop + i}>
            {i > 0 && (
              <>
                <span aria-hidden="true" className="inline-block px-1 rtl:-scale-x-100">
                  →
                </span>
                <span className="sr-only"> {t('scaleTo')} </span>
              </>
            )}
            <bdi>{stop}</bdi>
          </Fragment>
        ))}
      </p>
      {areas.map((area) => (
        <section key={area.id} className="flex break-inside-avoid flex-col gap-3 rounded-2xl bg-card p-4 shadow-sm print:rounded-none print:border-t print:border-line print:px-0 print:shadow-none">
          <h3 dir="auto" className="text-xl font-semibold tracking-tight">
            {area.label}
          </h3>
          <Line stops={stops} markers={area.markers} names={{ a: nameOf(t, people, 'a'), b: nameOf(t, people, 'b') }} />
          <ul className="flex flex-col gap-1 text-base">
            {seats.map((seat) => {
              const marker = area.markers.find((m) => m.seat === seat);
              return (
                <li key={seat} className="flex flex-wrap items-baseline gap-x-2">
                  <span className={`font-semibold ${seatStyle[seat].text}`}>{t.rich('personLabel', { name: nameOf(t, people, seat), bdi: (chunks) => <bdi>{chunks}</bdi> })}</span>
                  {marker ? <span>{placed(marker.position)}</span> : <span className="text-muted">{t('notPlaced')}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The drawn line. Lines are borders, not backgrounds, so they print without "background graphics". */
function Line({ stops, markers, names }: { stops: string[]; markers: Marker[]; names: Record<Seat, string> }) {
  const last = Math.max(1, stops.length - 1);
  const close = markers.length === 2 && Math.abs(markers[0].position - markers[1].position) < OVERLAP;
  const at = (i: number) => `${(i / last) * 100}%`;
  return (
    <div aria-hidden="true" className="px-4">
      <div className="relative h-16">
        <div className="absolute inset-x-0 top-1/2 border-t-2 border-muted" />
        {stops.map((stop, i) => (
          <div key={stop + i} className="absolute top-1/2 h-3 -translate-x-px -translate-y-1/2 border-s-2 border-muted rtl:translate-x-px" style={{ insetInlineStart: at(i) }} />
        ))}
        {markers.map((m) => {
          // Side by side would not fit at the ends of the line; above and below always does.
          // The line runs from the first stop at the start of the line (the right in a right-to-left page).
          const dy = !close ? '-50%' : m.seat === 'a' ? 'calc(-100% - 3px)' : '3px';
          return (
            <span
              key={m.seat}
              className="absolute top-1/2 inline-flex -translate-x-1/2 rounded-full ring-2 ring-card rtl:translate-x-1/2"
              style={{ insetInlineStart: `${Math.min(1, Math.max(0, m.position)) * 100}%`, transform: `translateY(${dy})` }}
            >
              <PersonBadge name={names[m.seat]} seat={m.seat} />
            </span>
          );
        })}
      </div>
      {/*
        The end labels share the row, each wrapping within its half, so long ones stack onto a
        second line instead of running into each other on a 320 px phone; the steps between are
        placed under their ticks only where there is room for them.
      */}
      <div data-testid="scale-ends" className="flex items-start justify-between gap-4 text-sm text-muted">
        <span className="max-w-[45%] min-w-0 text-start break-words">
          <bdi>{stops[0]}</bdi>
        </span>
        {stops.length > 1 && (
          <span className="max-w-[45%] min-w-0 text-end break-words">
            <bdi>{stops[last]}</bdi>
          </span>
        )}
      </div>
      {stops.length > 2 && (
        <div className="relative h-6 text-sm text-muted max-sm:hidden">
          {stops.slice(1, -1).map((stop, j) => (
            <span key={stop + j} dir="auto" className="absolute top-0 -translate-x-1/2 whitespace-nowrap rtl:translate-x-1/2" style={{ insetInlineStart: at(j + 1) }}>
              {stop}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}
