'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CompactButton } from '../../_components/CompactButton';
import type { HostActions } from './useHostActions';

const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

/**
 * Beside an entry on the wall: show it large and alone on the projector, or, while it is
 * there, say so and offer the way back to the wall.
 */
export function SpotlightControl({ id, spotlighted, actions }: { id: string; spotlighted: boolean; actions: HostActions }) {
  const t = useTranslations('spotlight');
  if (spotlighted) {
    return (
      <>
        <p className="basis-full text-sm font-semibold text-accent">{t('onScreen')}</p>
        <CompactButton variant="primary" onClick={() => void actions.spotlight(t('back'), null)}>
          {t('back')}
        </CompactButton>
      </>
    );
  }
  return (
    <CompactButton title={t('hint')} onClick={() => void actions.spotlight(t('showAction'), id)}>
      {t.rich('show', { hidden })}
    </CompactButton>
  );
}
