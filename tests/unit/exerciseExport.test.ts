import { describe, expect, it } from 'vitest';
import { exportJson, mergeImport } from '../../app/host/new/myExercises';
import { BLANK_EXERCISES, BRING_NEED } from '../../lib/catalogue/catalogue';
import type { Exercise } from '../../lib/catalogue/exercise';

const mine = (id: string, title: string): Exercise => ({ ...BLANK_EXERCISES.prompts, id, title });

describe('[R31] a facilitator’s own exercises move between devices as a JSON file', () => {
  it('imports an export into another device’s list: new ones added, the same id replaced, never duplicated', () => {
    const file = exportJson([mine('my-aaaa1111', 'Looking ahead'), mine('my-bbbb2222', 'Old title')]);
    const elsewhere = [mine('my-bbbb2222', 'Older title'), mine('my-cccc3333', 'Kept')];
    const result = mergeImport(file, elsewhere);
    expect(result).toMatchObject({ ok: true, added: 1, updated: 1, skipped: 0 });
    expect(result.ok && result.list.map((e) => [e.id, e.title])).toEqual([
      ['my-aaaa1111', 'Looking ahead'],
      ['my-bbbb2222', 'Old title'],
      ['my-cccc3333', 'Kept'],
    ]);
    const again = mergeImport(file, result.ok ? result.list : []);
    expect(again).toMatchObject({ ok: true, added: 0, updated: 2 });
    expect(again.ok && again.list).toHaveLength(3);
  });

  it('skips what the exercise schema refuses, gives library ids a device id, and refuses a file that is not an export', () => {
    const file = JSON.stringify({ format: 'twofold-exercises', version: 1, exercises: [BRING_NEED, { ...BRING_NEED, kind: 'quiz' }, { title: 'half an exercise' }] });
    const result = mergeImport(file, []);
    expect(result).toMatchObject({ ok: true, added: 1, skipped: 2 });
    const [imported] = result.ok ? result.list : [];
    expect(imported.id).toMatch(/^my-[a-z0-9]{8}$/);
    expect({ ...imported, id: BRING_NEED.id }).toEqual(BRING_NEED);
    expect(mergeImport('{not json', [])).toMatchObject({ ok: false });
    expect(mergeImport(JSON.stringify({ format: 'something-else', exercises: [] }), [])).toMatchObject({ ok: false });
    expect(mergeImport(JSON.stringify({ format: 'twofold-exercises', exercises: [{ kind: 'quiz' }] }), [])).toMatchObject({ ok: false });
  });
});
