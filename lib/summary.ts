import type { AgendaItem } from './catalogue/agenda';
import { pausesDuring } from './workshop/pauses';
import type { WorkshopState } from './workshop/state';
import type { PulseSummary } from './protocol/roomMoments';
import { buildPulseSummary } from './pulseSummary';

/**
 * The facilitator's record of a session: attendance, timing and completion
 * per exercise, and what couples chose to share. Figures only: no private content.
 */
export interface WorkshopSummary {
  title: string;
  code: string;
  createdAt: number;
  endedAt: number | null;
  retentionDays: number;
  attendance: { couples: number; partnersJoined: number; participants: number; peakOnline: number };
  exercises: {
    key: string;
    title: string;
    plannedMinutes: number;
    /** Minutes the exercise was on screen, summed over every time it was; null if never run. */
    actualMinutes: number | null;
    couplesWrote: number;
    couplesBothReady: number;
    /** Pauses couples asked for during this exercise: a count, never which couple. */
    pauses: number;
  }[];
  wall: { itemKey: string; text: string }[];
  /** "How was this for you?": the distribution and the words, never who or which couple. */
  pulse: PulseSummary;
}

interface SummaryInput {
  title: string;
  code: string;
  createdAt: number;
  retentionDays: number;
  agenda: AgendaItem[];
  state: WorkshopState;
  couples: { id: string; members: number; entriesByItem: Record<string, number> }[];
  participants: number;
  peakOnline: number;
  approvedWall: { itemKey: string; text: string }[];
  pulseAnswers: { score: number; word: string | null }[];
  now: number;
}

export function buildSummary(input: SummaryInput): WorkshopSummary {
  const { state, agenda, couples } = input;
  const exercises = agenda.map((item, step) => {
    const runs = state.stepLog.filter((l) => l.step === step);
    const ms = runs.reduce((sum, l) => sum + ((l.endedAt ?? input.now) - l.startedAt), 0);
    return {
      key: item.key,
      title: item.title,
      plannedMinutes: item.minutes,
      actualMinutes: runs.length ? Math.round(ms / 6_000) / 10 : null,
      couplesWrote: couples.filter((c) => (c.entriesByItem[item.key] ?? 0) > 0).length,
      couplesBothReady: couples.filter((c) => {
        const s = state.couples[c.id]?.[step];
        return !!s && s.ready.a && s.ready.b;
      }).length,
      pauses: pausesDuring(state, step),
    };
  });
  return {
    title: input.title,
    code: input.code,
    createdAt: input.createdAt,
    endedAt: state.endedAt,
    retentionDays: input.retentionDays,
    attendance: {
      couples: couples.length,
      partnersJoined: couples.reduce((n, c) => n + c.members, 0),
      participants: input.participants,
      peakOnline: input.peakOnline,
    },
    exercises,
    wall: input.approvedWall,
    pulse: buildPulseSummary(input.pulseAnswers),
  };
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The summary's figures as one spreadsheet-friendly table. */
export function summaryToCsv(summary: WorkshopSummary): string {
  const header = ['kind', 'name', 'value', 'planned_minutes', 'actual_minutes', 'couples_wrote', 'couples_both_ready'];
  const a = summary.attendance;
  const rows: (string | number | null)[][] = [
    ['attendance', 'couples', a.couples, null, null, null, null],
    ['attendance', 'partners_joined', a.partnersJoined, null, null, null, null],
    ['attendance', 'participants', a.participants, null, null, null, null],
    ['attendance', 'peak_online', a.peakOnline, null, null, null, null],
    ...summary.exercises.map((e) => ['exercise', e.title, null, e.plannedMinutes, e.actualMinutes, e.couplesWrote, e.couplesBothReady]),
  ];
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
