import { z } from 'zod';
import { exerciseSchema, type Exercise } from '../../../lib/catalogue/exercise';
import { readMyExercisesJson, saveMyExercisesJson } from '../../_lib/storage';

/**
 * A facilitator's own exercises live on their own device (localStorage), not
 * on the server: no account is needed, and Export/Import moves them to
 * another device (app/_lib/storage.ts keeps the key). The list is kept newest first.
 */

const EXPORT_FORMAT = 'twofold-exercises';

/** Reads the saved list; anything unreadable or no longer valid is skipped rather than breaking the page. */
export function readMyExercises(): Exercise[] {
  const raw = readMyExercisesJson();
  if (!raw) return [];
  try {
    return validOnly(JSON.parse(raw)).exercises;
  } catch {
    return [];
  }
}

/** False when the browser refused to store (private mode, full storage). */
export function writeMyExercises(list: Exercise[]): boolean {
  return saveMyExercisesJson(JSON.stringify(list));
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** "my-k3x9q2ab": matches the exercise id rule and never looks like a library id. */
export function newExerciseId(prefix = 'my'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('')}`;
}

export function exportJson(list: Exercise[]): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 1, exercises: list }, null, 2);
}

function validOnly(data: unknown): { exercises: Exercise[]; skipped: number } {
  const items = Array.isArray(data) ? data : [];
  const exercises: Exercise[] = [];
  for (const item of items) {
    const parsed = exerciseSchema.safeParse(item);
    if (parsed.success) exercises.push(parsed.data);
  }
  return { exercises, skipped: items.length - exercises.length };
}

const exportFile = z.object({ format: z.literal(EXPORT_FORMAT), exercises: z.array(z.unknown()) });

/** Why a file could not be imported; the page says it in its language (hostNew.mine.importProblem). */
export type ImportProblem = 'not_json' | 'not_export' | 'none_valid';
export type ImportResult = { ok: true; list: Exercise[]; added: number; updated: number; skipped: number } | { ok: false; problem: ImportProblem };

/**
 * Merges an exported file into `current`. The same id replaces the saved copy
 * (importing twice does not duplicate); ids not made on a device get a fresh
 * "my-" id so they never clash with the library.
 */
export function mergeImport(text: string, current: Exercise[]): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not_json' };
  }
  const file = exportFile.safeParse(data);
  const raw = file.success ? file.data.exercises : Array.isArray(data) ? data : null;
  if (!raw) return { ok: false, problem: 'not_export' };
  const { exercises, skipped } = validOnly(raw);
  if (exercises.length === 0) return { ok: false, problem: 'none_valid' };

  const list = [...current];
  let added = 0;
  let updated = 0;
  for (const incoming of exercises) {
    const exercise = incoming.id.startsWith('my-') ? incoming : { ...incoming, id: newExerciseId() };
    const at = list.findIndex((e) => e.id === exercise.id);
    if (at >= 0) {
      list[at] = exercise;
      updated++;
    } else {
      list.unshift(exercise);
      added++;
    }
  }
  return { ok: true, list, added, updated, skipped };
}
