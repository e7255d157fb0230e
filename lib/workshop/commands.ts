import type { ErrorCode } from '../protocol/errors';
import type { HostCommand } from '../protocol/events';
import { coupleStep, isRevealed, type CoupleStepState, type WorkshopState } from './state';

export type CommandResult = { ok: true; state: WorkshopState } | { ok: false; code: ErrorCode; message: string };

const refuse = (code: ErrorCode, message: string): CommandResult => ({ ok: false, code, message });

/** Returns a copy with the version raised: every accepted command is a new version. */
function next(state: WorkshopState, patch: Partial<WorkshopState>): CommandResult {
  return { ok: true, state: { ...state, ...patch, version: state.version + 1 } };
}

/** Closes the running step in the log and opens `step` at `now`. */
function enterStep(state: WorkshopState, step: number, now: number): Partial<WorkshopState> {
  const stepLog = state.stepLog.map((s) => (s.endedAt === null ? { ...s, endedAt: now } : s));
  stepLog.push({ step, startedAt: now, endedAt: null });
  return { phase: 'exercise', step, timer: null, locked: false, stepLog };
}

/** The facilitator's commands as a pure function of (state, command, now, agenda length). */
export function applyHostCommand(state: WorkshopState, command: HostCommand, now: number, agendaLength: number): CommandResult {
  if (state.phase === 'ended') return refuse('workshop_ended', 'This workshop has ended.');
  switch (command.type) {
    case 'goTo':
      if (command.step >= agendaLength) return refuse('bad_request', 'There is no such exercise in the agenda.');
      return next(state, enterStep(state, command.step, now));
    case 'next':
      if (state.step + 1 >= agendaLength) return refuse('bad_request', 'This is the last exercise.');
      return next(state, enterStep(state, state.step + 1, now));
    case 'previous':
      if (state.step <= 0) return refuse('bad_request', 'This is the first exercise.');
      return next(state, enterStep(state, state.step - 1, now));
    case 'timerStart':
      return next(state, { timer: { state: 'running', endsAt: now + command.seconds * 1000, durationMs: command.seconds * 1000 } });
    case 'timerAdd': {
      const t = state.timer;
      if (!t) return refuse('bad_request', 'There is no countdown to change.');
      const delta = command.seconds * 1000;
      if (t.state === 'running') {
        return next(state, { timer: { ...t, endsAt: Math.max(now, t.endsAt + delta), durationMs: Math.max(0, t.durationMs + delta) } });
      }
      return next(state, { timer: { ...t, remainingMs: Math.max(0, t.remainingMs + delta), durationMs: Math.max(0, t.durationMs + delta) } });
    }
    case 'timerPause':
      if (state.timer?.state !== 'running') return refuse('bad_request', 'The countdown is not running.');
      return next(state, { timer: { state: 'paused', remainingMs: Math.max(0, state.timer.endsAt - now), durationMs: state.timer.durationMs } });
    case 'timerResume':
      if (state.timer?.state !== 'paused') return refuse('bad_request', 'The countdown is not paused.');
      return next(state, { timer: { state: 'running', endsAt: now + state.timer.remainingMs, durationMs: state.timer.durationMs } });
    case 'timerClear':
      return next(state, { timer: null });
    case 'lock':
      return next(state, { locked: true });
    case 'unlock':
      return next(state, { locked: false });
    case 'closeJoins':
      return next(state, { joinsOpen: false });
    case 'openJoins':
      return next(state, { joinsOpen: true });
    case 'revealAll':
      if (state.step < 0) return refuse('bad_request', 'No exercise is running.');
      if (state.revealedSteps.includes(state.step)) return { ok: true, state };
      return next(state, { revealedSteps: [...state.revealedSteps, state.step] });
    case 'revealCouple':
      if (state.step < 0) return refuse('bad_request', 'No exercise is running.');
      if (isRevealed(state, command.coupleId, state.step)) return { ok: true, state };
      return next(state, withCoupleStep(state, command.coupleId, state.step, (s) => ({ ...s, revealed: true, revealedBy: 'facilitator' })));
    case 'end': {
      const stepLog = state.stepLog.map((s) => (s.endedAt === null ? { ...s, endedAt: now } : s));
      return next(state, { phase: 'ended', timer: null, locked: true, joinsOpen: false, stepLog, endedAt: now });
    }
  }
}

/** A partner taps "ready" (or takes it back) for the step on screen. */
export function applyReady(state: WorkshopState, coupleId: string, seat: 'a' | 'b', ready: boolean): CommandResult {
  if (state.phase !== 'exercise') return refuse('bad_request', 'No exercise is running.');
  const current = coupleStep(state, coupleId, state.step);
  if (current.ready[seat] === ready) return { ok: true, state };
  const wasRevealed = isRevealed(state, coupleId, state.step);
  return next(
    state,
    withCoupleStep(state, coupleId, state.step, (s) => {
      const both = { ...s.ready, [seat]: ready };
      // The reveal is recorded, with its reason, the moment both are ready: taking "ready" back afterwards never hides it again [R24].
      return !wasRevealed && both.a && both.b ? { ...s, ready: both, revealed: true, revealedBy: 'partners' } : { ...s, ready: both };
    }),
  );
}

function withCoupleStep(
  state: WorkshopState,
  coupleId: string,
  step: number,
  change: (s: CoupleStepState) => CoupleStepState,
): Partial<WorkshopState> {
  const perStep = state.couples[coupleId] ?? {};
  return { couples: { ...state.couples, [coupleId]: { ...perStep, [step]: change(coupleStep(state, coupleId, step)) } } };
}
