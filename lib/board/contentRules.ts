import * as Y from 'yjs';
import { fail } from './schemaRefusal';
import { isKey, NOT_ONE_VALUE, onlyValue as valueOf, type Node } from './schemaPlaces';
import type { WriteRules } from './writeRules';

/** What each place of the board's schema may hold (see lib/board/updateInspector.ts). */

export function onlyValue(content: Y.Item['content']): unknown {
  const value = valueOf(content);
  return value === NOT_ONE_VALUE ? fail('type', 'a value that is not one primitive') : value;
}

export function checkContent(item: Y.Item, node: Node, rules: WriteRules): void {
  const content = item.content;
  if (content instanceof Y.ContentDeleted || node.kind === 'gone') return;
  switch (node.kind) {
    case 'entry':
      if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Map)) fail('type', 'an entry that is not a map');
      return;
    case 'text':
      if (!(content instanceof Y.ContentString)) fail('type', 'text that is not characters');
      return;
    case 'field':
      if (node.key === 'text') {
        if (!(content instanceof Y.ContentType) || !(content.type instanceof Y.Text)) fail('type', 'an entry text that is not text');
        return;
      }
      return checkField(node.key, onlyValue(content), rules);
    case 'link':
      if (!isKey(onlyValue(content))) fail('type', 'a link that is not an entry id');
      return;
    case 'marker': {
      const value = onlyValue(content);
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('type', 'a marker that is not a number');
    }
  }
}

function checkField(key: string, value: unknown, rules: WriteRules): void {
  if (key === 'author') {
    if (value !== 'a' && value !== 'b') fail('type', 'an author that is not a seat');
    if (rules.seat && value !== rules.seat) fail('author', "an entry in the partner's name");
  } else if (key === 'createdAt') {
    if (typeof value !== 'number' || !Number.isFinite(value)) fail('type', 'a time that is not a number');
  } else if (!isKey(value)) {
    fail('type', `a ${key} that is not an id`);
  } else if (key === 'exercise' && rules.exercises && !rules.exercises.has(value as string)) {
    fail('exercise', 'an entry for an exercise not on the agenda');
  }
}

