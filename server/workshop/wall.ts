import { MAX_ENTRY_CHARS } from '../../lib/limits';
import { ERROR_CODES, parseDocName, type Ack } from '../../lib/protocol';
import { isRevealed } from '../../lib/workshop/state';
import type { WorkshopStates } from './workshopStates';
import type { RoomEvents } from './roomEvents';
import { newId } from '../infra/secrets';
import type { ParticipantRow, Store } from '../store/storeTypes';

/** Reads one entry from a board doc (loading it if needed). */
export type EntryReader = (docName: string, entryId: string) => Promise<{ exercise: string; author: 'a' | 'b'; text: string } | null>;

const refuse = (code: (typeof ERROR_CODES)[keyof typeof ERROR_CODES], message: string) => ({ ok: false as const, code, message });

/**
 * The room wall. An entry goes up only when both partners agree: one
 * proposes (a copy of the text is taken), the other agrees; then it waits,
 * without names, for the facilitator, who approves it to the projector or
 * takes it down.
 */
export class WallService {
  constructor(
    private readonly store: Store,
    private readonly states: WorkshopStates,
    private readonly events: RoomEvents,
    private readonly readEntry: EntryReader,
    private readonly now: () => number = Date.now,
  ) {}

  async propose(participant: ParticipantRow, docName: string, entryId: string): Promise<Ack<{ id: string }>> {
    const ref = parseDocName(docName);
    if (!participant.coupleId || !participant.seat || ref?.coupleId !== participant.coupleId) {
      return refuse(ERROR_CODES.forbidden, 'You can only share from your own board.');
    }
    const live = await this.states.get(participant.workshopCode);
    if (!live || live.state.phase === 'ended') return refuse(ERROR_CODES.workshopEnded, 'This workshop has ended.');
    // Checked before reading: an unrevealed private doc is not even looked into.
    if (ref.kind === 'private') {
      const step = live.agenda.findIndex((item) => item.key === ref.itemKey);
      if (!isRevealed(live.state, ref.coupleId, step)) return refuse(ERROR_CODES.forbidden, 'Entries can be shared once they are revealed to both of you.');
    }
    const entry = await this.readEntry(docName, entryId);
    const text = entry?.text.trim() ?? '';
    if (!entry || text.length === 0) return refuse(ERROR_CODES.notFound, 'There is nothing written in this entry yet.');
    const entryRef = `${docName}#${entryId}`;
    const existing = (await this.store.listWallItems(participant.workshopCode)).find(
      (w) => w.entryRef === entryRef && (w.status === 'proposed' || w.status === 'queued' || w.status === 'approved'),
    );
    if (existing) return { ok: true, id: existing.id };
    const at = this.now();
    const id = newId();
    await this.store.createWallItem({
      id,
      workshopCode: participant.workshopCode,
      coupleId: participant.coupleId,
      itemKey: entry.exercise,
      entryRef,
      text: text.slice(0, MAX_ENTRY_CHARS),
      proposedBy: participant.seat,
      status: 'proposed',
      createdAt: at,
      updatedAt: at,
    });
    this.events.emit('wall', participant.workshopCode, participant.coupleId);
    return { ok: true, id };
  }

  /** The partner who did not propose agrees (the entry goes to the facilitator) or declines. */
  async answer(participant: ParticipantRow, id: string, agree: boolean): Promise<Ack> {
    const item = await this.store.getWallItem(id);
    if (!item || item.coupleId !== participant.coupleId) return refuse(ERROR_CODES.notFound, 'No such proposal.');
    if (item.status !== 'proposed') return refuse(ERROR_CODES.badRequest, 'This proposal was already answered.');
    if (item.proposedBy === participant.seat) return refuse(ERROR_CODES.forbidden, 'Your partner answers your proposal.');
    await this.store.setWallStatus(id, agree ? 'queued' : 'declined', this.now());
    this.events.emit('wall', item.workshopCode, item.coupleId);
    return { ok: true };
  }

  async moderate(workshopCode: string, id: string, action: 'approve' | 'remove'): Promise<Ack> {
    const item = await this.store.getWallItem(id);
    if (!item || item.workshopCode !== workshopCode) return refuse(ERROR_CODES.notFound, 'No such entry.');
    if (item.status === 'proposed' || item.status === 'declined') return refuse(ERROR_CODES.forbidden, 'The couple has not agreed to share this.');
    await this.store.setWallStatus(id, action === 'approve' ? 'approved' : 'removed', this.now());
    this.events.emit('wall', item.workshopCode, item.coupleId);
    return { ok: true };
  }
}
