import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { PartnerBadge } from '../../_components/PartnerBadge';
import { seatStyle } from '../../_lib/seatStyle';

/** One of my partner's entries (or answers): read-only, in their colour, with their name, updating as they type. */
export function PartnerEntry({
  entry,
  name,
  seat,
  label,
  notes,
  share,
}: {
  entry: EntryView;
  name: string;
  seat: Seat;
  /** The accessible name of the text: "Sam's entry", or "Sam's answer" under a question. */
  label?: string;
  /** Link notes ("met by: …", "meets 2 of your needs"). */
  notes?: ReactNode;
  share?: ReactNode;
}) {
  const t = useTranslations('board');
  const text = entry.text.toString();
  const style = seatStyle[seat];
  return (
    <li className={`flex flex-col gap-2 rounded-2xl border-s-4 p-4 ${style.border} ${style.soft}`}>
      <p className={`flex items-center gap-2 text-base font-semibold ${style.text}`}>
        <PartnerBadge name={name} seat={seat} size="sm" />
        <bdi>{name}</bdi>
      </p>
      <blockquote aria-label={label ?? t('partnerEntry', { name })} dir="auto" className="text-lg leading-relaxed break-words whitespace-pre-wrap text-ink">
        {text || <span className="text-muted italic">{t('writing')}</span>}
      </blockquote>
      {notes}
      {share}
    </li>
  );
}
