import { expiresAt } from '../../../../lib/retentionPolicy';
import { plural } from '../../../_lib/plural';

/*
 * The summary's figures in words. Dates and times use the reader's own
 * locale: the summary is read (and printed) where the facilitator is.
 */

const day = (at: number) => new Date(at).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/** "Tuesday, 14 May 2025 · 19:02 – 21:10", the end on its own date if it ran past midnight. */
export function whenText(createdAt: number, endedAt: number | null): string {
  if (endedAt === null) return `${day(createdAt)} · opened ${time(createdAt)}, not ended yet`;
  if (sameDay(createdAt, endedAt)) return `${day(createdAt)} · ${time(createdAt)} – ${time(endedAt)}`;
  return `${day(createdAt)} ${time(createdAt)} – ${day(endedAt)} ${time(endedAt)}`;
}

/** The keeping rule in one sentence, with the actual date it comes to. */
export function retentionText(createdAt: number, endedAt: number | null, retentionDays: number): string {
  const rule = `Everything is deleted ${plural(retentionDays, 'day', 'days')} after the workshop ends`;
  const on = new Date(expiresAt(createdAt, endedAt, retentionDays)).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  return endedAt === null
    ? `${rule}. It has not been ended, so it counts as ended a day after it opened: everything goes on ${on}.`
    : `${rule}: on ${on}.`;
}

/** Minutes as people say them: "12 min", "7.5 min"; under a minute stays honest ("0.4 min"). */
export function minutesText(minutes: number): string {
  return `${minutes.toLocaleString(undefined, { maximumFractionDigits: 1 })} min`;
}

/** "3 of 4": a count of couples out of all couples, or the bare count when there were none. */
export function ofCouples(count: number, couples: number): string {
  return couples > 0 ? `${count} of ${couples}` : String(count);
}
