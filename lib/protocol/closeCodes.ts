/**
 * WebSocket close codes used by the Yjs endpoint (/yjs/<docName>).
 * 4000–4999 is the range RFC 6455 leaves to applications. The stock
 * y-websocket provider stops reconnecting on 4400–4499, so those are the
 * permanent refusals (the last digits mirror the HTTP status); 43xx are
 * "not now": the provider reconnects and the same request may succeed later.
 */
export const CLOSE_CODES = {
  /** Normal close by the server, e.g. the board was unloaded. */
  normal: 1000,
  /** Server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame exceeded the server's limit, maxYjsMessageBytes in server/config.ts (set by `ws` itself). */
  messageTooBig: 1009,
  /** Unexpected server error while handling the connection. */
  internalError: 1011,
  /** The doc name is malformed or a frame could not be decoded. */
  badRequest: 4400,
  /** No credential, or one that matches no participant (a removed person's ticket or token). */
  unauthorized: 4401,
  /**
   * The board ticket expired or is not valid here (e.g. signed before a restart):
   * get a fresh one (POST /api/me/board-ticket), put it in `provider.params` and reconnect.
   * In the 44xx range so a stock provider does not retry with the same dead ticket.
   */
  ticketExpired: 4419,
  /** The token is valid but this doc belongs to another couple. */
  forbidden: 4403,
  /** The board no longer exists (deleted by the couple or by retention). */
  notFound: 4404,
  /**
   * The client sent changes it may not make: the board is locked, the
   * workshop ended, or this is the partner's revealed private doc (read-only).
   * The stock provider reconnects; its edits are accepted once writing is allowed again.
   */
  readOnly: 4323,
  /** The board reached its size limit (bytes or structs); further edits are refused. */
  boardTooLarge: 4413,
  /**
   * The update breaks the board's schema or its authorship (another root, type or nesting,
   * an exercise not on the agenda, the partner's entry, marker, link or Yjs client id).
   * Nothing of it was stored or relayed. Permanent: the app drops its local copy of the doc
   * and opens it again from the server.
   */
  schemaViolation: 4422,
  /**
   * The update refers to structs the server does not have; nothing of it was stored. The
   * provider reconnects and its sync sends what was missing.
   */
  outOfStep: 4309,
  /** Too many connections or messages from this client; retry later. */
  rateLimited: 4329,
  /**
   * A presence (awareness) update the server refuses: a state over 2 KiB, more client ids than one
   * connection may announce, or too many states in one message. Permanent: the stock provider stops.
   */
  presenceRefused: 4422,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
