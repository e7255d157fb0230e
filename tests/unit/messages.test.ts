import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '../../lib/i18n/locales';

/**
 * The UI's catalogues (messages/<locale>.json): every locale has exactly English's keys, each
 * message parses as ICU, and has the same placeholders, plural/select arguments and rich-text
 * tags as English — a translation that drops {name} or <bdi> would show a hole, or lose the
 * isolation of a person's words.
 */
const DIR = path.resolve(import.meta.dirname, '../../messages');
const read = (locale: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(DIR, `${locale}.json`), 'utf8'));

/** "board.status.partner.typing" → message, for every string leaf. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(at, value);
    else if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, at)) out.set(k, v);
    else throw new Error(`${at} is neither a message nor a group`);
  }
  return out;
}

/** The arguments a message takes and the tags it wraps, e.g. ["{name}", "{count, plural}", "<bdi>"]. */
function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument) found.add(`{${el.value}}`);
      else if (el.type === TYPE.number) found.add(`{${el.value}, number}`);
      else if (el.type === TYPE.date || el.type === TYPE.time) found.add(`{${el.value}, ${el.type === TYPE.date ? 'date' : 'time'}}`);
      else if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`{${el.value}, ${el.type === TYPE.plural ? 'plural' : 'select'}}`);
        for (const option of Object.values(el.options)) walk(option.value);
      } else if (el.type === TYPE.tag) {
        found.add(`<${el.value}>`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = flatten(read(DEFAULT_LOCALE));

describe('[R59] message catalogues', () => {
  it('English has messages, each valid ICU', () => {
    expect(english.size).toBeGreaterThan(300);
    for (const [key, message] of english) expect(() => shape(message), key).not.toThrow();
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))('%s has exactly English’s keys, none empty', (locale) => {
    const messages = flatten(read(locale));
    expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of messages) expect(message.trim(), key).not.toBe('');
  });

  it.each(LOCALES.filter((l) => l !== DEFAULT_LOCALE))('%s has English’s placeholders, plurals and tags in every message', (locale) => {
    const messages = flatten(read(locale));
    for (const [key, message] of english) expect(shape(messages.get(key) ?? ''), `${locale} ${key}`).toEqual(shape(message));
  });

  it('the export words use plain placeholders only: the server fills them without an ICU runtime', () => {
    for (const locale of LOCALES) {
      for (const [key, message] of flatten(read(locale))) {
        if (key.startsWith('export.')) expect(shape(message).every((s) => /^\{\w+\}$/.test(s)), `${locale} ${key}`).toBe(true);
      }
    }
  });

  it('a file for every locale, and no file for a locale Twofold does not list', () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...LOCALES].sort());
  });
});
