import { z } from 'zod';

/**
 * An exercise is data: a facilitator can build their own from a blank one of
 * any kind. The kinds are what the board knows how to render.
 */
const label = z.string().trim().min(1).max(80);
const item = z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,32}$/), label });

const base = {
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  title: z.string().trim().min(1).max(80),
  /** For the facilitator's eyes only: how to introduce it, what to watch for. */
  facilitatorNote: z.string().trim().max(600),
  /** What couples see on their phones. */
  prompt: z.string().trim().min(1).max(600),
  /** Entries stay with their author until both partners are ready or the facilitator reveals. */
  privateFirst: z.boolean(),
  minutes: z.number().int().min(1).max(120),
};

const columnsExerciseSchema = z.strictObject({
  ...base,
  kind: z.literal('columns'),
  /** One list per column for each partner. */
  columns: z.array(item).min(1).max(3),
  /** Optional need → bring style links: entries of column `from` point at the partner's entries of column `to`. */
  link: z.strictObject({ from: z.string(), to: z.string() }).nullable(),
});

const spectrumExerciseSchema = z.strictObject({
  ...base,
  kind: z.literal('spectrum'),
  /** Areas of life, each with its own marker per partner. */
  areas: z.array(item).min(1).max(10),
  /** Named stops along the line, left to right. */
  stops: z.array(label).min(2).max(5),
});

const promptsExerciseSchema = z.strictObject({
  ...base,
  kind: z.literal('prompts'),
  questions: z.array(item).min(1).max(8),
});

export const exerciseSchema = z.discriminatedUnion('kind', [columnsExerciseSchema, spectrumExerciseSchema, promptsExerciseSchema]);

export type Exercise = z.infer<typeof exerciseSchema>;
export type ColumnsExercise = z.infer<typeof columnsExerciseSchema>;
export type SpectrumExercise = z.infer<typeof spectrumExerciseSchema>;
export type PromptsExercise = z.infer<typeof promptsExerciseSchema>;
export type ExerciseKind = Exercise['kind'];
