'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { MY_EXERCISES_KEY } from '../../_lib/storage';
import { mergeImport, readMyExercises, writeMyExercises, type ImportResult } from './myExercises';

/**
 * The facilitator's own exercises, kept in this browser (in memory too, so
 * a browser that refuses storage still lets them be used in this workshop). Read after mount
 * (localStorage does not exist during the server render) and kept in step
 * with other tabs through the storage event.
 */
export function useMyExercises() {
  const [list, setList] = useState<Exercise[]>([]);
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    setList(readMyExercises());
    const onStorage = (e: StorageEvent) => {
      if (e.key === MY_EXERCISES_KEY || e.key === null) setList(readMyExercises());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const commit = useCallback((next: Exercise[]) => {
    setList(next);
    setSaveFailed(!writeMyExercises(next));
  }, []);

  /** Adds a new exercise at the top, or replaces the saved one with the same id where it stands. */
  const save = useCallback(
    (exercise: Exercise) => {
      const at = list.findIndex((e) => e.id === exercise.id);
      commit(at >= 0 ? list.map((e) => (e.id === exercise.id ? exercise : e)) : [exercise, ...list]);
    },
    [list, commit],
  );

  const remove = useCallback((id: string) => commit(list.filter((e) => e.id !== id)), [list, commit]);

  const importText = useCallback(
    (text: string): ImportResult => {
      const result = mergeImport(text, list);
      if (result.ok) commit(result.list);
      return result;
    },
    [list, commit],
  );

  return { list, save, remove, importText, saveFailed };
}
