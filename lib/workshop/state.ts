import type { Phase, Timer } from '../protocol/events';
import type { Seat } from '../protocol/http';

/** Per couple, per agenda step: who tapped "ready" and whether the private entries are revealed. */
export interface CoupleStepState {
  ready: Record<Seat, boolean>;
  revealed: boolean;
  /** How the reveal happened, recorded with it (absent in states stored before it was kept, and before a reveal). */
  revealedBy?: RevealReason;
}

/** Both partners tapped ready, or the facilitator revealed (for this couple or for everyone). */
export type RevealReason = 'partners' | 'facilitator';

/** A couple asked for a pause: which seat asked (only that partner resumes), when, and whether the facilitator has seen it. */
export interface CouplePause {
  seat: Seat;
  step: number;
  at: number;
  acknowledged: boolean;
}

/** One line from the facilitator to every phone, replaced by the next. */
export interface RoomNote {
  text: string;
  at: number;
}

/**
 * The live state of a workshop, owned by the server. Clients send intents;
 * `applyHostCommand` / `applyReady` (commands.ts) compute the next state; the
 * server stores it and broadcasts it with a rising version.
 */
export interface WorkshopState {
  phase: Phase;
  /** Index into the agenda of the exercise on screen; -1 in the lobby. */
  step: number;
  timer: Timer | null;
  /** Boards are read-only while locked (the server refuses edits). */
  locked: boolean;
  /** New participants may join while open. */
  joinsOpen: boolean;
  /** Agenda steps revealed for every couple at once. */
  revealedSteps: number[];
  /** coupleId → step → state. Only steps someone acted on are present. */
  couples: Record<string, Record<number, CoupleStepState>>;
  /** When each step was last started and left, for the session summary (epoch ms). */
  stepLog: { step: number; startedAt: number; endedAt: number | null }[];
  endedAt: number | null;
  /** The spotlighted wall entry's id (absent in states stored before it existed: none). */
  spotlight?: string | null;
  /** True once the facilitator turned the time-up chime off (absent: on). */
  chimeOff?: boolean;
  version: number;
  /** coupleId → the pause it asked for, while it lasts (lib/workshop/pauses.ts). Absent in older stored states. */
  pauses?: Record<string, CouplePause>;
  /** step → how many pauses were asked during it, for the summary: counts, never couples. */
  pauseCounts?: Record<number, number>;
  /** The facilitator's line to every phone (lib/workshop/roomNote.ts). */
  note?: RoomNote | null;
}

export const initialWorkshopState = (): WorkshopState => ({
  phase: 'lobby',
  step: -1,
  timer: null,
  locked: false,
  joinsOpen: true,
  revealedSteps: [],
  couples: {},
  stepLog: [],
  endedAt: null,
  version: 0,
});

const NOT_READY: CoupleStepState = { ready: { a: false, b: false }, revealed: false };

export function coupleStep(state: WorkshopState, coupleId: string, step: number): CoupleStepState {
  return state.couples[coupleId]?.[step] ?? NOT_READY;
}

/** A private-first step is revealed to a couple once both are ready, or the facilitator revealed it. */
export function isRevealed(state: WorkshopState, coupleId: string, step: number): boolean {
  if (state.revealedSteps.includes(step)) return true;
  const s = coupleStep(state, coupleId, step);
  return s.revealed || (s.ready.a && s.ready.b);
}

/** Milliseconds left on the timer at `now` (0 when run out, null without a timer). */
export function timeLeftMs(timer: Timer | null, now: number): number | null {
  if (!timer) return null;
  if (timer.state === 'paused') return timer.remainingMs;
  return Math.max(0, timer.endsAt - now);
}

/**
 * How a couple's step came to be revealed, or null while it is not: what the couple's phones
 * say afterwards. The couple's own record wins (it was stored with the reveal); a step the
 * facilitator revealed for everyone, with no reveal of the couple's own before it, was theirs.
 */
export function revealReason(state: WorkshopState, coupleId: string, step: number): RevealReason | null {
  if (!isRevealed(state, coupleId, step)) return null;
  const s = coupleStep(state, coupleId, step);
  if (s.revealedBy) return s.revealedBy;
  // A couple ready only after "Reveal for everyone" was revealed by it.
  if (state.revealedSteps.includes(step)) return 'facilitator';
  // Stored before the reason was kept: a couple both ready revealed it themselves, any other reveal was the facilitator's.
  return s.ready.a && s.ready.b ? 'partners' : 'facilitator';
}
