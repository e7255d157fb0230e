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
  /** The same for one partner's private doc of one exercise (close 4413). */
  maxPrivateDocBytes: number;
  /**
   * Structs (Yjs items) a doc may hold before it refuses updates (close 4413): what its heap
   * grows with, which bytes alone do not bound (a keystroke at a new place is a struct).
   */
  maxBoardStructs: number;
  /** Presence (awareness) updates relayed per connection per second; bursts of twice that. */
  awarenessPerSecond: number;
  /** Open WebSockets (/yjs and Socket.IO together) from one address. A room behind one Wi-Fi shares an address. */
  maxConnectionsPerIp: number;
  /**
   * TCP connections of this process, of every kind (pages, API, both sockets). Past it a new
   * connection is destroyed at once. Kept below the file-descriptor limit (MAX_CONNECTIONS).
   */
  maxConnections: number;
  /**
   * TCP connections from one address that are not yet authenticated: plain HTTP (pages, API,
   * polling) and upgrades that have not yet opened a board or a Socket.IO session. Past it a new
   * one is destroyed at once (MAX_PENDING_PER_IP).
   */
  maxPendingPerIp: number;
  /** Largest awareness state of one client (its JSON); a larger one closes the connection with 4422. */
  maxAwarenessStateBytes: number;
  /** Awareness client ids one /yjs connection may announce over its life (the stock provider uses one). */
  maxAwarenessClientsPerConnection: number;
  /** Socket.IO events a person (a participant's sockets together; one console or projector socket) may send per second… */
  socketEventsPerSecond: number;
  /** …and in one burst; past it the event is answered `rate_limited` and not handled. */
  socketEventBurst: number;
  /** Refused events that cut the socket (they are forgiven at `socketEventsPerSecond`). */
  socketRefusalsBeforeCut: number;
  /**
   * /yjs frames one participant may send per second, over all their board connections on this
   * node (a new connection counts as one frame), and in one burst (server/boards/frameBudget.ts).
   * Past either the person's board sockets close with 4329 and cool down. See DEFAULT_LIMITS.
   */
  boardFramesPerSecond: number;
  boardFrameBurst: number;
  /** The same in bytes of frames. */
  boardBytesPerSecond: number;
  boardByteBurst: number;
  /**
   * Refused /yjs frames (closed with 4400, 4413, 4422, 4309 or 1009) one participant may send:
   * a burst of `boardRefusalBurst`, forgiven at one per `boardRefusalForgiveMs`.
   */
  boardRefusalBurst: number;
  boardRefusalForgiveMs: number;
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
  /**
   * A couple's changes (a ready tap, a reveal) are told to the room and to the couple at most
   * once per this window: a toggle that flips back within it goes out once, with the final state.
   */
  coupleBroadcastWindowMs: number;
  /** A connection has this long to send its complete HTTP headers (node's headersTimeout); a silent one, to send its first byte. */
  headersTimeoutMs: number;
  /** A whole HTTP request (headers and body) must arrive within this (node's requestTimeout). */
  requestTimeoutMs: number;
  /** How often node looks for connections past those two timeouts (connectionsCheckingInterval). */
  connectionsCheckIntervalMs: number;
  /** An upgraded socket must open a board or a Socket.IO session within this, or it is destroyed. */
  authTimeoutMs: number;
  /**
   * Every board socket is pinged this often; one that has not answered the previous ping is cut
   * (server/boards/boardHeartbeat.ts): a vanished phone is gone after one to two of these.
   */
  boardHeartbeatMs: number;
  /** Socket.IO pings each control socket this often (engine.io pingInterval)… */
  controlPingIntervalMs: number;
  /** …and drops it when the answer has not come within this (pingTimeout): gone after at most the two together. */
  controlPingTimeoutMs: number;
  /** A participant past their /yjs frame budget has every new board connection refused (4329) this long. */
  boardCoolDownMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxYjsMessageBytes: 1 << 20,
  maxSocketIoMessageBytes: 64 * 1024,
  maxBoardBytes: 4 << 20,
  maxPrivateDocBytes: 1 << 20,
  maxBoardStructs: 200_000,
  awarenessPerSecond: 10,
  maxConnectionsPerIp: 5_000,
  maxConnections: 4_096, // replaced from the file-descriptor limit by config.ts (server/infra/fileDescriptors.ts)
  maxPendingPerIp: 2_000,
  maxAwarenessStateBytes: 2 * 1024,
  maxAwarenessClientsPerConnection: 4,
  socketEventsPerSecond: 10,
  socketEventBurst: 40,
  socketRefusalsBeforeCut: 200,
  /*
   * Sized from what the stock y-websocket provider sends for one phone (the app is one provider
   * per doc: the board, and a private doc per private-first exercise, the partner's too after
   * a reveal). On connect: sync step 1, its sync step 2 (what the server lacks: a few bytes, or
   * an offline session's edits, at most one doc's worth, 4 MiB), and an awareness update: three
   * frames and one connection per doc, so a reconnect of 30 docs is about 120 frames. Typing:
   * one update per keystroke (a paste is one update of at most an entry's 2,000 characters);
   * people type under 15 keystrokes a second, key repeat gives about 30, and an input method's
   * composition at most a few updates per keystroke: under 100 frames a second. Presence: at
   * most 10 a second (its own budget drops the rest) and a renewal every 15 s per doc.
   * The sustained rate is far above that because the crash harness (tests/crash/), stock
   * providers typing every 2–9 ms, sends up to ~310 updates a second per phone, and must not
   * be cut; one unpaced client on loopback sends tens of thousands of frames a second.
   */
  boardFramesPerSecond: 500,
  boardFrameBurst: 2_000,
  /** Two of the largest frames (1 MiB) back to back, a whole board's offline edits in the burst. */
  boardBytesPerSecond: 4 << 20,
  boardByteBurst: 8 << 20,
  /*
   * An honest phone is refused with a permanent code at most once per doc (the stock provider
   * stops on 44xx; the app drops a doc's local copy after 4422 and opens it afresh), and 4309
   * only after a lost update: a handful at once, hardly ever again. Read-only (4323) is not a
   * refusal here: a phone with unsent edits on a locked board reconnects every second or so.
   */
  boardRefusalBurst: 5,
  boardRefusalForgiveMs: 5_000,
};

