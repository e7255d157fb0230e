import * as Y from 'yjs';
import type { StoredDoc } from '../store/storeTypes';
import { sliceState } from './stateSlices';
import { loadChecked } from './storedRepair';
import { structCount } from './updateChecks';

/**
 * The heavy Yjs work of a large board, as plain functions of bytes: run by the state worker
 * (stateWorker.ts) off the event loop, and by the event loop itself only if the worker fails.
 */

/** Structs per slice of a built state: ~5 ms of applying on the event loop each. */
export const STRUCTS_PER_SLICE = 8_000;

export interface BuiltState {
  /** The checked state, encoded once: what sync replies and the next compaction start from. */
  state: Uint8Array;
  /** Its state vector: what sync step 1 tells a phone before the doc is built. */
  stateVector: Uint8Array;
  /** Structs in it: the board's size limit counts them (updateChecks.ts) before the doc is built. */
  structs: number;
  /** True when the stored rows broke the schema and `state` is their repair (storedRepair.ts). */
  repaired: boolean;
}

export type StateTask =
  | { kind: 'build'; stored: StoredDoc }
  | { kind: 'slice'; state: Uint8Array }
  | { kind: 'fold'; base: Uint8Array; since: Uint8Array[] }
  | { kind: 'diff'; base: Uint8Array; since: Uint8Array[]; stateVector: Uint8Array };

export type StateResult<T extends StateTask> = T extends { kind: 'build' } ? BuiltState : T extends { kind: 'slice' } ? Uint8Array[] : Uint8Array;

/** The stored snapshot and log read through the board's schema check, as one state and its slices. */
export function buildState(stored: StoredDoc): BuiltState {
  const doc = new Y.Doc();
  try {
    const { repaired } = loadChecked(doc, stored);
    const state = Y.encodeStateAsUpdate(doc);
    return { state, stateVector: Y.encodeStateVector(doc), structs: structCount(doc), repaired };
  } finally {
    doc.destroy();
  }
}

/**
 * The state a board's doc has when it held `base` and then had `since` applied (its own
 * update events, in order): a doc's updates replayed in order build the same doc.
 */
export function foldState(base: Uint8Array, since: Uint8Array[]): Uint8Array {
  if (since.length === 0) return base;
  const doc = new Y.Doc();
  try {
    Y.transact(doc, () => {
      Y.applyUpdate(doc, base);
      for (const update of since) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** What a phone with `stateVector` lacks of that state (the content of a sync step 2). */
export function diffState(base: Uint8Array, since: Uint8Array[], stateVector: Uint8Array): Uint8Array {
  return Y.diffUpdate(foldState(base, since), stateVector);
}

export function runStateTask<T extends StateTask>(task: T): StateResult<T> {
  switch (task.kind) {
    case 'build':
      return buildState(task.stored) as StateResult<T>;
    case 'slice':
      return sliceState(task.state, STRUCTS_PER_SLICE) as StateResult<T>;
    case 'fold':
      return foldState(task.base, task.since) as StateResult<T>;
    case 'diff':
      return diffState(task.base, task.since, task.stateVector) as StateResult<T>;
  }
  throw new Error('unknown state task');
}
