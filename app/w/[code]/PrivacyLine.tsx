import { useTranslations } from 'next-intl';
import type { CoupleStepView } from '../../../lib/protocol';
import { bdi } from '../../_i18n/bdi';
import { RevealReason } from './RevealReason';

/**
 * At the top of a private-first exercise: whether what I write is still mine
 * alone. The reveal is announced by the page's Announcer (useBoardAnnouncements).
 */
export function PrivacyLine({ revealed, revealedBy, partnerName }: { revealed: boolean; revealedBy?: CoupleStepView['revealedBy']; partnerName: string | null }) {
  const t = useTranslations('board');
  return (
    <div className="rounded-2xl border border-line bg-card px-4 py-3">
      {revealed ? (
        <p className="flex flex-wrap items-center gap-x-2 text-base">
          <span className="rounded-full bg-ok px-2.5 py-0.5 text-sm font-semibold text-card">{t('privateFirst.revealed')}</span>
          <span>{partnerName ? t.rich('privateFirst.revealedWithName', { name: partnerName, bdi }) : t('privateFirst.revealedBoth')}</span>
          <RevealReason revealed revealedBy={revealedBy} />
        </p>
      ) : (
        <p className="flex flex-col text-base">
          <span className="flex items-center gap-2 font-semibold">
            <LockIcon />
            {t('privateFirst.private')}
          </span>
          <span className="text-muted">
            {partnerName ? t.rich('privateFirst.hiddenFromName', { name: partnerName, bdi }) : t('privateFirst.hiddenFromPartner')}
          </span>
          <RevealReason revealed={false} revealedBy={null} />
        </p>
      )}
    </div>
  );
}

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  );
}
