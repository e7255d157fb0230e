import type { SelfState, ShareView } from '../../lib/protocol';
import { coupleStep, isRevealed, revealReason } from '../../lib/workshop/state';
import { pauseView } from './pauseViews';
import type { CoupleRow, ParticipantRow, Store, WallItemRow } from '../store/storeTypes';
import type { LiveWorkshop } from '../workshop/workshopStates';
import type { PresenceTracker } from './presence';
import { member, workshopPublic } from './views';

/**
 * What each phone is told about itself: its seat, its couple, who is ready,
 * what is revealed, what it proposed for the wall. Built in bulk: a couple's
 * two states or a whole room's from a fixed number of store reads, however
 * many people there are (a reveal for everyone must not read per person).
 */
type Live = Pick<LiveWorkshop, 'title' | 'agenda' | 'state' | 'retentionDays' | 'locale'>;

const toShare = (item: WallItemRow): ShareView => ({
  id: item.id,
  entryId: item.entryRef.split('#')[1] ?? '',
  itemKey: item.itemKey,
  text: item.text,
  proposedBy: item.proposedBy,
  status: item.status,
});

interface CoupleRows {
  couple: CoupleRow;
  members: ParticipantRow[];
  shares: WallItemRow[];
}

function selfState(participant: ParticipantRow, code: string, live: Live, presence: PresenceTracker, rows: CoupleRows | null): SelfState {
  return {
    participantId: participant.id,
    name: participant.name,
    workshop: workshopPublic(code, live),
    couple: rows
      ? {
          id: rows.couple.id,
          pairCode: rows.couple.pairCode,
          members: rows.members.map((m) => member(m, presence)),
          steps: live.agenda.map((_, i) => ({
            ready: coupleStep(live.state, rows.couple.id, i).ready,
            revealed: isRevealed(live.state, rows.couple.id, i),
            revealedBy: revealReason(live.state, rows.couple.id, i),
          })),
          shares: rows.shares.map(toShare),
          pause: pauseView(live.state, rows.couple.id),
        }
      : null,
  };
}

/** Both partners' states (or the one member's): three reads. */
export async function buildCoupleSelfStates(store: Store, presence: PresenceTracker, coupleId: string, code: string, live: Live): Promise<SelfState[]> {
  const [couple, members, wall] = await Promise.all([store.getCouple(coupleId), store.listCoupleMembers(coupleId), store.listWallItems(code)]);
  if (!couple) return [];
  const rows = { couple, members, shares: wall.filter((w) => w.coupleId === coupleId) };
  return members.map((m) => selfState(m, code, live, presence, rows));
}

/** Everyone's state in a workshop (a reveal for all, the end): three reads for the whole room. */
export async function buildWorkshopSelfStates(store: Store, presence: PresenceTracker, code: string, live: Live): Promise<SelfState[]> {
  const [couples, participants, wall] = await Promise.all([store.listCouples(code), store.listParticipants(code), store.listWallItems(code)]);
  const byCouple = new Map<string, CoupleRows>(couples.map((couple) => [couple.id, { couple, members: [], shares: [] }]));
  for (const p of participants) if (p.coupleId) byCouple.get(p.coupleId)?.members.push(p);
  for (const w of wall) byCouple.get(w.coupleId)?.shares.push(w);
  return participants.map((p) => selfState(p, code, live, presence, (p.coupleId && byCouple.get(p.coupleId)) || null));
}

/** One person's state, for a phone that has just connected. */
export async function buildSelfState(store: Store, presence: PresenceTracker, participantId: string, liveOf: (code: string) => Promise<Live | null>): Promise<SelfState | null> {
  const participant = await store.getParticipant(participantId);
  const live = participant && (await liveOf(participant.workshopCode));
  if (!participant || !live) return null;
  if (!participant.coupleId) return selfState(participant, participant.workshopCode, live, presence, null);
  const states = await buildCoupleSelfStates(store, presence, participant.coupleId, participant.workshopCode, live);
  return states.find((s) => s.participantId === participantId) ?? null;
}
