import type { Seat } from '../../lib/protocol';

/**
 * Each partner keeps one colour everywhere (entries, badges, presence). The
 * class names are spelled out in full so Tailwind's scanner finds them.
 */
export const seatStyle: Record<Seat, { text: string; bg: string; soft: string; border: string }> = {
  a: { text: 'text-partner-a', bg: 'bg-partner-a', soft: 'bg-partner-a-soft', border: 'border-partner-a' },
  b: { text: 'text-partner-b', bg: 'bg-partner-b', soft: 'bg-partner-b-soft', border: 'border-partner-b' },
};

export const otherSeat = (seat: Seat): Seat => (seat === 'a' ? 'b' : 'a');

/** First letter of a name, for badges; names can start with an emoji or accent, so take a whole grapheme. */
export function initialOf(name: string): string {
  const first = Array.from(name.trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}
