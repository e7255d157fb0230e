import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../server/store/migrations';

const DIR = path.resolve(import.meta.dirname, '../../server/store/migrations');

/**
 * Released migrations, pinned: a database out there has run each of these as it is, so editing
 * one would leave databases that ran the old text and databases that ran the new. Fix a mistake
 * with a new migration. When a release ships a new migration, add its hash here.
 */
const RELEASED: Record<string, string> = {
  '0001_initial.ts': '7e1c169a6159ff5de0268142773ca6f11d826430a728455f4ffc1541215a664d',
};

const fileOf = (version: number, name: string) => `${String(version).padStart(4, '0')}_${name}.ts`;

describe('schema migrations', () => {
  it('are numbered 1, 2, 3… in order, one file each, named after the migration', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
    const files = fs.readdirSync(DIR).filter((f) => f !== 'index.ts').sort();
    expect(files).toEqual(MIGRATIONS.map((m) => fileOf(m.version, m.name)));
  });

  it('that were released are never edited', () => {
    for (const [file, hash] of Object.entries(RELEASED)) {
      expect(createHash('sha256').update(fs.readFileSync(path.join(DIR, file))).digest('hex'), file).toBe(hash);
    }
    expect(Object.keys(RELEASED).length).toBeLessThanOrEqual(MIGRATIONS.length);
  });
});
