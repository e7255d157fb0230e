/**
 * Bumped whenever an event name, payload shape or close code changes meaning.
 * Clients send it in the Socket.IO handshake; a mismatch is refused with
 * ERROR_CODES.protocolMismatch instead of failing in confusing ways later.
 */
export const PROTOCOL_VERSION = 1;
