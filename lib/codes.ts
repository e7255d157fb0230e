/**
 * Room and pair codes: short, typed by people on phones, read off a projector.
 * The alphabet leaves out look-alikes (0/O, 1/I/L) so nothing is ambiguous.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 8;
export const PAIR_CODE_LENGTH = 6;

const ALPHABET_SIZE = CODE_ALPHABET.length;
/** Largest multiple of the alphabet size below 256: bytes above it are skipped to avoid bias. */
const UNBIASED_LIMIT = Math.floor(256 / ALPHABET_SIZE) * ALPHABET_SIZE;

/**
 * Builds a code of `length` characters from random bytes (rejection sampling).
 * `randomBytes` is passed in so lib/ stays free of I/O; the server hands it crypto.
 */
export function codeFromRandom(length: number, randomBytes: (n: number) => Uint8Array): string {
  let code = '';
  while (code.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      code += CODE_ALPHABET[byte % ALPHABET_SIZE];
      if (code.length === length) break;
    }
  }
  return code;
}

/** Upper-cases and strips separators people type or copy (spaces, dashes, dots). */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.·]/g, '');
}

function isCode(value: string, length: number): boolean {
  if (value.length !== length) return false;
  for (const ch of value) if (!CODE_ALPHABET.includes(ch)) return false;
  return true;
}

export const isRoomCode = (value: string): boolean => isCode(value, ROOM_CODE_LENGTH);
export const isPairCode = (value: string): boolean => isCode(value, PAIR_CODE_LENGTH);

/** "ABCDEFGH" → "ABCD EFGH": two groups of four are easier to read aloud and copy. */
export function formatRoomCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/** "ABCDEF" → "ABC DEF". */
export function formatPairCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
