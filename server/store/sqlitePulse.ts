import type Database from 'better-sqlite3';
import { toPulse, type PulseRecord } from './pulseRecords';
import type { Store } from './storeTypes';

/** The closing pulse in SQLite: one row per person, replaced when they change their answer. */
export function sqlitePulse(db: Database.Database): Pick<Store, 'savePulse' | 'getPulse' | 'listPulse'> {
  const q = {
    save: db.prepare(
      `INSERT INTO pulse_answers (participant_id, workshop_code, score, word, updated_at) VALUES (@participantId, @workshopCode, @score, @word, @updatedAt)
       ON CONFLICT (participant_id) DO UPDATE SET score = excluded.score, word = excluded.word, updated_at = excluded.updated_at`,
    ),
    get: db.prepare<[string], PulseRecord>('SELECT * FROM pulse_answers WHERE participant_id = ?'),
    list: db.prepare<[string], PulseRecord>('SELECT * FROM pulse_answers WHERE workshop_code = ?'),
  };
  return {
    async savePulse(row) {
      q.save.run(row);
    },
    async getPulse(participantId) {
      const r = q.get.get(participantId);
      return r ? toPulse(r) : null;
    },
    async listPulse(code) {
      return q.list.all(code).map(toPulse);
    },
  };
}
