'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';
import type { HostActions } from './useHostActions';

/** The projector's time-up chime, on or off for the whole room (kept in the workshop's live state). */
export function ChimeSwitch({ on, disabled, actions }: { on: boolean; disabled: boolean; actions: HostActions }) {
  const t = useTranslations('timeUp');
  const id = useId();
  return (
    <div className="flex flex-col gap-1 border-t border-line pt-4">
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 text-base font-semibold">
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={on}
          disabled={disabled}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void actions.chime(e.target.checked ? t('chimeOnAction') : t('chimeOffAction'), e.target.checked)}
          className="size-5 shrink-0 accent-accent"
        />
        {t('chime')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t('chimeHint')}
      </p>
    </div>
  );
}
