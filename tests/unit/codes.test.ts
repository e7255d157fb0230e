import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codeFromRandom, formatPairCode, formatRoomCode, isPairCode, isRoomCode, normalizeCode } from '../../lib/codes';

const seeded = (seed: number) => (n: number) => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
};

describe('room and pair codes', () => {
  it('[R1] uses no look-alike characters', () => {
    for (const ch of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('[R1] draws 8-character room codes only from the alphabet, every character reachable', () => {
    const random = seeded(7);
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = codeFromRandom(8, random);
      expect(isRoomCode(code)).toBe(true);
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it('[R1] skips biased bytes instead of folding them onto the alphabet', () => {
    // 248..255 would map onto the first characters under a plain modulo.
    const bytes = [255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7];
    let i = 0;
    const code = codeFromRandom(8, (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]));
    expect(code).toBe('ABCDEFGH');
  });

  it('[R1] shows room codes in two groups of four and pair codes in two groups of three', () => {
    expect(formatRoomCode('ABCDEFGH')).toBe('ABCD EFGH');
    expect(formatPairCode('XYZ234')).toBe('XYZ 234');
  });

  it('[R2] normalises what people type', () => {
    expect(normalizeCode(' abcd-efgh ')).toBe('ABCDEFGH');
    expect(normalizeCode('abcd efgh')).toBe('ABCDEFGH');
    expect(isRoomCode(normalizeCode('abcd efgh'))).toBe(true);
    expect(isRoomCode('ABCDEFG0')).toBe(false);
    expect(isRoomCode('ABCDEFG')).toBe(false);
    expect(isPairCode('ABC234')).toBe(true);
    expect(isPairCode('ABC23I')).toBe(false);
  });
});
