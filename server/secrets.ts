import { createHash, randomBytes } from 'node:crypto';
import { codeFromRandom } from '../lib/codes';

/** 256-bit bearer secret (participant token, host key), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** 128-bit id: unguessable, so doc names derived from it cannot be guessed either. */
export const newId = (): string => randomBytes(16).toString('base64url');

/** Only hashes of secrets are stored: a copy of the database does not hand out seats. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('base64url');

export const newCode = (length: number): string => codeFromRandom(length, (n) => randomBytes(n));
