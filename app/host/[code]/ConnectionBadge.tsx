'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import { useAnnounceChange } from '../../_components/Announcer';
import { StatusDot } from '../../_components/StatusDot';
import type { ControlStatus } from '../../_lib/useControlSocket';

/**
 * Honest connection state for the console: live, or not (and then the list
 * may be stale). Losing it and getting it back is said aloud once each; the
 * first "Connecting…" is not news.
 */
export function ConnectionBadge({ status, ended = false }: { status: ControlStatus; ended?: boolean }) {
  const t = useTranslations('console.connection');
  const shareT = useTranslations('consoleShare');
  const say = useTranslations('announce');
  const lost = useRef(false);
  useAnnounceChange(status.kind === 'connected', (_from, connected) => {
    if (!connected) {
      lost.current = true;
      return say('consoleConnectionLost');
    }
    if (lost.current) {
      lost.current = false;
      return say('consoleConnectionBack');
    }
    return null;
  });
  // Connected to an ended workshop is not "Live": nothing runs any more ([R81]).
  const view =
    status.kind === 'connected' && ended
      ? { tone: 'idle' as const, label: shareT('ended') }
      : status.kind === 'connected'
      ? { tone: 'ok' as const, label: t('live') }
      : status.kind === 'connecting'
        ? { tone: 'idle' as const, label: t('connecting') }
        : status.kind === 'reconnecting'
          ? { tone: 'warn' as const, label: t('reconnecting') }
          : { tone: 'warn' as const, label: t('notConnected') };
  return (
    <p className="rounded-full border border-line bg-card px-4 py-2 text-base">
      <StatusDot tone={view.tone} label={view.label} />
    </p>
  );
}
