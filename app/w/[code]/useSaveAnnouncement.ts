'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useAnnounceChange } from '../../_components/Announcer';
import type { SaveState } from './saveStatusLine';

/**
 * Says it once when what was kept on this phone is all saved again (kept → saving → saved).
 * Saving… → Saved after each keystroke is not said (it would talk over the typing); losing the
 * connection is said by useBoardAnnouncements.
 */
export function useSaveAnnouncement(state: SaveState): void {
  const t = useTranslations('saveStatus');
  const wasKept = useRef(false);
  useAnnounceChange(state, (_from, to) => {
    if (to === 'kept') wasKept.current = true;
    if (to !== 'saved' || !wasKept.current) return null;
    wasKept.current = false;
    return t('allSaved');
  });
}
