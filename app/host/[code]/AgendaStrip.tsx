import type { PublicWorkshopState } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import type { HostActions } from './useHostActions';

interface AgendaStripProps {
  state: PublicWorkshopState;
  names: string[];
  actions: HostActions;
}

/**
 * The whole running order at a glance, the current step marked in words
 * (not colour alone) and with aria-current. Any step can be started from
 * here; in the lobby the first one is started from the big button instead.
 */
export function AgendaStrip({ state, names, actions }: AgendaStripProps) {
  const ended = state.phase === 'ended';
  return (
    <section aria-labelledby="agenda-strip-heading" className="flex min-w-0 flex-col gap-3">
      <h2 id="agenda-strip-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Agenda
      </h2>
      <ol className="relative flex gap-2 overflow-x-auto pb-1">
        {state.agenda.map((item, i) => {
          const current = state.phase === 'exercise' && i === state.step;
          const done = state.step > i || (ended && state.step >= i);
          const showStart = !ended && !current && !(state.phase === 'lobby' && i === 0);
          return (
            <li
              key={item.key}
              aria-current={current ? 'step' : undefined}
              className={
                'flex min-w-52 flex-1 basis-0 flex-col gap-1 rounded-2xl border px-4 py-2.5 ' +
                (current ? 'border-accent bg-card shadow-sm ring-2 ring-accent' : 'border-line bg-card/60')
              }
            >
              <div className="flex min-h-9 items-center gap-2 text-sm text-muted">
                <span className="font-semibold tabular-nums">{i + 1}</span>
                <span aria-hidden="true">·</span>
                <span>{item.minutes} min</span>
                <span className="ml-auto flex items-center">
                  {current && <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-bold tracking-wide text-accent-ink uppercase">Now</span>}
                  {!current && done && <span className="text-xs font-semibold">✓ Done</span>}
                  {state.phase === 'lobby' && i === 0 && <span className="text-xs font-semibold">Up first</span>}
                </span>
                {showStart && (
                  <CompactButton size="sm" onClick={() => void actions.command(`Start ${names[i]}`, { type: 'goTo', step: i })}>
                    Start<span className="sr-only"> {names[i]}</span>
                  </CompactButton>
                )}
              </div>
              <p className={`leading-snug ${current ? 'font-semibold' : ''}`}>{item.title}</p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

