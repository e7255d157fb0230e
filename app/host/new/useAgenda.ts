'use client';

import { useCallback, useState } from 'react';
import { inLocale, libraryFor } from '../../../lib/catalogue/catalogue';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { MAX_AGENDA_ITEMS } from '../../../lib/catalogue/agenda';
import type { Locale } from '../../../lib/i18n/locales';

/** One planned step. `minutes` is the raw input, so a half-typed value is not thrown away. */
export interface AgendaEntry {
  uid: string;
  exercise: Exercise;
  minutes: string;
}

let counter = 0;
const entry = (exercise: Exercise): AgendaEntry => ({ uid: `a${++counter}`, exercise, minutes: String(exercise.minutes) });

export const minutesValid = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 120;

/** The agenda being built on /host/new. Starts as the whole library in the workshop's language, in order. */
export function useAgenda(locale: Locale) {
  const [entries, setEntries] = useState<AgendaEntry[]>(() => libraryFor(locale).map(entry));

  /** The workshop's language changed: the library's exercises follow it (minutes kept); the facilitator's own stay as written. */
  const relocalize = useCallback((next: Locale) => {
    setEntries((list) => list.map((e) => ({ ...e, exercise: inLocale(e.exercise, next) })));
  }, []);

  const add = useCallback((exercise: Exercise) => {
    setEntries((list) => (list.length >= MAX_AGENDA_ITEMS ? list : [...list, entry(exercise)]));
  }, []);

  const remove = useCallback((uid: string) => setEntries((list) => list.filter((e) => e.uid !== uid)), []);

  const move = useCallback((uid: string, by: -1 | 1) => {
    setEntries((list) => {
      const from = list.findIndex((e) => e.uid === uid);
      const to = from + by;
      if (from < 0 || to < 0 || to >= list.length) return list;
      const next = [...list];
      [next[from], next[to]] = [next[to], next[from]];
      return next;
    });
  }, []);

  const setMinutes = useCallback((uid: string, minutes: string) => {
    setEntries((list) => list.map((e) => (e.uid === uid ? { ...e, minutes } : e)));
  }, []);

  /** An own exercise was edited: planned copies of it follow (it was only planned, nothing has run). */
  const replace = useCallback((exercise: Exercise) => {
    setEntries((list) => list.map((e) => (e.exercise.id === exercise.id ? { ...e, exercise, minutes: String(exercise.minutes) } : e)));
  }, []);

  /** What POST /api/workshops takes: the exercises in order, each with its minutes. */
  const toExercises = useCallback(
    () => entries.map((e) => ({ ...e.exercise, minutes: Number(e.minutes) })),
    [entries],
  );

  return { entries, add, remove, move, setMinutes, replace, relocalize, toExercises, full: entries.length >= MAX_AGENDA_ITEMS };
}
