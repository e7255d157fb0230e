import type { WorkshopState } from '../../lib/workshop/state';
import type { Log } from '../infra/log';
import type { RoomEvents } from '../workshop/roomEvents';
import { PREFIX, type Redis } from './redis';

const CHANNEL = `${PREFIX}events`;

/** What another node's event means for this node's own memory: caches and open board sockets. */
export interface RemoteEventHandlers {
  /** The state the origin node committed: taken if newer than the cached one. */
  workshopState(code: string, state: WorkshopState | null): void;
  /** Close this participant's board sockets here. */
  removed(code: string, participantId: string): void;
  /** Drop this couple's loaded boards here, without saving anything back. */
  coupleRemoved(code: string, coupleId: string): void;
  workshopDeleted(code: string, coupleIds: string[]): void;
}

type Message =
  | { node: string; event: 'workshopState'; code: string; state: WorkshopState | null }
  | { node: string; event: 'removed'; code: string; participantId: string }
  | { node: string; event: 'coupleRemoved'; code: string; coupleId: string }
  | { node: string; event: 'workshopDeleted'; code: string; coupleIds: string[] };

/**
 * Room events between nodes. Broadcasts to sockets are made once, by the node
 * where the event happened, through the Socket.IO Redis adapter (so they reach
 * every node and are kept for connection-state recovery); what each node must
 * do for itself (refresh its cached workshop state, close board sockets and
 * drop boards) travels here. Remote events are never re-emitted on the local
 * RoomEvents, so nothing is broadcast twice and nothing loops.
 */
export async function bridgeRoomEvents(opts: {
  events: RoomEvents;
  pub: Redis;
  sub: Redis;
  node: string;
  log: Log;
  handlers: RemoteEventHandlers;
}): Promise<void> {
  const { events, pub, sub, node, log, handlers } = opts;
  const send = (message: Message) => void pub.publish(CHANNEL, JSON.stringify(message)).catch((err: Error) => log.error('event bridge: publish failed', err.message));

  events.on('workshopState', (code, _affected, live) => send({ node, event: 'workshopState', code, state: live.state }));
  events.on('removed', (code, participantId) => send({ node, event: 'removed', code, participantId }));
  events.on('coupleRemoved', (code, coupleId) => send({ node, event: 'coupleRemoved', code, coupleId }));
  events.on('workshopDeleted', (code, coupleIds) => send({ node, event: 'workshopDeleted', code, coupleIds }));

  await sub.subscribe(CHANNEL, (raw) => {
    let m: Message;
    try {
      m = JSON.parse(raw) as Message;
    } catch {
      return;
    }
    if (m.node === node) return;
    try {
      switch (m.event) {
        case 'workshopState':
          return handlers.workshopState(m.code, m.state);
        case 'removed':
          return handlers.removed(m.code, m.participantId);
        case 'coupleRemoved':
          return handlers.coupleRemoved(m.code, m.coupleId);
        case 'workshopDeleted':
          return handlers.workshopDeleted(m.code, m.coupleIds ?? []);
      }
    } catch (err) {
      log.error(`event bridge: ${m.event} failed`, err);
    }
  });
}
