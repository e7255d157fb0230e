'use client';

import { useRouter } from 'next/navigation';
import { useErrorText } from '../../_i18n/errorText';
import { useEffect, useState } from 'react';
import type { BoardAccess, MeResponse } from '../../../lib/protocol';
import { api, ApiRequestError } from '../../_lib/api';
import { rememberMe } from '../../_lib/localBoardCopies';
import { forgetParticipant, readCachedMe, readToken } from '../../_lib/storage';

/** Someone seated in a couple, with the access their board needs. */
export type SeatedMe = MeResponse & { couple: NonNullable<MeResponse['couple']>; board: BoardAccess; participant: { seat: 'a' | 'b' } };

type MeState =
  | { kind: 'loading' }
  | { kind: 'ready'; me: SeatedMe; token: string; fromCache: boolean }
  | { kind: 'problem'; message: string; retry: () => void };

function isSeated(me: MeResponse): me is SeatedMe {
  return me.couple !== null && me.board !== null && me.participant.seat !== null;
}

/**
 * Who this phone is on the board. No seat yet → back to the join page. No
 * network → the last known answer, so the board still opens from IndexedDB
 * and nothing typed offline is lost.
 */
export function useMe(code: string): MeState {
  const router = useRouter();
  const errorText = useErrorText();
  const [state, setState] = useState<MeState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    const toJoin = () => router.replace(`/join/${code}`);
    const token = readToken(code);
    if (!token) {
      toJoin();
      return;
    }
    api<MeResponse>('/api/me', { token, signal: abort.signal }).then(
      (me) => {
        // Also deletes the local copies of a board this phone sat on before, if the server no longer seats it there.
        rememberMe(code, me);
        if (isSeated(me) && me.workshop.code === code) setState({ kind: 'ready', me, token, fromCache: false });
        else toJoin();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 401) {
          forgetParticipant(code);
          return toJoin();
        }
        const cached = readCachedMe(code);
        if (err instanceof ApiRequestError && err.status === 0 && cached && isSeated(cached)) {
          return setState({ kind: 'ready', me: cached, token, fromCache: true });
        }
        setState({ kind: 'problem', message: errorText(err), retry: () => setAttempt((n) => n + 1) });
      },
    );
    return () => abort.abort();
  }, [code, router, attempt, errorText]);

  return state;
}
