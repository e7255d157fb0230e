'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { useAnnounceChange } from '../../_components/Announcer';
import { CompactButton } from '../../_components/CompactButton';
import { formatCountdown, useCountdown, useSpokenCountdown } from '../../_lib/useCountdown';
import { ChimeSwitch } from './ChimeSwitch';
import type { HostActions } from './useHostActions';

const PRESET_MINUTES = [1, 3, 5, 10];

/**
 * The room's countdown: the same second as on every phone and the projector
 * (server clock), presets led by the exercise's suggested minutes, and small
 * corrections without starting over.
 */
export function CountdownPanel({ state, offsetMs, actions }: { state: PublicWorkshopState; offsetMs: number; actions: HostActions }) {
  const t = useTranslations('console.countdown');
  const say = useTranslations('announce');
  const spoken = useSpokenCountdown();
  const left = useCountdown(state.timer, offsetMs);
  const timer = state.timer;
  const ended = state.phase === 'ended';
  const suggested = state.phase === 'exercise' ? state.agenda[state.step]?.minutes : undefined;
  const presets = suggested && !PRESET_MINUTES.includes(suggested) ? [suggested, ...PRESET_MINUTES] : PRESET_MINUTES;
  const presetsRef = useRef<HTMLDivElement>(null);
  const run = (what: string, command: Parameters<HostActions['command']>[1]) => void actions.command(what, command);
  // Said once as the running countdown reaches zero; the timer role itself is never read out on its own.
  useAnnounceChange(timer?.state === 'running' && left === 0, (_from, to) => (to ? say('consoleTimesUp') : null));

  // Clearing removes the correction buttons, Clear included: hand focus to the presets instead of the page.
  async function clear() {
    if (await actions.command(t('clear'), { type: 'timerClear' })) presetsRef.current?.querySelector('button')?.focus();
  }

  const status =
    timer === null
      ? ''
      : timer.state === 'paused'
        ? t('paused')
        : left === 0
          ? t('timesUp')
          : t('running', { total: formatCountdown(timer.durationMs) });

  return (
    <section aria-labelledby="countdown-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="countdown-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      {left === null ? (
        <div>
          <p className="text-3xl leading-tight font-semibold text-muted">{t('none')}</p>
          <p className="mt-2 text-base text-muted">{t('noneHint')}</p>
        </div>
      ) : (
        <div>
          {/* role=timer is not announced on every tick; the label gives a readable value on demand. */}
          <p
            role="timer"
            aria-label={t('left', { time: spoken(left) })}
            className={`font-mono text-6xl leading-none font-semibold tabular-nums ${timer?.state === 'paused' ? 'text-muted' : ''}`}
          >
            <span dir="ltr">{formatCountdown(left)}</span>
          </p>
          <p className="mt-2 text-base text-muted">{t('status', { status })}</p>
        </div>
      )}

      <div ref={presetsRef} role="group" aria-label={t('startGroup')} className="flex flex-wrap gap-2">
        {presets.map((m) => (
          <CompactButton
            key={m}
            variant={m === suggested && timer === null ? 'primary' : 'secondary'}
            disabled={ended}
            onClick={() => run(t('startAction', { minutes: m }), { type: 'timerStart', seconds: m * 60 })}
          >
            {m === suggested ? t('presetSuggested', { minutes: m }) : t('preset', { minutes: m })}
          </CompactButton>
        ))}
      </div>

      {/* Corrections only exist once a countdown does: hidden rather than a row of disabled buttons. */}
      {timer && (
        <div role="group" aria-label={t('changeGroup')} className="flex flex-wrap gap-2">
          <CompactButton onClick={() => run(t('plusMinute'), { type: 'timerAdd', seconds: 60 })}>{t('plusMinute')}</CompactButton>
          <CompactButton onClick={() => run(t('minusMinute'), { type: 'timerAdd', seconds: -60 })}>{t('minusMinute')}</CompactButton>
          {timer?.state === 'paused' ? (
            <CompactButton onClick={() => run(t('resume'), { type: 'timerResume' })}>{t('resume')}</CompactButton>
          ) : (
            <CompactButton disabled={timer?.state !== 'running' || left === 0} onClick={() => run(t('pause'), { type: 'timerPause' })}>
              {t('pause')}
            </CompactButton>
          )}
          <CompactButton variant="quiet" onClick={() => void clear()}>
            {t('clear')}
          </CompactButton>
        </div>
      )}
      <ChimeSwitch on={state.chime} disabled={ended} actions={actions} />
    </section>
  );
}
