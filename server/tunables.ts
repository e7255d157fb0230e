/**
 * Every tunable of the server, named with its unit, documented once. `DEFAULT_LIMITS` and
 * `DEFAULT_TIMING` are per server instance (config.ts may override a few from the
 * environment; tests shorten timings); `TIMING` holds the fixed ones.
 */

export interface Limits {
  /** Largest WebSocket frame on /yjs (ws maxPayload); larger frames close with 1009. */
  maxYjsMessageBytes: number;
  /** Largest Socket.IO message (maxHttpBufferSize). */
  maxSocketIoMessageBytes: number;
  /** A board doc that grows past this refuses further updates (close 4413). */
  maxBoardBytes: number;
  /** Presence (awareness) updates relayed per connection per second; bursts of twice that. */
  awarenessPerSecond: number;
  /** Open WebSockets (/yjs and Socket.IO together) from one address. A room behind one Wi-Fi shares an address. */
  maxConnectionsPerIp: number;
}

export interface Timing {
  /** Keep a board in memory this long after its last client leaves (a reload comes back fast). */
  docUnloadDelayMs: number;
  /** Compact a board's update log into a snapshot after this long without edits. */
  compactIdleMs: number;
  /** Compact early when a board has this many updates in its log. */
  compactMaxUpdates: number;
  /** The console hears about entry counts and presence at most this often per workshop. */
  hostSnapshotThrottleMs: number;
  /** How often expired workshops are looked for and deleted. */
  retentionSweepMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxYjsMessageBytes: 1 << 20,
  maxSocketIoMessageBytes: 64 * 1024,
  maxBoardBytes: 4 << 20,
  awarenessPerSecond: 10,
  maxConnectionsPerIp: 5_000,
};

export const DEFAULT_TIMING: Timing = {
  docUnloadDelayMs: 30_000,
  compactIdleMs: 10_000,
  compactMaxUpdates: 500,
  hostSnapshotThrottleMs: 250,
  retentionSweepMs: 10 * 60_000,
};

/** Fixed timings and sizes: not configurable, but listed here so a reader finds them all. */
export const TIMING = {
  /** A workshop nobody asked about for this long leaves the in-memory cache; the next question reloads it. */
  workshopIdleEvictMs: 30 * 60_000,
  /** How often the cache looks for such workshops. */
  workshopEvictSweepMs: 60_000,
  /**
   * With several nodes, a control socket that dropped gets its session back (with the broadcasts
   * it missed) on whichever node it reaches within this long; the handshake is checked again.
   */
  socketRecoveryWindowMs: 2 * 60_000,
  /** With several nodes, one node compacts a doc at a time under a Redis lock. Compaction takes milliseconds; the lease only matters if its node dies holding it. */
  compactLeaseMs: 30_000,
  /** A readiness check (store read, Redis PING) that takes longer than this counts as failing: the probe answers 503 instead of hanging. */
  readinessCheckMs: 2_000,
} as const;

export const SIZES = {
  /** A board socket with more than this waiting to be sent (a client that does not read) is cut. */
  maxBufferedBytesPerSocket: 8 << 20,
} as const;
