import type pg from 'pg';
import { toPulse, type PulseRecord } from './pulseRecords';
import type { Store } from './storeTypes';

/** The closing pulse in PostgreSQL: one row per person, replaced when they change their answer. */
export function pgPulse(pool: pg.Pool): Pick<Store, 'savePulse' | 'getPulse' | 'listPulse'> {
  return {
    async savePulse(row) {
      await pool.query(
        `INSERT INTO pulse_answers (participant_id, workshop_code, score, word, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (participant_id) DO UPDATE SET score = EXCLUDED.score, word = EXCLUDED.word, updated_at = EXCLUDED.updated_at`,
        [row.participantId, row.workshopCode, row.score, row.word, row.updatedAt],
      );
    },
    async getPulse(participantId) {
      const r = (await pool.query<PulseRecord>('SELECT * FROM pulse_answers WHERE participant_id = $1', [participantId])).rows[0];
      return r ? toPulse(r) : null;
    },
    async listPulse(code) {
      return (await pool.query<PulseRecord>('SELECT * FROM pulse_answers WHERE workshop_code = $1', [code])).rows.map(toPulse);
    },
  };
}
