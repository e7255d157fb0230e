import { describe, expect, it } from 'vitest';
import type { HostCommand } from '../../lib/protocol';
import { applyHostCommand, applyReady } from '../../lib/workshop/commands';
import { initialWorkshopState, isRevealed, timeLeftMs, type WorkshopState } from '../../lib/workshop/state';

const AGENDA = 3;
const T0 = 1_000_000;

function run(state: WorkshopState, ...steps: [HostCommand, number][]): WorkshopState {
  for (const [command, now] of steps) {
    const result = applyHostCommand(state, command, now, AGENDA);
    if (!result.ok) throw new Error(`${command.type}: ${result.code}`);
    state = result.state;
  }
  return state;
}

describe('workshop rules (state, command, now) → result', () => {
  it('[R22] moves through the agenda and refuses to step outside it', () => {
    let s = run(initialWorkshopState(), [{ type: 'goTo', step: 0 }, T0]);
    expect(s).toMatchObject({ phase: 'exercise', step: 0, version: 1 });
    s = run(s, [{ type: 'next' }, T0 + 60_000], [{ type: 'next' }, T0 + 120_000]);
    expect(s.step).toBe(2);
    expect(applyHostCommand(s, { type: 'next' }, T0, AGENDA)).toMatchObject({ ok: false, code: 'bad_request' });
    s = run(s, [{ type: 'previous' }, T0 + 180_000]);
    expect(s.step).toBe(1);
    expect(applyHostCommand(s, { type: 'goTo', step: 3 }, T0, AGENDA).ok).toBe(false);
    expect(s.stepLog.map((l) => [l.step, l.startedAt, l.endedAt])).toEqual([
      [0, T0, T0 + 60_000],
      [1, T0 + 60_000, T0 + 120_000],
      [2, T0 + 120_000, T0 + 180_000],
      [1, T0 + 180_000, null],
    ]);
  });

  it('[R23] the countdown is an endsAt owned by the server: add time, pause, resume', () => {
    let s = run(initialWorkshopState(), [{ type: 'goTo', step: 0 }, T0], [{ type: 'timerStart', seconds: 300 }, T0]);
    expect(s.timer).toEqual({ state: 'running', endsAt: T0 + 300_000, durationMs: 300_000 });
    expect(timeLeftMs(s.timer, T0 + 100_000)).toBe(200_000);
    s = run(s, [{ type: 'timerAdd', seconds: 60 }, T0 + 100_000]);
    expect(timeLeftMs(s.timer, T0 + 100_000)).toBe(260_000);
    s = run(s, [{ type: 'timerPause' }, T0 + 160_000]);
    expect(s.timer).toEqual({ state: 'paused', remainingMs: 200_000, durationMs: 360_000 });
    expect(timeLeftMs(s.timer, T0 + 999_999)).toBe(200_000);
    s = run(s, [{ type: 'timerResume' }, T0 + 500_000]);
    expect(s.timer).toMatchObject({ state: 'running', endsAt: T0 + 700_000 });
    expect(timeLeftMs(s.timer, T0 + 800_000)).toBe(0);
    expect(applyHostCommand(s, { type: 'timerResume' }, T0, AGENDA).ok).toBe(false);
    // Taking away more time than is left ends it now, never in the past.
    s = run(s, [{ type: 'timerAdd', seconds: -3600 }, T0 + 600_000]);
    expect(timeLeftMs(s.timer, T0 + 600_000)).toBe(0);
  });

  it('[R24] a private-first step is revealed to a couple when both are ready, or by the facilitator', () => {
    let s = run(initialWorkshopState(), [{ type: 'goTo', step: 1 }, T0]);
    const ready = (state: WorkshopState, couple: string, seat: 'a' | 'b', value = true) => {
      const r = applyReady(state, couple, seat, value);
      if (!r.ok) throw new Error(r.code);
      return r.state;
    };
    s = ready(s, 'c1', 'a');
    expect(isRevealed(s, 'c1', 1)).toBe(false);
    s = ready(s, 'c1', 'a', false);
    s = ready(s, 'c1', 'b');
    expect(isRevealed(s, 'c1', 1)).toBe(false);
    s = ready(s, 'c1', 'a');
    expect(isRevealed(s, 'c1', 1)).toBe(true);
    expect(isRevealed(s, 'c2', 1)).toBe(false);
    expect(isRevealed(s, 'c1', 0)).toBe(false);
    s = run(s, [{ type: 'revealCouple', coupleId: 'c2' }, T0]);
    expect(isRevealed(s, 'c2', 1)).toBe(true);
    expect(isRevealed(s, 'c3', 1)).toBe(false);
    s = run(s, [{ type: 'revealAll' }, T0]);
    expect(isRevealed(s, 'c3', 1)).toBe(true);
    expect(isRevealed(s, 'c3', 0)).toBe(false);
  });

  it('[R25] lock, close joins and end; nothing changes after the end', () => {
    let s = run(initialWorkshopState(), [{ type: 'goTo', step: 0 }, T0], [{ type: 'lock' }, T0], [{ type: 'closeJoins' }, T0]);
    expect(s).toMatchObject({ locked: true, joinsOpen: false });
    s = run(s, [{ type: 'unlock' }, T0], [{ type: 'openJoins' }, T0], [{ type: 'end' }, T0 + 5_000]);
    expect(s).toMatchObject({ phase: 'ended', locked: true, joinsOpen: false, timer: null, endedAt: T0 + 5_000 });
    expect(s.stepLog.at(-1)?.endedAt).toBe(T0 + 5_000);
    expect(applyHostCommand(s, { type: 'unlock' }, T0, AGENDA)).toMatchObject({ ok: false, code: 'workshop_ended' });
    expect(applyReady(s, 'c1', 'a', true).ok).toBe(false);
  });

  it('[R22] every accepted change raises the version; a no-op does not', () => {
    let s = run(initialWorkshopState(), [{ type: 'goTo', step: 0 }, T0]);
    const v = s.version;
    const same = applyReady(s, 'c1', 'a', false);
    expect(same.ok && same.state.version).toBe(v);
    s = run(s, [{ type: 'lock' }, T0]);
    expect(s.version).toBe(v + 1);
  });
});
