import type { Seat } from '../../../lib/protocol';
import { PartnerBadge } from '../../_components/PartnerBadge';

/**
 * A partner's initial in their colour, also on paper: browsers leave
 * background colours out of prints by default, which would print the white
 * initial on nothing. `print-color-adjust: exact` keeps this one.
 */
export function PersonBadge({ name, seat, size = 'sm' }: { name: string; seat: Seat; size?: 'sm' | 'md' }) {
  return (
    <span className="inline-flex [print-color-adjust:exact]">
      <PartnerBadge name={name} seat={seat} size={size} />
    </span>
  );
}
