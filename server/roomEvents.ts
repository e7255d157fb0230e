import { EventEmitter } from 'node:events';

/**
 * What changed in a workshop, announced by the service and the boards and
 * heard by the control plane, which decides who needs to be told.
 */
interface RoomEventMap {
  /** Someone joined, a couple formed or changed seats. */
  roster: [workshopCode: string, coupleIds: string[]];
  /** A board's entry count or last activity changed. */
  boardActivity: [workshopCode: string, coupleId: string];
}

export class RoomEvents extends EventEmitter<RoomEventMap> {}
