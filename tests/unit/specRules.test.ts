import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/SPEC.md and the tests agree: every rule a test names is written down, every written rule
 * is named by a test, and the rules are numbered in order. A rule counts as named when it is in
 * the title of a `describe`, `it` or `test` (a comment does not check anything).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const spec = fs.readFileSync(path.join(ROOT, 'docs/SPEC.md'), 'utf8');

/** Rule numbers as SPEC.md defines them (`- **[R12]** …`), in the order they appear. */
const defined = [...spec.matchAll(/^- \*\*\[R(\d+)\]\*\*/gm)].map((m) => Number(m[1]));

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return testFiles(full);
    return /\.(test|spec)\.ts$/.test(d.name) ? [full] : [];
  });
}

/** The titles of a file's describe/it/test calls: string, or template literal up to its closing backtick. */
function titles(source: string): string[] {
  return [...source.matchAll(/\b(?:describe|it|test)\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)].map((m) => m[2]);
}

/** Rule number → the test files whose titles name it. */
const cited = new Map<number, string[]>();
for (const file of testFiles(path.join(ROOT, 'tests'))) {
  for (const title of titles(fs.readFileSync(file, 'utf8'))) {
    for (const [, n] of title.matchAll(/\[R(\d+)\]/g)) cited.set(Number(n), [...(cited.get(Number(n)) ?? []), path.relative(ROOT, file)]);
  }
}

describe('docs/SPEC.md and the tests that check it', () => {
  it('finds the rules and the tests (the checks below are not vacuous)', () => {
    expect(defined.length).toBeGreaterThan(30);
    expect(cited.size).toBeGreaterThan(30);
  });

  it('defines every rule a test names', () => {
    expect([...cited.keys()].filter((n) => !defined.includes(n)).map((n) => `[R${n}] named in ${cited.get(n)!.join(', ')}`)).toEqual([]);
  });

  it('has a test naming every rule it defines', () => {
    expect(defined.filter((n) => !cited.has(n)).map((n) => `[R${n}]`)).toEqual([]);
  });

  it('numbers its rules R1, R2, … in order, each once', () => {
    expect(defined).toEqual(defined.map((_, i) => i + 1));
  });
});
