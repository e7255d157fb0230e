/**
 * How long a client waits for the server's acknowledgement of a socket command
 * (`socket.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck(...)`) before it tells the
 * person the command did not go through.
 */
export const SOCKET_ACK_TIMEOUT_MS = 5_000;
