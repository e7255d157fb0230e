/**
 * WebSocket close codes used by the Yjs endpoint (/yjs/<docName>).
 * 4000–4999 is the range RFC 6455 leaves to applications; the last three
 * digits mirror the matching HTTP status so they are easy to remember.
 */
export const CLOSE_CODES = {
  /** Normal close by the server, e.g. the board was unloaded. */
  normal: 1000,
  /** Server is shutting down; reconnect later. */
  goingAway: 1001,
  /** A frame exceeded MAX_YJS_MESSAGE_BYTES (set by `ws` itself). */
  messageTooBig: 1009,
  /** Unexpected server error while handling the connection. */
  internalError: 1011,
  /** The doc name is malformed or a frame could not be decoded. */
  badRequest: 4400,
  /** No token, or a token that matches no participant. */
  unauthorized: 4401,
  /** The token is valid but this doc belongs to another couple. */
  forbidden: 4403,
  /** The board no longer exists (deleted by the couple or by retention). */
  notFound: 4404,
  /** The board reached its size limit; further edits are refused. */
  boardTooLarge: 4413,
  /** Too many connections or messages from this client. */
  rateLimited: 4429,
} as const;

export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];
