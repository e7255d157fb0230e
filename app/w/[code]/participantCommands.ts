import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import type { ControlSocket } from '../../_lib/useControlSocket';

const NOT_SENT = 'That did not get through. Check your connection and try again.';

/**
 * A partner's intents over the control socket. Each resolves with null when
 * the server accepted it, or a sentence to show when it did not. The result
 * itself arrives as 'self:state', so nothing is updated optimistically.
 */
export function participantCommands(socket: ControlSocket | null) {
  async function send(run: (s: ControlSocket) => Promise<{ ok: boolean; message?: string }>): Promise<string | null> {
    if (!socket?.connected) return NOT_SENT;
    try {
      const ack = await run(socket);
      return ack.ok ? null : (ack.message ?? NOT_SENT);
    } catch {
      return NOT_SENT; // timed out
    }
  }
  return {
    setReady: (ready: boolean) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('ready', { ready })),
    proposeShare: (docName: string, entryId: string) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('share:propose', { docName, entryId })),
    answerShare: (id: string, agree: boolean) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('share:answer', { id, agree })),
  };
}

export type ParticipantCommands = ReturnType<typeof participantCommands>;
