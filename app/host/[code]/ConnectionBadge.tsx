import { useTranslations } from 'next-intl';
import { StatusDot } from '../../_components/StatusDot';
import type { ControlStatus } from '../../_lib/useControlSocket';

/** Honest connection state for the console: live, or not (and then the list may be stale). */
export function ConnectionBadge({ status }: { status: ControlStatus }) {
  const t = useTranslations('console.connection');
  const view =
    status.kind === 'connected'
      ? { tone: 'ok' as const, label: t('live') }
      : status.kind === 'connecting'
        ? { tone: 'idle' as const, label: t('connecting') }
        : status.kind === 'reconnecting'
          ? { tone: 'warn' as const, label: t('reconnecting') }
          : { tone: 'warn' as const, label: t('notConnected') };
  return (
    <p role="status" className="rounded-full border border-line bg-card px-4 py-2 text-base">
      <StatusDot tone={view.tone} label={view.label} />
    </p>
  );
}
