import type { RoomEvents } from '../workshop/roomEvents';
import type { WorkshopStates } from '../workshop/workshopStates';
import type { AudienceThrottle } from './audienceThrottle';
import type { Broadcasts } from './broadcasts';
import type { CoupleChanges } from './coupleChanges';
import { rooms, type TwofoldServer } from './socketTypes';

/**
 * What the control plane does when something happens in a workshop: who is
 * told, and how (at once for phones, throttled for the console and projector).
 * Events carry what is needed to tell them.
 */
export function subscribeToRoomEvents(
  events: RoomEvents,
  deps: { io: TwofoldServer; send: Broadcasts; views: AudienceThrottle; coupleChanges: CoupleChanges; states: WorkshopStates },
): void {
  const { io, send, views, coupleChanges, states } = deps;

  events.on('roster', (code, coupleIds) => {
    views.scheduleViews(code);
    for (const id of coupleIds) send.logged(send.coupleStates(id, code));
  });
  events.on('boardActivity', (code) => views.schedule('host', code));
  events.on('workshopState', (code, affected, live) => {
    views.scheduleViews(code);
    // A couple's own change (ready, its reveal) is told once per window; the room's steps, timer and lock at once.
    if (affected !== 'all' && affected.length > 0) return coupleChanges.changed(code, affected, live);
    send.logged(send.workshopState(code, live));
    if (affected === 'all') send.logged(send.everyonesStates(code, live));
  });
  events.on('wall', (code, coupleId) => {
    views.scheduleViews(code);
    send.logged(send.coupleStates(coupleId, code));
  });
  events.on('removed', (_code, participantId) => {
    io.to(rooms.participant(participantId)).emit('self:removed', { reason: 'removed', by: 'facilitator' });
    io.in(rooms.participant(participantId)).disconnectSockets(true);
  });
  events.on('coupleRemoved', (_code, _coupleId, memberIds, reason, deletedBy) => {
    for (const id of memberIds) send.logged(send.selfState(id));
    // Each partner hears it from their own side: the one who deleted it, or the other one.
    const byFor = (id: string) => (deletedBy === null ? 'facilitator' : id === deletedBy ? 'you' : 'partner');
    for (const id of memberIds) io.to(rooms.participant(id)).emit('self:removed', { reason, by: byFor(id) });
    // A deleted board takes its partners' names and tokens with it: their sockets belong to no one now.
    if (reason === 'deleted') for (const id of memberIds) io.in(rooms.participant(id)).disconnectSockets(true);
  });
  events.on('workshopDeleted', (code, _coupleIds, by) => {
    states.drop(code);
    io.to(rooms.workshop(code)).emit('self:removed', { reason: 'deleted', by });
    io.in(rooms.workshop(code)).disconnectSockets(true);
  });
}
