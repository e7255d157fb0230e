import { useTranslations } from 'next-intl';
import { compactButtonClasses, type CompactVariant } from '../../_components/CompactButton';

/**
 * Opens the projector view in a new tab, to drag onto the projector's
 * screen. The link carries only the room code: no host key leaves the console.
 */
export function ProjectorLink({ code, variant = 'secondary' }: { code: string; variant?: CompactVariant }) {
  const t = useTranslations('console');
  return (
    <a href={`/present/${code}`} target="_blank" rel="noopener" className={compactButtonClasses(variant, 'self-start')}>
      {t('projectorLink')}
      <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
        ↗
      </span>
      <span className="sr-only"> {t('newTab')}</span>
    </a>
  );
}
