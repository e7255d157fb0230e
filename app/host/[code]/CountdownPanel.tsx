'use client';

import { useRef } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { useAnnounceChange } from '../../_components/Announcer';
import { CompactButton } from '../../_components/CompactButton';
import { announcement } from '../../_lib/announcements';
import { formatCountdown, spokenCountdown, useCountdown } from '../../_lib/useCountdown';
import type { HostActions } from './useHostActions';

const PRESET_MINUTES = [1, 3, 5, 10];

/**
 * The room's countdown: the same second as on every phone and the projector
 * (server clock), presets led by the exercise's suggested minutes, and small
 * corrections without starting over.
 */
export function CountdownPanel({ state, offsetMs, actions }: { state: PublicWorkshopState; offsetMs: number; actions: HostActions }) {
  const left = useCountdown(state.timer, offsetMs);
  const timer = state.timer;
  const ended = state.phase === 'ended';
  const suggested = state.phase === 'exercise' ? state.agenda[state.step]?.minutes : undefined;
  const presets = suggested && !PRESET_MINUTES.includes(suggested) ? [suggested, ...PRESET_MINUTES] : PRESET_MINUTES;
  const presetsRef = useRef<HTMLDivElement>(null);
  const run = (what: string, command: Parameters<HostActions['command']>[1]) => void actions.command(what, command);
  // Said once as the running countdown reaches zero; the timer role itself is never read out on its own.
  useAnnounceChange(timer?.state === 'running' && left === 0, (_from, to) => (to ? announcement('consoleTimesUp') : null));

  // Clearing removes the correction buttons, Clear included: hand focus to the presets instead of the page.
  async function clear() {
    if (await actions.command('Clear', { type: 'timerClear' })) presetsRef.current?.querySelector('button')?.focus();
  }

  const status =
    timer === null
      ? ''
      : timer.state === 'paused'
        ? 'Paused'
        : left === 0
          ? 'Time’s up'
          : `Running · ${formatCountdown(timer.durationMs)} in all`;

  return (
    <section aria-labelledby="countdown-heading" className="flex flex-col gap-4 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="countdown-heading" className="text-lg font-semibold">
        Countdown
      </h2>
      {left === null ? (
        <div>
          <p className="text-3xl leading-tight font-semibold text-muted">No countdown</p>
          <p className="mt-2 text-base text-muted">Start one: every phone and the projector show the same time.</p>
        </div>
      ) : (
        <div>
          {/* role=timer is not announced on every tick; the label gives a readable value on demand. */}
          <p
            role="timer"
            aria-label={`${spokenCountdown(left)} left`}
            className={`font-mono text-6xl leading-none font-semibold tabular-nums ${timer?.state === 'paused' ? 'text-muted' : ''}`}
          >
            {formatCountdown(left)}
          </p>
          <p className="mt-2 text-base text-muted">{status} · the same on every phone</p>
        </div>
      )}

      <div ref={presetsRef} role="group" aria-label="Start a countdown" className="flex flex-wrap gap-2">
        {presets.map((m) => (
          <CompactButton
            key={m}
            variant={m === suggested && timer === null ? 'primary' : 'secondary'}
            disabled={ended}
            onClick={() => run(`Start a ${m} min countdown`, { type: 'timerStart', seconds: m * 60 })}
          >
            {m} min{m === suggested ? ' (suggested)' : ''}
          </CompactButton>
        ))}
      </div>

      {/* Corrections only exist once a countdown does: hidden rather than a row of disabled buttons. */}
      {timer && (
        <div role="group" aria-label="Change the countdown" className="flex flex-wrap gap-2">
          <CompactButton onClick={() => run('+1 min', { type: 'timerAdd', seconds: 60 })}>
            +1 min
          </CompactButton>
          <CompactButton onClick={() => run('−1 min', { type: 'timerAdd', seconds: -60 })}>
            −1 min
          </CompactButton>
          {timer?.state === 'paused' ? (
            <CompactButton onClick={() => run('Resume', { type: 'timerResume' })}>Resume</CompactButton>
          ) : (
            <CompactButton disabled={timer?.state !== 'running' || left === 0} onClick={() => run('Pause', { type: 'timerPause' })}>
              Pause
            </CompactButton>
          )}
          <CompactButton variant="quiet" onClick={() => void clear()}>
            Clear
          </CompactButton>
        </div>
      )}
    </section>
  );
}
