import { useTranslations } from 'next-intl';
import type { CoupleStepView } from '../../../lib/protocol';

/**
 * Under the privacy line of a private-first exercise: before the reveal, who can open it (both
 * partners once both are ready, or the facilitator), so nobody is surprised; after it, how it
 * happened, as the server recorded it with the reveal (never guessed here).
 */
export function RevealReason({ revealed, revealedBy }: { revealed: boolean; revealedBy: CoupleStepView['revealedBy'] | undefined }) {
  const t = useTranslations('reveal');
  if (!revealed) return <span className="text-muted">{t('rule')}</span>;
  if (!revealedBy) return null;
  return <span className="w-full text-muted">{t(revealedBy === 'partners' ? 'byPartners' : 'byFacilitator')}</span>;
}
