import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudienceThrottle } from '../../server/control/audienceThrottle';
import { Broadcasts } from '../../server/control/broadcasts';
import { CoupleChanges } from '../../server/control/coupleChanges';
import { Presence } from '../../server/control/presence';
import { subscribeToRoomEvents } from '../../server/control/roomSubscriptions';
import type { TwofoldServer } from '../../server/control/socketTypes';
import { openSqliteStore } from '../../server/store/sqliteStore';
import type { Store } from '../../server/store/storeTypes';
import { RoomEvents } from '../../server/workshop/roomEvents';
import { WorkshopStates } from '../../server/workshop/workshopStates';
import { coupleRow, participantRow, quietLog, wallRow, workshopRow } from '../helpers/storeFixtures';
import { tempDataDir } from '../helpers/server';

/**
 * How many store reads telling a room costs. A workshop-state event carries the committed
 * state, so sending it reads nothing; a reveal for everyone builds every phone's own state
 * from the same three reads however many people there are.
 */

interface Sent {
  room: string;
  event: string;
  payload: unknown;
}

/** Records what would go out, per room (the sockets themselves are tested in control.test.ts). */
function recordingIo(sent: Sent[]): TwofoldServer {
  const to = (room: string) => ({ emit: (event: string, payload: unknown) => sent.push({ room, event, payload }) });
  return { to, in: () => ({ disconnectSockets: () => {} }), sockets: { adapter: { rooms: new Map() } } } as unknown as TwofoldServer;
}

/** The store with a count of every call (reads and writes alike). */
function counted(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function roomOf(couples: number) {
  const dir = tempDataDir();
  dirs.push(dir);
  const raw = await openSqliteStore(dir, quietLog);
  const workshop = workshopRow();
  await raw.createWorkshop(workshop);
  const people: string[] = [];
  for (let i = 0; i < couples; i++) {
    const couple = coupleRow(workshop.code);
    const [a, b] = [participantRow(workshop.code, { name: `A${i}` }), participantRow(workshop.code, { name: `B${i}` })];
    await raw.createParticipant(a);
    await raw.createParticipant(b);
    expect((await raw.pairParticipants(couple, [a.id, b.id])).ok).toBe(true);
    await raw.createWallItem(wallRow(workshop.code, couple.id));
    people.push(a.id, b.id);
  }
  const { store, calls } = counted(raw);
  const events = new RoomEvents();
  const states = new WorkshopStates(store, events, () => 1_700_000_000_000);
  const sent: Sent[] = [];
  const io = recordingIo(sent);
  const send = new Broadcasts(io, { store, states, presence: new Presence(), clustered: false, now: () => 1_700_000_000_000, log: quietLog });
  const views = new AudienceThrottle(io, send, { throttleMs: 10, clustered: false });
  subscribeToRoomEvents(events, { io, send, views, coupleChanges: new CoupleChanges(send, 10), states });
  return { raw, code: workshop.code, people, calls, sent, states, close: () => raw.close() };
}

describe('the control plane reads the store a fixed number of times per event', () => {
  it.each([2, 30])('a reveal for everyone in a room of %i couples: one workshop state, every phone its own state, three reads', async (couples) => {
    const room = await roomOf(couples);
    await room.states.hostCommand(room.code, { type: 'goTo', step: 1 }); // a private-first exercise
    await vi.waitFor(() => expect(room.sent.some((s) => s.event === 'workshop:state')).toBe(true));
    room.calls.length = 0;
    room.sent.length = 0;
    const result = await room.states.hostCommand(room.code, { type: 'revealAll' });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(room.sent.filter((s) => s.event === 'self:state')).toHaveLength(couples * 2));
    const selfStates = room.sent.filter((s) => s.event === 'self:state');
    expect(new Set(selfStates.map((s) => s.room))).toEqual(new Set(room.people.map((id) => `p:${id}`)));
    for (const s of selfStates) expect((s.payload as { couple: { shares: unknown[] } }).couple.shares).toHaveLength(1);
    expect(room.sent.filter((s) => s.event === 'workshop:state')).toHaveLength(1);
    // The command stores the new state (one write); telling everyone reads three lists, not per person.
    expect(room.calls).toEqual(['saveWorkshopState', ...['listCouples', 'listParticipants', 'listWallItems']]);
    await room.close();
  });

  it('a partner tapping ready: the couple is told from three reads, the room from none', async () => {
    const room = await roomOf(3);
    const participant = await room.raw.getParticipant(room.people[2]!);
    await room.states.hostCommand(room.code, { type: 'goTo', step: 0 });
    await vi.waitFor(() => expect(room.sent.some((s) => s.event === 'workshop:state')).toBe(true));
    room.calls.length = 0;
    room.sent.length = 0;
    const result = await room.states.ready(room.code, participant!.coupleId!, participant!.seat!, true);
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(room.sent.filter((s) => s.event === 'self:state')).toHaveLength(2));
    expect(room.sent.filter((s) => s.event === 'workshop:state')).toHaveLength(1);
    expect(room.calls).toEqual(['saveWorkshopState', 'getCouple', 'listCoupleMembers', 'listWallItems']);
    await room.close();
  });
});
