'use client';

import { useTranslations } from 'next-intl';
import type { Seat } from '../../../lib/protocol';
import { bdi } from '../../_i18n/bdi';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { seatStyle } from '../../_lib/seatStyle';

/** The radio's own colour follows its owner's; spelled out in full for Tailwind's scanner. */
const radioAccent: Record<Seat, string> = { a: 'accent-partner-a', b: 'accent-partner-b' };

interface Person {
  name: string;
  seat: Seat;
}

interface SpectrumAreaProps {
  /** Unique per exercise and area: the radios' group name. */
  groupName: string;
  label: string;
  stops: readonly string[];
  /** Stop indexes; null = not placed. `theirs` is null too while the partner's marker is private. */
  mine: number | null;
  theirs: number | null;
  me: Person;
  partner: Person | null;
  /** Whether the partner's marker may be shown (live, or revealed). */
  partnerVisible: boolean;
  readOnly: boolean;
  onChoose: (stop: number) => void;
}

/**
 * One area of life as a line of stops, top to bottom: a native radio group
 * (arrow keys, screen readers and 48 px rows for free), and no label ever
 * squeezed to fit a 360 px screen. Each partner's marker is their initial in
 * their colour on the stop they chose.
 */
export function SpectrumArea({ groupName, label, stops, mine, theirs, me, partner, partnerVisible, readOnly, onChoose }: SpectrumAreaProps) {
  return (
    <fieldset className="rounded-2xl bg-card p-4 shadow-sm" disabled={readOnly}>
      <legend dir="auto" className="float-start mb-2 w-full text-xl font-semibold">
        {label}
      </legend>
      <div className="relative clear-start">
        <span aria-hidden="true" className="absolute start-[19px] top-6 bottom-6 w-0.5 bg-line" />
        {stops.map((stop, i) => (
          <label
            key={stop + i}
            className={`relative flex min-h-12 items-center gap-3 rounded-xl px-2 ${readOnly ? '' : 'cursor-pointer'} ${mine === i ? seatStyle[me.seat].soft : ''}`}
          >
            <input
              type="radio"
              name={groupName}
              value={i}
              checked={mine === i}
              onChange={() => onChoose(i)}
              className={`size-6 shrink-0 ${radioAccent[me.seat]}`}
            />
            <span dir="auto" className={`flex-1 text-start text-lg ${mine === i ? 'font-semibold' : ''}`}>
              {stop}
            </span>
            <span aria-hidden="true" className="flex gap-1">
              {mine === i && <PartnerBadge name={me.name} seat={me.seat} size="sm" />}
              {partnerVisible && partner && theirs === i && <PartnerBadge name={partner.name} seat={partner.seat} size="sm" />}
            </span>
          </label>
        ))}
      </div>
      {partner && partnerVisible && <Comparison stops={stops} mine={mine} theirs={theirs} me={me} partner={partner} />}
    </fieldset>
  );
}

/** Both markers in words, each in its owner's colour: what the badges show, also for screen readers (which skip the badges). */
function Comparison({ stops, mine, theirs, me, partner }: { stops: readonly string[]; mine: number | null; theirs: number | null; me: Person; partner: Person }) {
  const t = useTranslations('board');
  if (theirs === null) return <p className="mt-2 px-2 text-base text-muted">{t.rich('spectrum.partnerNotPlaced', { name: partner.name, bdi })}</p>;
  if (mine === theirs) return <p className="mt-2 px-2 text-base font-semibold">{t.rich('spectrum.bothAt', { stop: stops[theirs], bdi })}</p>;
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 px-2 text-base font-semibold">
      <span className={seatStyle[partner.seat].text}>{t.rich('spectrum.partnerAt', { name: partner.name, stop: stops[theirs], bdi })}</span>
      {mine !== null && <span className={seatStyle[me.seat].text}>{t.rich('spectrum.youAt', { stop: stops[mine], bdi })}</span>}
    </p>
  );
}
