'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

/**
 * Full screen for the projector, by button or the F key. It hides itself in
 * full screen so nothing but the room's content is on the wall.
 */
export function FullscreenButton() {
  const t = useTranslations('projector');
  const [full, setFull] = useState(false);

  useEffect(() => {
    const onChange = () => setFull(document.fullscreenElement !== null);
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() === 'f' && !e.ctrlKey && !e.metaKey && !e.altKey) toggle();
    };
    onChange();
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  if (full) return null;
  return (
    <button
      type="button"
      onClick={toggle}
      className="rounded-full border border-line bg-card px-4 py-1.5 text-[1.8vh] font-semibold text-muted hover:text-ink"
    >
      {t('fullScreen')} <span className="sr-only">{t('fullScreenKey')}</span>
    </button>
  );
}

function toggle(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}
