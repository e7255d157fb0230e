import { EventEmitter } from 'node:events';
import type { LiveWorkshop } from './workshopStates';

/**
 * What changed in a workshop, announced by the service and the boards and
 * heard by the control plane, which decides who needs to be told.
 */
interface RoomEventMap {
  /** Someone joined, a couple formed or changed seats. */
  roster: [workshopCode: string, coupleIds: string[]];
  /**
   * The room moved on (step, timer, lock, ready, reveal, end), with the committed live state:
   * listeners send it on without reading the store again.
   */
  workshopState: [workshopCode: string, couplesAffected: string[] | 'all', live: LiveWorkshop];
  /** Something was proposed, agreed, approved or taken down on the room wall. */
  wall: [workshopCode: string, coupleId: string];
  /** The facilitator removed a participant; their sockets must close. */
  removed: [workshopCode: string, participantId: string];
  /** A couple's board was deleted (unpaired by the facilitator, or deleted by a partner). */
  coupleRemoved: [workshopCode: string, coupleId: string, memberIds: string[], reason: 'unpaired' | 'deleted', deletedBy: string | null];
  /** The whole workshop was deleted (by the facilitator or by retention), with the couples it had. */
  workshopDeleted: [workshopCode: string, coupleIds: string[], by: 'facilitator' | 'retention'];
  /** A board's entry count or last activity changed. */
  boardActivity: [workshopCode: string, coupleId: string];
  /** The facilitator revoked a co-host's link: that co-host's consoles must close. */
  cohostRevoked: [workshopCode: string, cohostId: string];
  /** Who hosts changed in a way presence does not show (a co-host renamed themselves). */
  hostTeam: [workshopCode: string];
}

export class RoomEvents extends EventEmitter<RoomEventMap> {}
