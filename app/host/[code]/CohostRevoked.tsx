'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { QuietPage } from '../../_components/QuietPage';
import { forgetHostKey } from '../../_lib/storage';

/** A co-host's console after the facilitator revoked the link: said plainly, and the key forgotten on this device. */
export function CohostRevoked({ code }: { code: string }) {
  const t = useTranslations('cohosts');
  useEffect(() => {
    forgetHostKey(code);
  }, [code]);
  return (
    <QuietPage title={t('revokedTitle')} home={t('home')} scope="host">
      <p>{t('revokedBody')}</p>
    </QuietPage>
  );
}
