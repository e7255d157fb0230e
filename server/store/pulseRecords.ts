import type { PulseRow } from './storeTypes';

/** A pulse answer as both databases return it (PostgreSQL's BIGINT parsed as a number, as for every table). */
export interface PulseRecord {
  participant_id: string;
  workshop_code: string;
  score: number;
  word: string | null;
  updated_at: number;
}

export const toPulse = (r: PulseRecord): PulseRow => ({
  participantId: r.participant_id,
  workshopCode: r.workshop_code,
  score: Number(r.score),
  word: r.word,
  updatedAt: Number(r.updated_at),
});
