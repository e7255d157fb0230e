import type { Migration } from './index';

/**
 * 4: the closing pulse ("How was this for you?"): one answer per person, a score of 1–5 and an
 * optional word. Keyed by the person so they can change it, and deleted with them or with the
 * workshop (cascade); the summary reads only the counts and the words, never who.
 */
export const closingPulse: Migration = {
  version: 4,
  name: 'closing_pulse',
  sqlite: `
    CREATE TABLE pulse_answers (
      participant_id TEXT PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
      workshop_code TEXT NOT NULL REFERENCES workshops(code) ON DELETE CASCADE,
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      word TEXT,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX pulse_answers_by_workshop ON pulse_answers(workshop_code);
  `,
  postgres: `
    CREATE TABLE IF NOT EXISTS pulse_answers (
      participant_id TEXT PRIMARY KEY REFERENCES participants (id) ON DELETE CASCADE,
      workshop_code TEXT NOT NULL REFERENCES workshops (code) ON DELETE CASCADE,
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
      word TEXT,
      updated_at BIGINT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS pulse_answers_by_workshop ON pulse_answers (workshop_code);
  `,
};
