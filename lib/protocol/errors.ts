/** Error codes carried in `{"error": {"code", "message"}}` bodies and socket acks. */
export const ERROR_CODES = {
  badRequest: 'bad_request',
  invalidBody: 'invalid_body',
  bodyTooLarge: 'body_too_large',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  workshopNotFound: 'workshop_not_found',
  pairCodeNotFound: 'pair_code_not_found',
  alreadyPaired: 'already_paired',
  coupleFull: 'couple_full',
  cannotPairSelf: 'cannot_pair_self',
  workshopEnded: 'workshop_ended',
  joinsClosed: 'joins_closed',
  rateLimited: 'rate_limited',
  protocolMismatch: 'protocol_mismatch',
  internal: 'internal_error',
  /** GET /api/health/ready: the store or Redis does not answer; the body's `checks` says which. */
  notReady: 'not_ready',
  /** The store could not be reached or written (disk full, read-only, PostgreSQL gone): nothing was saved; retry later. */
  storeUnavailable: 'store_unavailable',
  /** This node is stopping (rolling restart): retry at once, the load balancer sends the request to another node. */
  shuttingDown: 'shutting_down',
  /** A co-host's key asked for what only the facilitator may do: delete the workshop, invite, list or revoke co-hosts. */
  facilitatorOnly: 'facilitator_only',
  /** The workshop already has MAX_COHOSTS active co-hosts: revoke one first. */
  cohostLimit: 'cohost_limit',
} as const;

export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** HTTP status for each error code, so every route answers the same way. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  invalid_body: 400,
  body_too_large: 413,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  workshop_not_found: 404,
  pair_code_not_found: 404,
  already_paired: 409,
  couple_full: 409,
  cannot_pair_self: 409,
  workshop_ended: 409,
  joins_closed: 403,
  rate_limited: 429,
  protocol_mismatch: 400,
  internal_error: 500,
  not_ready: 503,
  store_unavailable: 503,
  shutting_down: 503,
  facilitator_only: 403,
  cohost_limit: 409,
};

export interface ApiError {
  error: { code: ErrorCode; message: string };
}

/** Result of a command sent over Socket.IO with an acknowledgement. */
export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode; message: string };
