import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { compactButtonClasses, type CompactVariant } from '../../_components/CompactButton';

/**
 * The way from the console to the session summary. Always there (the figures
 * build up during the session too); the console makes it the primary action
 * once the workshop has ended. The host key stays on this device: the
 * summary page reads it from storage, so the link carries only the room code.
 */
export function SummaryLink({ code, variant = 'secondary' }: { code: string; variant?: CompactVariant }) {
  const t = useTranslations('console');
  return (
    <Link href={`/host/${code}/summary`} className={compactButtonClasses(variant, 'self-start')}>
      {t('summaryLink')}
    </Link>
  );
}
