import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebSocketServer } from 'ws';
import { startBoardHeartbeat } from '../../server/boards/boardHeartbeat';

/** A board socket as the heartbeat sees it: it counts its pings and answers them only while `alive`. */
class FakeSocket {
  pings = 0;
  terminated = false;
  alive = true;
  private pong: (() => void) | null = null;
  on(event: string, listener: () => void) {
    if (event === 'pong') this.pong = listener;
  }
  ping() {
    this.pings++;
    if (this.alive) this.pong?.call(this);
  }
  terminate() {
    this.terminated = true;
  }
}

const INTERVAL_MS = 5_000;
const TURN_MS = INTERVAL_MS / 20;

describe('board heartbeat in turns', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('[R70] pings each of 500 sockets once per interval, a twentieth of them per turn, never all at once', () => {
    const sockets = Array.from({ length: 500 }, () => new FakeSocket());
    const stop = startBoardHeartbeat({ clients: new Set(sockets) } as unknown as WebSocketServer, INTERVAL_MS);
    const total = () => sockets.reduce((n, s) => n + s.pings, 0);
    const perTurn: number[] = [];
    for (let turn = 0; turn < 40; turn++) {
      const before = total();
      vi.advanceTimersByTime(TURN_MS);
      perTurn.push(total() - before);
    }
    stop();
    expect(perTurn.every((n) => n === 25)).toBe(true);
    // Two intervals: every socket pinged exactly twice, none cut (they all answered).
    expect(sockets.map((s) => s.pings)).toEqual(sockets.map(() => 2));
    expect(sockets.some((s) => s.terminated)).toBe(false);
  });

  it('[R70] cuts a socket that stopped answering on its next turn, one interval after the unanswered ping', () => {
    const healthy = new FakeSocket();
    const vanished = new FakeSocket();
    const stop = startBoardHeartbeat({ clients: new Set([healthy, vanished]) } as unknown as WebSocketServer, INTERVAL_MS);
    vi.advanceTimersByTime(INTERVAL_MS);
    expect([healthy.pings, vanished.pings]).toEqual([1, 1]);
    vanished.alive = false;
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(vanished.pings).toBe(2); // this one goes unanswered
    expect(vanished.terminated).toBe(false);
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(vanished.terminated).toBe(true);
    expect(vanished.pings).toBe(2);
    vi.advanceTimersByTime(3 * INTERVAL_MS);
    stop();
    expect(healthy.terminated).toBe(false);
    expect(healthy.pings).toBe(6);
  });
});