export const DEFAULT_TIMING: Timing = {
  docUnloadDelayMs: 30_000,
  compactIdleMs: 10_000,
  compactMaxUpdates: 500,
  hostSnapshotThrottleMs: 250,
  retentionSweepMs: 10 * 60_000,
  coupleBroadcastWindowMs: 100,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  connectionsCheckIntervalMs: 1_000,
  authTimeoutMs: 10_000,
  // A vanished phone shows offline to its partner and on the console within 15 s ([R78]): 10 s at most here, plus a broadcast.
  boardHeartbeatMs: 5_000,
  controlPingIntervalMs: 5_000,
  controlPingTimeoutMs: 5_000,
  boardCoolDownMs: 10_000,
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
  /** A refused /yjs socket gets this long to answer the close frame, then it is destroyed (ws itself would wait 30 s). */
  refusedSocketGraceMs: 1_000,
  /** A person's Socket.IO event budget is kept this long after their last socket left, so reconnecting does not refill it. */
  eventBudgetMemoryMs: 60_000,
  /** The same for a participant's /yjs frame budget (server/boards/frameBudget.ts). */
  boardBudgetMemoryMs: 60_000,
  /**
   * A board connection refused because its participant cools down is answered (4329) only after
   * this long: an attacker reconnecting the moment it is refused would otherwise make thousands
   * of handshakes a second, each a few KB of garbage; held, each of their sockets makes one a second.
   */
  coolDownAnswerDelayMs: 1_000,
  /** A readiness check (store read, Redis PING) that takes longer than this counts as failing: the probe answers 503 instead of hanging. */
  readinessCheckMs: 2_000,
  /**
   * After a write the store refused (disk full, read-only, PostgreSQL gone), readiness fails until
   * the next write succeeds, or until this long has passed without another failed one: a node that
   * nobody writes to any more (its balancer took it out) is tried again rather than out for good.
   */
  storeFailureMemoryMs: 15_000,
  /**
   * SIGTERM: the node exits within this long whatever it is waiting for (a store or Redis that does
   * not answer). Everything acknowledged is stored already; this only bounds the flush of the rest.
   * docs/DEPLOY.md's systemd unit stops waiting a little after it (TimeoutStopSec).
   */
  shutdownBoundMs: 10_000,
} as const;

export const SIZES = {
  /** A board socket with more than this waiting to be sent (a client that does not read) is cut. */
  maxBufferedBytesPerSocket: 8 << 20,
  /** File descriptors kept free below the process limit for the store, its WAL, logs and files: at least this many… */
  fileDescriptorMarginMin: 256,
  /** …or this share of the limit, whichever is more. */
  fileDescriptorMarginShare: 0.1,
  /** States in one awareness message (a client's own, and the echoes of others' that the stock provider sends back). */
  maxAwarenessEntriesPerMessage: 32,
  /** Client ids (and their clocks) remembered per person on a board; the oldest without a state are forgotten past it. */
  maxAwarenessIdsRememberedPerPerson: 32,
  /**
   * A board whose stored state is this large is loaded, diffed for sync replies and compacted in
   * the state worker, its doc built only when needed and in slices (server/boards/deferredBuild.ts):
   * ~10 ms of Yjs work on the event loop at this size, 20–30× that at the size limit.
   */
  largeBoardBytes: 64 * 1024,
  /** MAX_CONNECTIONS when the file-descriptor limit cannot be read (not Linux). */
  fallbackMaxConnections: 4_096,
} as const;

/**
 * Budgets for guessing codes (server/http/guessLimiter.ts, docs/SECURITY.md "Guessing codes"):
 * misses per minute per key, the scope's ceiling above which it counts as under attack, and
 * each key's budget while it is.
 */
export const GUESS_BUDGETS = {
  /** Keys: the client address. Scope: everyone together. */
  roomCodes: { perKey: 20, ceiling: 600, perKeyUnderAttack: 3 },
  /** Keys: the client address and the participant. Scope: the workshop. */
  pairCodes: { perKey: 20, ceiling: 60, perKeyUnderAttack: 3 },
} as const;

/** A board ticket (server/infra/ticketSigner.ts) opens /yjs for this long, reconnects included. */
export const BOARD_TICKET_TTL_MS = 60_000;
