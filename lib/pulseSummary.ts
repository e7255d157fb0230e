import type { PulseSummary } from './protocol/roomMoments';

/**
 * The closing pulse for the summary: counts per score and the words, sorted so their order
 * says nothing about who wrote which (the store returns rows in the order people answered).
 * Nothing per person or per couple goes in.
 */
export function buildPulseSummary(answers: { score: number; word: string | null }[]): PulseSummary {
  const counts: PulseSummary['counts'] = [0, 0, 0, 0, 0];
  for (const a of answers) if (a.score >= 1 && a.score <= 5) counts[a.score - 1]++;
  const words = answers.flatMap((a) => (a.word ? [a.word] : [])).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return { answers: answers.length, counts, words };
}
