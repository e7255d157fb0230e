import type {
  CoupleSummary,
  HostSnapshot,
  Member,
  ParticipantSummary,
  ProjectorState,
  PublicWorkshopState,
  WallEntry,
} from '../../lib/protocol';
import { publicItem } from '../../lib/catalogue/agenda';
import { coupleStep, isRevealed } from '../../lib/workshop/state';
import { chimeOn } from '../../lib/workshop/roomMoments';
import type { DocStatsRow, ParticipantRow, Store, WallItemRow } from '../store/storeTypes';
import { toPublic } from '../workshop/seating';
import type { LiveWorkshop } from '../workshop/workshopStates';
import { pauseSummary, roomNoteView } from './pauseViews';
import type { PresenceTracker as Presence } from './presence';

/**
 * What each audience is sent. These builders are the privacy boundary of the
 * control plane: they read rows and figures, never board docs. The only text
 * of a couple's that leaves here is what both partners agreed to share, and
 * the console sees it without names.
 */
type Live = Pick<LiveWorkshop, 'title' | 'agenda' | 'state' | 'retentionDays' | 'locale'>;

/** A step running this long with nothing written on a connected couple's board earns a look. */
const QUIET_AFTER_MS = 3 * 60_000;

export const member = (p: ParticipantRow, presence: Presence): Member => ({
  id: p.id,
  name: p.name,
  seat: p.seat ?? 'a',
  online: presence.isOnline(p.id),
});

export const workshopPublic = (code: string, live: Live) => toPublic({ code, title: live.title, state: live.state, retentionDays: live.retentionDays, locale: live.locale });

export function publicWorkshopState(code: string, live: Live, now: number): PublicWorkshopState {
  const { state } = live;
  return {
    ...workshopPublic(code, live),
    phase: state.phase,
    step: state.step,
    ranSteps: [...new Set(state.stepLog.map((s) => s.step))].sort((a, b) => a - b),
    agenda: live.agenda.map(publicItem),
    timer: state.timer,
    locked: state.locked,
    joinsOpen: state.joinsOpen,
    spotlight: state.spotlight ?? null,
    chime: chimeOn(state),
    serverNow: now,
    version: state.version,
    note: roomNoteView(state),
  };
}

function countsByCouple(stats: DocStatsRow[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const row of stats) {
    const counts = out.get(row.coupleId) ?? {};
    for (const [key, n] of Object.entries(row.counts)) counts[key] = (counts[key] ?? 0) + n;
    out.set(row.coupleId, counts);
  }
  return out;
}

function attention(members: Member[], currentEntries: number | null, stepStartedAt: number | null, now: number): CoupleSummary['attention'] {
  if (members.length < 2) return 'waiting_for_partner';
  const offline = members.filter((m) => !m.online).length;
  if (offline === 2) return 'both_offline';
  if (offline === 1) return 'partner_offline';
  if (currentEntries === 0 && stepStartedAt !== null && now - stepStartedAt > QUIET_AFTER_MS) return 'quiet';
  return null;
}

export async function buildHostSnapshot(store: Store, presence: Presence, code: string, live: Live, version: number, now: number): Promise<HostSnapshot> {
  const [couples, participants, stats, wall] = await Promise.all([
    store.listCouples(code),
    store.listParticipants(code),
    store.listDocStats(code),
    store.listWallItems(code),
  ]);
  const { state, agenda } = live;
  const currentKey = state.phase === 'exercise' ? agenda[state.step]?.key : undefined;
  const stepStartedAt = state.stepLog.at(-1)?.endedAt === null ? (state.stepLog.at(-1)?.startedAt ?? null) : null;
  const counts = countsByCouple(stats);
  const byCouple = new Map<string, ParticipantRow[]>();
  const unpaired: ParticipantSummary[] = [];
  for (const p of participants) {
    if (p.coupleId) byCouple.set(p.coupleId, [...(byCouple.get(p.coupleId) ?? []), p]);
    else unpaired.push({ id: p.id, name: p.name, online: presence.isOnline(p.id), joinedAt: p.createdAt });
  }
  const summaries: CoupleSummary[] = couples.map((c) => {
    const rows = (byCouple.get(c.id) ?? []).sort((x, y) => (x.seat ?? '').localeCompare(y.seat ?? ''));
    const members = rows.map((m) => member(m, presence));
    const entriesByItem = counts.get(c.id) ?? {};
    const currentEntries = currentKey ? (entriesByItem[currentKey] ?? 0) : null;
    const step = coupleStep(state, c.id, state.step);
    return {
      id: c.id,
      members,
      entryCount: Object.values(entriesByItem).reduce((n, x) => n + x, 0),
      lastActivityAt: c.lastActivityAt ?? Math.max(c.createdAt, ...rows.map((m) => m.createdAt)),
      entriesByItem,
      current: currentKey ? { entries: currentEntries ?? 0, ready: step.ready, revealed: isRevealed(state, c.id, state.step) } : null,
      attention: attention(members, currentEntries, stepStartedAt, now),
      pause: pauseSummary(state, c.id),
    };
  });
  return { workshop: workshopPublic(code, live), couples: summaries, unpaired, agenda, wall: wall.flatMap(toWallEntry), version };
}

function toWallEntry(item: WallItemRow): WallEntry[] {
  if (item.status !== 'queued' && item.status !== 'approved' && item.status !== 'removed') return [];
  return [{ id: item.id, itemKey: item.itemKey, text: item.text, status: item.status, at: item.updatedAt }];
}

export async function buildProjectorState(store: Store, code: string, live: Live): Promise<ProjectorState> {
  const [couples, participants, wall] = await Promise.all([store.listCouples(code), store.listParticipants(code), store.listWallItems(code)]);
  const { state } = live;
  const readyCouples = state.phase === 'exercise' ? couples.filter((c) => { const s = coupleStep(state, c.id, state.step); return s.ready.a && s.ready.b; }).length : 0;
  const approved = wall.filter((w) => w.status === 'approved').map((w) => ({ id: w.id, text: w.text, itemKey: w.itemKey }));
  return {
    couples: couples.length,
    people: participants.length,
    readyCouples,
    wall: approved,
    // Only while it is on the wall: an entry taken down is never shown, spotlighted or not.
    spotlight: approved.find((w) => w.id === state.spotlight) ?? null,
  };
}
