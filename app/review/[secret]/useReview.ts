'use client';

import { useEffect, useState } from 'react';
import { useErrorText } from '../../_i18n/errorText';
import type { ReviewData } from '../../../lib/review/reviewData';
import { api, ApiRequestError } from '../../_lib/api';

type ReviewState =
  | { kind: 'loading' }
  | { kind: 'ready'; data: ReviewData }
  /** 404: an unknown link, or a board deleted by one of the partners or at the end of its keeping time. */
  | { kind: 'gone' }
  | { kind: 'problem'; message: string; retry: () => void };

/** The couple's board as plain data, read once; the board no longer changes after the workshop. */
export function useReview(secret: string): ReviewState {
  const [state, setState] = useState<ReviewState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const errorText = useErrorText();

  useEffect(() => {
    const abort = new AbortController();
    api<ReviewData>(`/api/review/${encodeURIComponent(secret)}`, { signal: abort.signal }).then(
      (data) => setState({ kind: 'ready', data }),
      (err: unknown) => {
        if (abort.signal.aborted) return;
        if (err instanceof ApiRequestError && err.status === 404) return setState({ kind: 'gone' });
        setState({
          kind: 'problem',
          message: errorText(err),
          retry: () => {
            setState({ kind: 'loading' });
            setAttempt((n) => n + 1);
          },
        });
      },
    );
    return () => abort.abort();
  }, [secret, attempt, errorText]);

  return state;
}
