/* eslint-disable @typescript-eslint/no-explicit-any -- Yjs types are invariant in their event type: any type of the doc is an AbstractType<any> */
import fc from 'fast-check';
import * as Y from 'yjs';
import { addEntry, deleteEntry } from '../../lib/board/schema';

/**
 * Well-formed Yjs updates that break the board's schema at random (tests/integration/fuzz.test.ts):
 * fast-check arbitraries of operations on a Y.Doc — roots of any type and name, types nested at
 * random depths, values of every kind Yjs stores, entries with random fields, authors and
 * exercises, edits of entries already on the board (the partner's too), markers and links — and
 * an oracle that reads a replica's shape without the server's inspector.
 */

export type TypeSpec = { type: 'map' | 'array' | 'text' | 'xml'; children: ValueSpec[]; keys: string[] };
export type ValueSpec = { prim: unknown } | { bytes: Uint8Array } | TypeSpec;

export type Op =
  | { op: 'root'; kind: TypeSpec['type']; name: string; key: string; value: ValueSpec }
  | { op: 'entry'; id: string; exercise: string; column: string; author: string; text: string; extra: [string, ValueSpec][] }
  | { op: 'chain'; root: string; kind: 'map' | 'array'; depth: number }
  | { op: 'touch'; which: number; action: 'insert' | 'delete' | 'set' | 'remove' | 'deleteEntry'; key: string; value: ValueSpec; at: number; text: string }
  | { op: 'marker'; exercise: string; area: string; seat: string; position: unknown }
  | { op: 'link'; from: number; to: number };

export interface FuzzDoc {
  ops: Op[];
  /** Written under the partner's Yjs client id. */
  asPartner: boolean;
}

const SCHEMA_ROOTS = ['entries', 'links', 'markers'];
const FIELDS = ['exercise', 'column', 'author', 'createdAt', 'text'];

export function fuzzDocArbitrary(agenda: readonly string[]): fc.Arbitrary<FuzzDoc> {
  const name = fc.oneof(fc.constantFrom(...SCHEMA_ROOTS, ...FIELDS), fc.string({ maxLength: 6 }));
  const prim = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, null, true));
  const { value } = fc.letrec<{ value: ValueSpec; type: TypeSpec }>((tie) => ({
    value: fc.oneof({ maxDepth: 4 }, prim.map((p) => ({ prim: p })), fc.uint8Array({ maxLength: 8 }).map((bytes) => ({ bytes })), tie('type')),
    type: fc.record({ type: fc.constantFrom('map', 'array', 'text', 'xml'), children: fc.array(tie('value'), { maxLength: 3 }), keys: fc.array(name, { maxLength: 3 }) }),
  }));
  const exercise = fc.oneof(fc.constantFrom(...agenda), fc.string({ maxLength: 12 }));
  const seat = fc.oneof(fc.constantFrom('a', 'b'), fc.string({ maxLength: 2 }));
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('root' as const), kind: fc.constantFrom('map', 'array', 'text', 'xml'), name, key: name, value }),
    fc.record({
      op: fc.constant('entry' as const),
      id: fc.oneof(fc.uuid(), fc.string({ maxLength: 8 }), fc.constantFrom(`${agenda[0]}~q~b`, `${agenda[0]}~q~a`)),
      exercise,
      column: fc.oneof(fc.constantFrom('bring', 'need'), fc.string({ maxLength: 4 })),
      author: seat,
      text: fc.string({ maxLength: 20 }),
      extra: fc.array(fc.tuple(name, value), { maxLength: 2 }),
    }),
    fc.record({ op: fc.constant('chain' as const), root: name, kind: fc.constantFrom('map', 'array'), depth: fc.integer({ min: 1, max: 300 }) }),
    fc.record({
      op: fc.constant('touch' as const),
      which: fc.nat(),
      action: fc.constantFrom('insert', 'delete', 'set', 'remove', 'deleteEntry'),
      key: name,
      value,
      at: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 8 }),
    }),
    fc.record({ op: fc.constant('marker' as const), exercise, area: fc.constantFrom('money', 'home', ''), seat, position: fc.oneof(fc.double(), prim) }),
    fc.record({ op: fc.constant('link' as const), from: fc.nat(), to: fc.nat() }),
  );
  // Edits the app could make (they may still touch the partner's entries): so that fitting updates are common too.
  const appLike: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ op: fc.constant('entry' as const), id: fc.uuid(), exercise: fc.constantFrom(...agenda), column: fc.constantFrom('bring', 'need'), author: fc.constant('a'), text: fc.string({ maxLength: 20 }), extra: fc.constant<[string, ValueSpec][]>([]) }),
    fc.record({ op: fc.constant('touch' as const), which: fc.nat(), action: fc.constantFrom('insert', 'delete', 'deleteEntry'), key: fc.constant('text'), value: fc.constant({ prim: null }), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 8 }) }),
    fc.record({ op: fc.constant('marker' as const), exercise: fc.constantFrom(...agenda), area: fc.constantFrom('money', 'home'), seat: fc.constant('a'), position: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ op: fc.constant('link' as const), from: fc.nat(), to: fc.nat() }),
  );
  return fc.record({
    ops: fc.oneof(fc.array(op, { minLength: 1, maxLength: 4 }), fc.array(appLike, { minLength: 1, maxLength: 3 }), fc.array(fc.oneof(appLike, op), { minLength: 1, maxLength: 3 })),
    asPartner: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  });
}

