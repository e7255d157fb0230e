'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { ERROR_CODES, type ErrorCode } from '../../lib/protocol/errors';
import { ApiRequestError } from '../_lib/api';

const KNOWN: ReadonlySet<string> = new Set(Object.values(ERROR_CODES));
const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && KNOWN.has(code);

/** Words a page puts in place of the general ones for some codes ("not_found" on a review link says which link). */
export type ErrorOverrides = Partial<Record<ErrorCode, string>>;

/** The code of anything a call failed with: an ApiRequestError, a socket ack `{ ok: false, code }`, or a bare code. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof ApiRequestError) return err.code;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return 'unknown';
}

/**
 * What to tell a person when something failed, in the page's language, chosen by the API's error
 * code (lib/protocol/errors.ts): never the server's English `message`.
 */
export function useErrorText() {
  const t = useTranslations('errors');
  return useCallback(
    (err: unknown, overrides: ErrorOverrides = {}): string => {
      const code = errorCodeOf(err);
      if (code === 'network') return t('network');
      if (code === 'rate_limited') {
        const seconds = err instanceof ApiRequestError && err.retryAfter ? String(err.retryAfter) : 'none';
        return overrides.rate_limited ?? t('rateLimited', { seconds });
      }
      if (!isErrorCode(code)) return t('unknown');
      return overrides[code] ?? t(`codes.${code}`);
    },
    [t],
  );
}
