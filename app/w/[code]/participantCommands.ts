import { SOCKET_ACK_TIMEOUT_MS } from '../../../lib/protocol/ackTimeout';
import type { ControlSocket } from '../../_lib/useControlSocket';

/** The words for a refused command: `code` is the server's error code, or null when it never got through. */
export type SayRefusal = (code: string | null) => string;

/**
 * A partner's intents over the control socket. Each resolves with null when
 * the server accepted it, or a sentence to show when it did not (chosen by the
 * ack's error code, in the page's language). The result itself arrives as
 * 'self:state', so nothing is updated optimistically.
 */
export function participantCommands(socket: ControlSocket | null, say: SayRefusal) {
  async function send(run: (s: ControlSocket) => Promise<{ ok: boolean; code?: string }>): Promise<string | null> {
    if (!socket?.connected) return say(null);
    try {
      const ack = await run(socket);
      return ack.ok ? null : say(ack.code ?? null);
    } catch {
      return say(null); // timed out
    }
  }
  return {
    setReady: (ready: boolean) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('ready', { ready })),
    setPause: (paused: boolean) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('pause', { paused })),
    proposeShare: (docName: string, entryId: string) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('share:propose', { docName, entryId })),
    answerShare: (id: string, agree: boolean) => send((s) => s.timeout(SOCKET_ACK_TIMEOUT_MS).emitWithAck('share:answer', { id, agree })),
  };
}

export type ParticipantCommands = ReturnType<typeof participantCommands>;
