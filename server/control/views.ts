import type { CoupleSummary, HostSnapshot, Member, ParticipantSummary, SelfState } from '../../lib/protocol';
import type { ParticipantRow, Store } from '../store/types';
import { toPublic } from '../workshops';
import type { Presence } from './presence';

/**
 * What each audience is sent. These builders are the privacy boundary of the
 * control plane: they read rows, never board docs, so no content can leak.
 */
const member = (p: ParticipantRow, presence: Presence): Member => ({
  id: p.id,
  name: p.name,
  seat: p.seat ?? 'a',
  online: presence.isOnline(p.id),
});

export async function buildHostSnapshot(store: Store, presence: Presence, code: string, version: number): Promise<HostSnapshot | null> {
  const workshop = await store.getWorkshop(code);
  if (!workshop) return null;
  const [couples, participants] = await Promise.all([store.listCouples(code), store.listParticipants(code)]);
  const byCouple = new Map<string, ParticipantRow[]>();
  const unpaired: ParticipantSummary[] = [];
  for (const p of participants) {
    if (p.coupleId) byCouple.set(p.coupleId, [...(byCouple.get(p.coupleId) ?? []), p]);
    else unpaired.push({ id: p.id, name: p.name, online: presence.isOnline(p.id), joinedAt: p.createdAt });
  }
  const summaries: CoupleSummary[] = couples.map((c) => {
    const members = (byCouple.get(c.id) ?? []).sort((x, y) => (x.seat ?? '').localeCompare(y.seat ?? ''));
    const joinedAt = Math.max(...members.map((m) => m.createdAt), c.createdAt);
    return {
      id: c.id,
      members: members.map((m) => member(m, presence)),
      entryCount: c.entryCount,
      lastActivityAt: c.lastActivityAt ?? joinedAt,
    };
  });
  return { workshop: toPublic(workshop), couples: summaries, unpaired, version };
}

export async function buildSelfState(store: Store, presence: Presence, participantId: string): Promise<SelfState | null> {
  const participant = await store.getParticipant(participantId);
  if (!participant) return null;
  const workshop = await store.getWorkshop(participant.workshopCode);
  if (!workshop) return null;
  const couple = participant.coupleId ? await store.getCouple(participant.coupleId) : null;
  const members = couple ? await store.listCoupleMembers(couple.id) : [];
  return {
    participantId: participant.id,
    name: participant.name,
    workshop: toPublic(workshop),
    couple: couple ? { id: couple.id, pairCode: couple.pairCode, members: members.map((m) => member(m, presence)) } : null,
  };
}
