'use client';

import { useTranslations } from 'next-intl';
import { setMarker } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { markerStop } from './exerciseModel';
import type { SpectrumItem } from './phoneItem';
import { SpectrumArea } from './SpectrumArea';
import type { ExerciseDocs } from './useExerciseDocs';

interface SpectrumExerciseProps {
  item: SpectrumItem;
  docs: ExerciseDocs;
  me: { name: string; seat: Seat };
  partner: { name: string; seat: Seat } | null;
  partnerVisible: boolean;
  readOnly: boolean;
}

/** "Where are we on the spectrum?": per area, my marker on a line of stops, and my partner's once it may be seen. */
export function SpectrumExercise({ item, docs, me, partner, partnerVisible, readOnly }: SpectrumExerciseProps) {
  const t = useTranslations('board');
  const mineDoc = docs.mine?.doc ?? null;
  const theirsDoc = docs.theirs?.doc ?? null;
  const stopCount = item.stops.length;

  // A marker is a fraction along the line, so a stop's position is its share of the way from first to last.
  const choose = (area: string, stop: number) => {
    if (mineDoc && !readOnly) setMarker(mineDoc, item.key, area, me.seat, stop / (stopCount - 1));
  };

  return (
    <section aria-label={t('spectrum.yourMarkers')} className="flex flex-col gap-4">
      {item.areas.map((area) => (
        <SpectrumArea
          key={area.id}
          groupName={`${item.key}-${area.id}`}
          label={area.label}
          stops={item.stops}
          mine={markerStop(mineDoc, item.key, area.id, me.seat, stopCount)}
          theirs={partner && partnerVisible ? markerStop(theirsDoc, item.key, area.id, partner.seat, stopCount) : null}
          me={me}
          partner={partner}
          partnerVisible={partnerVisible}
          readOnly={readOnly}
          onChoose={(stop) => choose(area.id, stop)}
        />
      ))}
    </section>
  );
}