function build(spec: ValueSpec): unknown {
  if ('prim' in spec) return spec.prim;
  if ('bytes' in spec) return spec.bytes;
  switch (spec.type) {
    case 'map': {
      const map = new Y.Map<unknown>();
      spec.children.forEach((child, i) => map.set(spec.keys[i] ?? `k${i}`, build(child)));
      return map;
    }
    case 'array': {
      const array = new Y.Array<unknown>();
      array.push(spec.children.map(build));
      return array;
    }
    case 'text':
      return new Y.Text(spec.keys.join('') || 'x');
    case 'xml': {
      const xml = new Y.XmlFragment();
      xml.insert(0, [new Y.XmlText('x')]);
      return xml;
    }
  }
}

function rootOf(doc: Y.Doc, kind: TypeSpec['type'], name: string): Y.AbstractType<any> {
  return kind === 'map' ? doc.getMap(name) : kind === 'array' ? doc.getArray(name) : kind === 'text' ? doc.getText(name) : doc.getXmlFragment(name);
}

function putInto(type: Y.AbstractType<any>, key: string, value: unknown): void {
  if (type instanceof Y.Map) type.set(key, value);
  else if (type instanceof Y.Array) type.push([value]);
  else if (type instanceof Y.Text) type.insert(0, typeof value === 'string' ? value : key || 'x');
  else if (type instanceof Y.XmlFragment) type.insert(0, [new Y.XmlText(key || 'x')]);
}

/** Entry ids of the doc in a fixed order, so a seed picks the same entry every run. */
const entryIds = (doc: Y.Doc) => [...doc.getMap('entries').keys()].sort();

