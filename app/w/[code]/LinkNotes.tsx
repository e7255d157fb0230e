import { useTranslations } from 'next-intl';
import type { EntryView } from '../../../lib/board/schema';
import { bdi } from '../../_i18n/bdi';
import { excerpt } from './exerciseModel';

/** Under an entry that links (a need): what meets it, or the gentle nudge that this is worth talking about. */
export function MetByNote({ target, written }: { target: EntryView | null; written: boolean }) {
  const t = useTranslations('board');
  if (target) {
    return (
      <p className="text-base">
        <span aria-hidden="true">↔ </span>
        {t.rich('metBy', {
          entry: excerpt(target.text.toString(), 80) || t('notWrittenYet'),
          strong: (chunks) => (
            <bdi className="font-semibold">{chunks}</bdi>
          ),
        })}
      </p>
    );
  }
  if (!written) return null;
  return <p className="text-base text-muted italic">{t('nothingMeets')}</p>;
}

/** Under an entry others link to (a bring): how many of them it meets, e.g. "meets 2 of Sam’s entries" (null: mine). */
export function MeetsNote({ count, partnerName }: { count: number; partnerName: string | null }) {
  const t = useTranslations('board');
  if (count === 0) return null;
  return (
    <p className="text-base">
      <span aria-hidden="true">↔ </span>
      {partnerName === null ? t('meetsYours', { count }) : t.rich('meetsPartners', { count, name: partnerName, bdi })}
    </p>
  );
}
