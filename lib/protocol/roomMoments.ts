import { z } from 'zod';

/**
 * The room's moments, on the control plane: a wall entry spotlighted on the projector, the
 * time-up chime switched on or off, and the closing pulse ("How was this for you?").
 */

/** A word is a word or two, not a message: short enough that it cannot carry a story about someone. */
export const MAX_PULSE_WORD_CHARS = 40;
export const PULSE_SCORES = [1, 2, 3, 4, 5] as const;

/** `id` of an approved wall entry to show large and alone; null goes back to the wall. */
export const hostSpotlightPayload = z.strictObject({ id: z.string().min(1).max(64).nullable() });
/** Whether the projector plays its soft chime when the countdown reaches zero. */
export const hostChimePayload = z.strictObject({ on: z.boolean() });

/** Control characters and line breaks are folded to spaces: one line, whitespace trimmed, empty is no word. */
const pulseWord = z
  .string()
  .max(MAX_PULSE_WORD_CHARS * 4)
  .transform((w) => w.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/\s+/g, ' ').trim())
  .refine((w) => [...w].length <= MAX_PULSE_WORD_CHARS, { message: `at most ${MAX_PULSE_WORD_CHARS} characters` })
  .transform((w) => (w.length > 0 ? w : null));

export const pulseAnswerPayload = z.strictObject({
  score: z.number().int().min(1).max(5),
  word: pulseWord.nullable().optional().transform((w) => w ?? null),
});
export type PulseAnswer = { score: number; word: string | null };

/** What the projector shows when an entry is spotlighted: its text, nothing about who. */
export interface Spotlight {
  id: string;
  text: string;
  itemKey: string;
}

/**
 * The closing pulse as the facilitator's summary shows it: how many answered, the count per
 * score (index 0 is score 1), and the words sorted, so neither their order nor anything else
 * ties a word to a person or a couple.
 */
export interface PulseSummary {
  answers: number;
  counts: [number, number, number, number, number];
  words: string[];
}
