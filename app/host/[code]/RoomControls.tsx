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
  const ended = state.phase === 'ended';
  return (
    <section aria-labelledby="room-controls-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="room-controls-heading" className="text-lg font-semibold">
        Room
      </h2>
      <div className="flex flex-col gap-1.5">
        <StatusDot tone={state.locked ? 'warn' : 'ok'} label={state.locked ? 'Boards are locked (read-only)' : 'Boards are open for writing'} />
        <CompactButton
          className="self-start"
          disabled={ended}
          onClick={() => void actions.command(state.locked ? 'Unlock boards' : 'Lock boards', { type: state.locked ? 'unlock' : 'lock' })}
        >
          {state.locked ? 'Unlock boards' : 'Lock boards'}
        </CompactButton>
      </div>
      <div className="flex flex-col gap-1.5">
        <StatusDot tone={state.joinsOpen ? 'ok' : 'idle'} label={state.joinsOpen ? 'New people can join' : 'Closed to new people'} />
        <CompactButton
          className="self-start"
          disabled={ended}
          onClick={() =>
            void actions.command(state.joinsOpen ? 'Close room to new people' : 'Reopen room', { type: state.joinsOpen ? 'closeJoins' : 'openJoins' })
          }
        >
          {state.joinsOpen ? 'Close room to new people' : 'Reopen room'}
        </CompactButton>
      </div>
      <div className="border-t border-line pt-4">
        <ConfirmButton
          disabled={ended}
          title="End the workshop for everyone?"
          body="Boards become read-only, the countdown stops and nobody new can join. This cannot be undone."
          confirmLabel="Yes, end workshop"
          onConfirm={() => void actions.command('End workshop', { type: 'end' })}
        >
          End workshop
        </ConfirmButton>
      </div>
      {dangerZone && <div className="mt-2">{dangerZone}</div>}
    </section>
  );
}