function applyOp(doc: Y.Doc, op: Op): void {
  switch (op.op) {
    case 'root':
      return putInto(rootOf(doc, op.kind, op.name), op.key, build(op.value));
    case 'entry': {
      addEntry(doc, { id: op.id, exercise: op.exercise, column: op.column, author: op.author as 'a', createdAt: 1 }, op.text);
      const entry = doc.getMap('entries').get(op.id) as Y.Map<unknown>;
      for (const [key, value] of op.extra) entry.set(key, build(value));
      return;
    }
    case 'chain': {
      let top: Y.AbstractType<any> = op.kind === 'map' ? new Y.Map() : new Y.Array();
      putInto(doc.getMap(op.root), 'chain', top);
      for (let i = 0; i < op.depth; i++) {
        const next = op.kind === 'map' ? new Y.Map() : new Y.Array();
        putInto(top, 'm', next);
        top = next;
      }
      return;
    }
    case 'touch': {
      const ids = entryIds(doc);
      const id = ids[op.which % Math.max(1, ids.length)];
      const entry = id === undefined ? null : doc.getMap('entries').get(id);
      if (!(entry instanceof Y.Map)) return;
      const text = entry.get('text');
      if (op.action === 'insert' && text instanceof Y.Text) text.insert(op.at % (text.length + 1), op.text);
      else if (op.action === 'delete' && text instanceof Y.Text && text.length > 0) text.delete(op.at % text.length, 1);
      else if (op.action === 'set') entry.set(op.key, build(op.value));
      else if (op.action === 'remove') entry.delete(op.key);
      else if (op.action === 'deleteEntry') deleteEntry(doc, id!);
      return;
    }
    case 'marker':
      return void doc.getMap('markers').set(`${op.exercise}~${op.area}~${op.seat}`, op.position);
    case 'link': {
      const ids = entryIds(doc);
      if (ids.length > 0) doc.getMap('links').set(ids[op.from % ids.length]!, ids[op.to % ids.length]!);
    }
  }
}

/** Applies every operation; those Yjs itself refuses (a root of another type under a taken name) are skipped. */
export function applyOps(doc: Y.Doc, ops: Op[]): void {
  for (const op of ops) {
    try {
      applyOp(doc, op);
    } catch {
      // Yjs throws before it changes anything for these.
    }
  }
}

/**
 * Everything in a replica that breaks the board's schema, read from its types directly (not with
 * the server's inspector, whose blind spots this must catch): roots, entry fields and their types,
 * text content, links, markers, exercises on the agenda.
 */
export function schemaProblems(doc: Y.Doc, agenda: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const name of doc.share.keys()) if (!SCHEMA_ROOTS.includes(name)) problems.push(`root ${JSON.stringify(name)}`);
  const listItems = (type: Y.AbstractType<any>) => {
    const out: Y.Item[] = [];
    for (let item = type._start; item !== null; item = item.right) if (!item.deleted) out.push(item);
    return out;
  };
  for (const name of SCHEMA_ROOTS) if (doc.share.has(name) && listItems(doc.getMap(name)).length > 0) problems.push(`list content in ${name}`);
  for (const [id, entry] of doc.getMap('entries')) {
    if (!(entry instanceof Y.Map)) {
      problems.push(`entry ${id} is not a map`);
      continue;
    }
    if (listItems(entry).length > 0) problems.push(`list content in entry ${id}`);
    for (const [key, value] of entry) {
      if (!FIELDS.includes(key)) problems.push(`entry ${id} has ${key}`);
      else if (key === 'text') {
        if (!(value instanceof Y.Text)) problems.push(`entry ${id} text is not text`);
        else for (const item of listItems(value)) if (!(item.content instanceof Y.ContentString)) problems.push(`entry ${id} text holds ${item.content.constructor.name}`);
      } else if (value instanceof Y.AbstractType || value instanceof Uint8Array || (value !== null && typeof value === 'object')) problems.push(`entry ${id} ${key} is not a primitive`);
    }
    if (entry.get('author') !== 'a' && entry.get('author') !== 'b') problems.push(`entry ${id} author ${String(entry.get('author'))}`);
    if (!agenda.has(String(entry.get('exercise')))) problems.push(`entry ${id} exercise ${String(entry.get('exercise'))}`);
  }
  for (const [need, bring] of doc.getMap('links')) if (typeof bring !== 'string') problems.push(`link ${need} is not an id`);
  for (const [key, position] of doc.getMap('markers')) {
    if (typeof position !== 'number' || !Number.isFinite(position)) problems.push(`marker ${key} is not a number`);
    if (!agenda.has(key.split('~')[0]!)) problems.push(`marker ${key} not on the agenda`);
  }
  return problems;
}
