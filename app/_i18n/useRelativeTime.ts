'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useCallback } from 'react';

/**
 * "just now", "2 min. ago", "1 hr. ago" in the page's language (Intl.RelativeTimeFormat through
 * next-intl): coarse on purpose. The facilitator wants to spot a couple that went quiet, not read
 * a clock.
 */
export function useRelativeTime(): (then: number, now: number) => string {
  const format = useFormatter();
  const t = useTranslations('common');
  return useCallback(
    (then: number, now: number) => {
      const seconds = Math.max(0, Math.round((now - then) / 1000));
      if (seconds < 45) return t('justNow');
      const at = (unit: Intl.RelativeTimeFormatUnit) => format.relativeTime(then, { now, unit, style: 'short' });
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return at('minute');
      return Math.round(minutes / 60) < 24 ? at('hour') : at('day');
    },
    [format, t],
  );
}
