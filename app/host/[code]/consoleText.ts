import type { useFormatter, useTranslations } from 'next-intl';
import type { CoupleSummary, Member } from '../../../lib/protocol';

type ConsoleT = ReturnType<typeof useTranslations<'console'>>;
type Format = ReturnType<typeof useFormatter>;

/**
 * A name for each agenda item that is unique on the console, so every
 * "Start …" button can be told apart (an exercise may be planned twice).
 */
export function itemNames(t: ConsoleT, agenda: readonly { title: string }[]): string[] {
  const seen = new Map<string, number>();
  return agenda.map(({ title }) => {
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return n === 1 ? title : t('itemAgain', { title, n });
  });
}

/** "Ana and Ben" (in the page's language: Intl.ListFormat), or just "Ana" while the second seat is empty. */
export function coupleName(t: ConsoleT, format: Format, members: Member[]): string {
  const names = [...members].sort((x, y) => (x.seat < y.seat ? -1 : 1)).map((m) => m.name);
  return names.length === 0 ? t('emptyCouple') : format.list(names, { type: 'conjunction' });
}

export type Attention = NonNullable<CoupleSummary['attention']>;

/** Most urgent first: nobody there, then half a couple, then quiet, then still pairing. */
export const ATTENTION_ORDER: Attention[] = ['both_offline', 'partner_offline', 'quiet', 'waiting_for_partner'];
