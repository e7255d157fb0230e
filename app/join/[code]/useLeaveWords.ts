import { useTranslations } from 'next-intl';
import type { DeletedBy, LeaveReason } from './leaveMessages';

/**
 * What to say to a phone sent back from its board: who deleted it when we know (your partner,
 * you, the facilitator: the server says, see `self:removed`), else the reason's own words.
 */
export function useLeaveWords(left: LeaveReason | null, by: DeletedBy | null): { title: string; body: string } | null {
  const t = useTranslations('join');
  const gone = useTranslations('saveStatus.boardGone');
  if (!left) return null;
  if (left === 'deleted' && by) return { title: gone(`${by}.title`), body: gone(`${by}.body`) };
  return { title: t(`left.${left}.title`), body: t(`left.${left}.body`) };
}
