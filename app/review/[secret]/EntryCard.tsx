import { useTranslations } from 'next-intl';
import type { Seat } from '../../../lib/protocol';
import { seatStyle } from '../../_lib/seatStyle';
import { PersonBadge } from './PersonBadge';

interface EntryCardProps {
  author: Seat;
  name: string;
  text: string;
  /** For a linked need: the words of the partner's entry that meets it. */
  metBy?: string;
}

/**
 * One entry or answer, in its author's colour with their name and initial
 * (never colour alone). Kept whole on paper: an entry is never split
 * across two printed pages.
 */
export function EntryCard({ author, name, text, metBy }: EntryCardProps) {
  const t = useTranslations('review');
  const style = seatStyle[author];
  return (
    <li className={`flex break-inside-avoid flex-col gap-2 rounded-2xl border-s-4 p-4 print:rounded-none print:bg-transparent print:py-2 ${style.border} ${style.soft}`}>
      <p className={`flex items-center gap-2 text-base font-semibold ${style.text}`}>
        <PersonBadge name={name} seat={author} />
        <bdi>{name}</bdi>
      </p>
      <p dir="auto" className="text-lg leading-relaxed break-words whitespace-pre-wrap print:text-base">
        {text}
      </p>
      {metBy && (
        <p className="border-t border-line pt-2 text-base text-muted">
          <span className="font-semibold text-ink">{t('metBy')} </span>
          <bdi className="break-words whitespace-pre-wrap">{metBy}</bdi>
        </p>
      )}
    </li>
  );
}
