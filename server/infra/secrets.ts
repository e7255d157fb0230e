import { createHash, randomBytes } from 'node:crypto';
import { codeFromRandom } from '../../lib/codes';

/** 256-bit bearer secret (participant token, host key), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** 128-bit id: unguessable, so doc names derived from it cannot be guessed either. */
export const newId = (): string => randomBytes(16).toString('base64url');

/** Only hashes of secrets are stored: a copy of the database does not hand out seats. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const newCode = (length: number): string => codeFromRandom(length, (n) => randomBytes(n));

/**
 * A participant's review-link secret, derived one way from their token: the
 * phone can always show it (it has the token), only its hash is stored, and
 * sharing the link gives read access to the board, never the seat.
 */
export const reviewSecretOf = (token: string): string => createHash('sha256').update(`twofold-review:${token}`).digest('base64url');
