'use client';

import { useCallback, useEffect, useState } from 'react';
import type { WorkshopSummary } from '../../../../lib/summary';
import { ApiRequestError } from '../../../_lib/api';
import { fetchSummary, workshopIsGone } from '../hostApi';

type SummaryLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; summary: WorkshopSummary }
  /** Deleted, or past its keeping time: nothing to show, and no key would help. */
  | { kind: 'gone' }
  /** The server does not accept this device's key for the room. */
  | { kind: 'refused'; error: unknown }
  | { kind: 'failed'; error: unknown };

/**
 * The session summary, read once when the page opens (it is a record, not a
 * live view; "Try again" reloads it). Waits while the host key is still being
 * read from storage, and stays 'loading' when there is none.
 */
export function useSummary(code: string, hostKey: string | null | undefined): { load: SummaryLoad; retry: () => void } {
  const [load, setLoad] = useState<SummaryLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!hostKey) return;
    const abort = new AbortController();
    setLoad({ kind: 'loading' });
    fetchSummary(code, hostKey, abort.signal).then(
      (summary) => setLoad({ kind: 'ready', summary }),
      async (err: unknown) => {
        if (abort.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 401) {
          const gone = await workshopIsGone(code);
          if (!abort.signal.aborted) setLoad(gone ? { kind: 'gone' } : { kind: 'refused', error: err });
        } else {
          setLoad({ kind: 'failed', error: err });
        }
      },
    );
    return () => abort.abort();
  }, [code, hostKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, retry };
}
