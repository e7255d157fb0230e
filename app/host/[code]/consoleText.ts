import type { CoupleSummary, Member } from '../../../lib/protocol';

/**
 * A name for each agenda item that is unique on the console, so every
 * "Start …" button can be told apart (an exercise may be planned twice).
 */
export function itemNames(agenda: readonly { title: string }[]): string[] {
  const seen = new Map<string, number>();
  return agenda.map(({ title }) => {
    const n = (seen.get(title) ?? 0) + 1;
    seen.set(title, n);
    return n === 1 ? title : `${title} (${n})`;
  });
}

/** "Ana and Ben", or just "Ana" while the second seat is empty. */
export function coupleName(members: Member[]): string {
  const names = [...members].sort((x, y) => (x.seat < y.seat ? -1 : 1)).map((m) => m.name);
  return names.length === 0 ? 'An empty couple' : names.join(' and ');
}

export type Attention = NonNullable<CoupleSummary['attention']>;

/** Why a couple might need the facilitator, in a few calm words. */
export const ATTENTION_REASON: Record<Attention, string> = {
  both_offline: 'Both offline',
  partner_offline: 'Partner offline',
  waiting_for_partner: 'Waiting for partner',
  quiet: 'Nothing written yet',
};

/** Most urgent first: nobody there, then half a couple, then quiet, then still pairing. */
export const ATTENTION_ORDER: Attention[] = ['both_offline', 'partner_offline', 'quiet', 'waiting_for_partner'];
