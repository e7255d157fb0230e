'use client';

import { useTranslations } from 'next-intl';
import { Notice } from '../../_components/Notice';
import type { PhoneOriginView } from '../../_lib/usePhoneOrigin';

/**
 * Said plainly at the top of the console when no phone could open the join link ([R76]):
 * the console was opened on localhost and the server has no address on a network.
 */
export function PhoneReachNotice({ reach }: { reach: PhoneOriginView['reach'] }) {
  const t = useTranslations('network');
  if (reach !== 'unreachable') return null;
  return (
    <Notice tone="problem" title={t('unreachableTitle')}>
      {t('unreachableBody')}
    </Notice>
  );
}
