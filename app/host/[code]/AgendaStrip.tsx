import { useFormatter, useTranslations } from 'next-intl';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { CompactButton } from '../../_components/CompactButton';
import type { ReactNode } from 'react';
import type { HostActions } from './useHostActions';

const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;

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
  const t = useTranslations('console');
  const format = useFormatter();
  const ended = state.phase === 'ended';
  return (
    <section aria-labelledby="agenda-strip-heading" className="flex min-w-0 flex-col gap-3">
      <h2 id="agenda-strip-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
        {t('agenda.heading')}
      </h2>
      <ol className="relative flex gap-2 overflow-x-auto pb-1">
        {state.agenda.map((item, i) => {
          const current = state.phase === 'exercise' && i === state.step;
          // Every step that ran, in any order the facilitator took them ([R80]); not just those before the current one.
          const done = state.ranSteps.includes(i);
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
                <span className="font-semibold tabular-nums">{format.number(i + 1)}</span>
                <span aria-hidden="true">·</span>
                <span>{t('minutes', { minutes: item.minutes })}</span>
                <span className="ms-auto flex items-center">
                  {current && <span className="rounded-full bg-accent px-2 py-0.5 text-xs font-bold tracking-wide text-accent-ink uppercase">{t('agenda.now')}</span>}
                  {!current && done && <span className="text-xs font-semibold">{t('agenda.done')}</span>}
                  {state.phase === 'lobby' && i === 0 && <span className="text-xs font-semibold">{t('agenda.upFirst')}</span>}
                </span>
                {showStart && (
                  <CompactButton size="sm" onClick={() => void actions.command(t('actions.start', { name: names[i] }), { type: 'goTo', step: i })}>
                    {t.rich('agenda.start', { name: names[i], hidden })}
                  </CompactButton>
                )}
              </div>
              <p dir="auto" className={`leading-snug ${current ? 'font-semibold' : ''}`}>
                {item.title}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

