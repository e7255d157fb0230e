import type { Seat } from '../../lib/protocol';
import { initialOf, seatStyle } from '../_lib/seatStyle';

/** A partner's initial in their colour. Decorative: the name is always written next to it. */
export function PartnerBadge({ name, seat, size = 'md' }: { name: string; seat: Seat; size?: 'sm' | 'md' }) {
  const dims = size === 'sm' ? 'size-7 text-sm' : 'size-9 text-base';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-bold text-card ${dims} ${seatStyle[seat].bg}`}
    >
      {initialOf(name)}
    </span>
  );
}
