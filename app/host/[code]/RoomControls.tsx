import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmButton } from '../../_components/ConfirmDialog';
import { StatusDot } from '../../_components/StatusDot';
import type { HostActions } from './useHostActions';

/**
 * Room-wide switches, each with its state in words next to it: boards open
 * or locked, the door open or closed, and the end (asked twice: it cannot
 * be undone). Below them, set apart, the danger zone the console passes in
 * (deleting the workshop), which speaks HTTP rather than socket commands.
 */
export function RoomControls({ state, actions, dangerZone }: { state: PublicWorkshopState; actions: HostActions; dangerZone?: ReactNode }) {
  const t = useTranslations('console.room');
  const ended = state.phase === 'ended';
  const lock = state.locked ? t('unlock') : t('lock');
  const door = state.joinsOpen ? t('close') : t('reopen');
  return (
    <section aria-labelledby="room-controls-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="room-controls-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <div className="flex flex-col gap-1.5">
        <StatusDot tone={state.locked ? 'warn' : 'ok'} label={state.locked ? t('locked') : t('open')} />
        <CompactButton
          className="self-start"
          disabled={ended}
          onClick={() => void actions.command(lock, { type: state.locked ? 'unlock' : 'lock' })}
        >
          {lock}
        </CompactButton>
      </div>
      <div className="flex flex-col gap-1.5">
        <StatusDot tone={state.joinsOpen ? 'ok' : 'idle'} label={state.joinsOpen ? t('joinsOpen') : t('joinsClosed')} />
        <CompactButton
          className="self-start"
          disabled={ended}
          onClick={() => void actions.command(door, { type: state.joinsOpen ? 'closeJoins' : 'openJoins' })}
        >
          {door}
        </CompactButton>
      </div>
      <div className="border-t border-line pt-4">
        <ConfirmButton
          disabled={ended}
          title={t('endTitle')}
          body={t('endBody')}
          confirmLabel={t('endConfirm')}
          onConfirm={() => void actions.command(t('end'), { type: 'end' })}
        >
          {t('end')}
        </ConfirmButton>
      </div>
      {dangerZone && <div className="mt-2">{dangerZone}</div>}
    </section>
  );
}
