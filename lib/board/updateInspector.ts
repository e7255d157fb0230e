import * as Y from 'yjs';
import type { Seat } from '../protocol/http';
import { MAX_ENTRIES_PER_BOARD } from '../limits';
import { ENTRIES_KEY, LINKS_KEY, MARKERS_KEY } from './schema';
import { refusal, type SchemaRefusal } from './schemaRefusal';

/**
 * Reads a Yjs update against the doc it would be applied to, before anything
 * is stored, relayed or applied, and says whether it keeps the board's schema
 * (lib/board/schema.ts) and its authorship:
 *
 *   entries (map root) ─ <entryId>: Y.Map ─ exercise | column | author | createdAt: primitives
 *                                          └ text: Y.Text ─ characters
 *   links   (map root) ─ <needId>: the id of the partner's entry that meets it
 *   markers (map root) ─ <exercise>~<area>~<seat>: a number in [0, 1]
 *
 * Nothing else: no other roots, types or nesting, so what a doc costs is bounded by its
 * entries, not by what a crafted update can express (70,000 root types, maps 20,000 deep).
 * With a seat, every struct the update adds or deletes must belong to that seat: its own
 * entries (by their `author`), links from its own needs, its own markers. The partner's
 * words can be read, never changed, deleted or imitated.
 *
 * Cost: one pass over the update's structs (origins resolved iteratively, memoised), and
 * for deletions one pass over the doc's structs in the deleted ranges.
 */

export interface WriteRules {
  /** Who is writing; null for a stored update whose sender is unknown (schema only). */
  seat: Seat | null;
  /** Agenda item keys an entry may belong to; null accepts any well-formed key. */
  exercises: ReadonlySet<string> | null;
  /**
   * Yjs client ids already used by each seat on this doc. A struct under an id the partner
   * uses is refused (it would make Yjs ignore the partner's next edits); new ids are bound to
   * the writer once the update is accepted (see `bindClients`).
   */
  clientSeats?: Map<number, Seat>;
}

export type Verdict = { ok: true } | { ok: false; refusal: SchemaRefusal };

const ROOTS = new Set([ENTRIES_KEY, LINKS_KEY, MARKERS_KEY]);
const FIELDS = new Set(['exercise', 'column', 'author', 'createdAt', 'text']);
const MAX_KEY_CHARS = 128;

/** Where a struct sits in the schema, and whose it is. */
type Node =
  | { kind: 'entry'; entryId: string }
  | { kind: 'field'; container: Container; key: string }
  | { kind: 'text'; container: Container }
  | { kind: 'link'; needId: string }
  | { kind: 'marker'; key: string }
  /** Next to a struct Yjs has collected: Yjs drops it on arrival, so nothing to check. */
  | { kind: 'gone' };

/** An entry's map: as stored in the doc, or created by this update. */
type Container = { doc: Y.Item } | { fresh: string };

type Place = { root: string; sub: string | null } | { parent: Y.Item | Y.ID; sub: string | null };

class Violation extends Error {
  constructor(readonly refusal: SchemaRefusal) {
    super(refusal.reason);
  }
}
const fail = (reason: SchemaRefusal['reason'], detail: string): never => {
  throw new Violation(refusal(reason, detail));
};

const idKey = (id: Y.ID) => `${id.client}:${id.clock}`;

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, rules: WriteRules): Verdict {
  try {
    const clients = new Inspection(doc, rules).run(update);
    if (rules.seat && rules.clientSeats) for (const client of clients) rules.clientSeats.set(client, rules.seat);
    return { ok: true };
  } catch (err) {
    if (err instanceof Violation) return { ok: false, refusal: err.refusal };
    return { ok: false, refusal: refusal('unreadable', 'the update does not decode') };
  }
}

class Inspection {
  private readonly structs = new Map<number, Y.Item[]>();
  private readonly fresh = new Set<Y.Item>();
  /** Fresh entry maps by their key in `entries`. */
  private readonly freshEntries = new Map<string, Y.Item>();
  private readonly places = new Map<string, Place>();
  private readonly nodes = new Map<string, Node>();
  /** Authors written by this update, per fresh entry map (its id key). */
  private readonly freshAuthors = new Map<string, unknown>();
  private readonly entries: Y.Map<unknown>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly rules: WriteRules,
  ) {
    this.entries = doc.getMap(ENTRIES_KEY);
  }

  /** Returns the client ids the update writes under. */
  run(update: Uint8Array): number[] {
    const { structs, ds } = Y.decodeUpdate(update);
    const items = structs.filter((s): s is Y.Item => s instanceof Y.Item);
    const clients = [...new Set(items.map((item) => item.id.client))];
    const bound = this.rules.clientSeats;
    if (this.rules.seat && bound) for (const client of clients) if ((bound.get(client) ?? this.rules.seat) !== this.rules.seat) fail('author', "writing under the partner's client id");
    for (const item of items) {
      this.fresh.add(item);
      const list = this.structs.get(item.id.client) ?? [];
      list.push(item);
      this.structs.set(item.id.client, list);
    }
    for (const item of items) this.placeOf(item);
    for (const item of items) {
      const place = this.places.get(idKey(item.id))!;
      if ('parent' in place && place.sub === 'author' && item.content instanceof Y.ContentAny) {
        this.freshAuthors.set(idKey(place.parent instanceof Y.Item ? place.parent.id : place.parent), item.content.arr[0]);
      }
      if ('root' in place && place.root === ENTRIES_KEY && place.sub !== null && item.content instanceof Y.ContentType) this.freshEntries.set(place.sub, item);
    }
    let freshEntries = 0;
    for (const item of items) {
      const node = this.nodeOf(item);
      this.checkContent(item, node);
      if (node.kind === 'entry' && item.content instanceof Y.ContentType) freshEntries++;
      this.checkWrite(item, node);
    }
    if (freshEntries > MAX_ENTRIES_PER_BOARD) fail('too_many', `${freshEntries} entries in one update`);
    for (const [client, ranges] of ds.clients) for (const range of ranges) this.checkDeletion(client, range.clock, range.len);
    return clients;
  }

  // ---- where a struct sits -------------------------------------------------

  /** A struct of this update, or of the doc, holding the given id; null if neither has it. */
  private find(id: Y.ID): Y.Item | { fresh: Y.Item } | 'gone' | null {
    const fresh = this.structs.get(id.client);
    if (fresh) {
      const hit = fresh.find((s) => s.id.clock <= id.clock && id.clock < s.id.clock + s.length);
      if (hit) return { fresh: hit };
    }
    if (Y.getState(this.doc.store, id.client) <= id.clock) return null;
    const struct = Y.getItem(this.doc.store, id);
    return struct instanceof Y.Item ? struct : 'gone';
  }

  /** An update struct's parent: written in it, or that of its origin (resolved without recursion). */
  private placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    for (;;) {
      const known = this.places.get(idKey(current.id));
      if (known) return this.settle(chain, known);
      const parent = current.parent as unknown;
      if (typeof parent === 'string') return this.settle([...chain, current], { root: parent, sub: current.parentSub });
      if (parent instanceof Y.ID) return this.settle([...chain, current], { parent, sub: current.parentSub });
      const originId = current.origin ?? current.rightOrigin;
      if (!originId) fail('unreadable', 'a struct without parent or origin');
      const origin = this.find(originId!);
      if (!origin) fail('missing', 'a struct whose neighbour the board does not have');
      chain.push(current);
      if (origin === 'gone') return this.settle(chain, GONE);
      if (origin instanceof Y.Item) return this.settle(chain, docPlace(origin));
      current = (origin as { fresh: Y.Item }).fresh;
    }
  }

  private settle(chain: Y.Item[], place: Place): Place {
    for (const item of chain) this.places.set(idKey(item.id), place);
    return place;
  }

  /** `depth` counts the containers above: the schema has two (entry, text), so the walk up is short. */
  private nodeOf(item: Y.Item, depth = 0): Node {
    const key = idKey(item.id);
    const known = this.nodes.get(key);
    if (known) return known;
    if (depth > 2) fail('depth', 'nesting the board does not have');
    const node = this.classify(this.fresh.has(item) ? this.placeOf(item) : docPlace(item), depth);
    this.nodes.set(key, node);
    return node;
  }

  private classify(place: Place, depth: number): Node {
    const sub = place.sub;
    if (place === GONE) return { kind: 'gone' };
    if ('root' in place) {
      if (!ROOTS.has(place.root)) fail('root', 'a root the board does not have');
      if (sub === null || sub.length > MAX_KEY_CHARS) fail('shape', 'a root entry without a fitting key');
      if (place.root === ENTRIES_KEY) return { kind: 'entry', entryId: sub! };
      if (place.root === LINKS_KEY) return { kind: 'link', needId: sub! };
      return { kind: 'marker', key: sub! };
    }
    const parent = place.parent instanceof Y.Item ? place.parent : this.find(place.parent);
    if (!parent) fail('missing', 'a struct whose parent the board does not have');
    if (parent === 'gone') return { kind: 'gone' };
    const container: Container = parent instanceof Y.Item ? { doc: parent } : { fresh: idKey((parent as { fresh: Y.Item }).fresh.id) };
    const parentItem = parent instanceof Y.Item ? parent : (parent as { fresh: Y.Item }).fresh;
    const above = this.nodeOf(parentItem, depth + 1);
    if (above.kind === 'gone') return above;
    if (above.kind === 'entry') {
      if (sub === null || !FIELDS.has(sub)) fail('shape', 'an entry field the board does not have');
      return { kind: 'field', container, key: sub! };
    }
    if (above.kind === 'field' && above.key === 'text' && sub === null) return { kind: 'text', container: above.container };
    return fail('depth', 'nesting the board does not have');
  }

  // ---- what a struct holds -------------------------------------------------

  private checkContent(item: Y.Item, node: Node): void {
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
        return this.checkField(node.key, onlyValue(content));
      case 'link':
        if (!isKey(onlyValue(content))) fail('type', 'a link that is not an entry id');
        return;
      case 'marker': {
        const value = onlyValue(content);
        if (typeof value !== 'number' || !Number.isFinite(value)) fail('type', 'a marker that is not a number');
      }
    }
  }

  private checkField(key: string, value: unknown): void {
    if (key === 'author') {
      if (value !== 'a' && value !== 'b') fail('type', 'an author that is not a seat');
      if (this.rules.seat && value !== this.rules.seat) fail('author', "an entry in the partner's name");
    } else if (key === 'createdAt') {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail('type', 'a time that is not a number');
    } else if (!isKey(value)) {
      fail('type', `a ${key} that is not an id`);
    } else if (key === 'exercise' && this.rules.exercises && !this.rules.exercises.has(value as string)) {
      fail('exercise', 'an entry for an exercise not on the agenda');
    }
  }

  // ---- whose it is ---------------------------------------------------------

  private checkWrite(item: Y.Item, node: Node): void {
    const seat = this.rules.seat;
    if (!seat || node.kind === 'gone') return;
    switch (node.kind) {
      case 'entry': {
        const replaced = this.docAuthorOf(node.entryId);
        if (replaced !== null && replaced !== seat) fail('author', "replacing the partner's entry");
        if (item.content instanceof Y.ContentType && this.freshAuthors.get(idKey(item.id)) !== seat) fail('author', 'an entry without its author');
        return;
      }
      case 'field':
      case 'text':
        return this.requireOwner(node.container);
      case 'link': {
        const need = this.docAuthorOf(node.needId) ?? this.freshAuthorOfKey(node.needId);
        if (need !== seat) fail('author', "a link from the partner's need");
        return;
      }
      case 'marker':
        if (!node.key.endsWith(`~${seat}`)) fail('author', "the partner's marker");
    }
  }

  private checkDeletion(client: number, clock: number, len: number): void {
    const seat = this.rules.seat;
    const structs = this.doc.store.clients.get(client);
    if (!seat || !structs) return;
    for (let i = firstAtOrAfter(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) {
      const struct = structs[i]!;
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const node = this.nodeOf(struct);
      if (node.kind === 'gone') continue;
      if (node.kind === 'entry') {
        if (authorOfMap(struct) !== seat) fail('author', "deleting the partner's entry");
      } else if (node.kind === 'field' || node.kind === 'text') {
        this.requireOwner(node.container);
      } else if (node.kind === 'link') {
        const bring = onlyValue(struct.content);
        const owners = [this.docAuthorOf(node.needId), typeof bring === 'string' ? this.docAuthorOf(bring) : null];
        if (!owners.includes(seat)) fail('author', "deleting the partner's link");
      } else if (!node.key.endsWith(`~${seat}`)) {
        fail('author', "deleting the partner's marker");
      }
    }
  }

  private requireOwner(container: Container): void {
    const owner = 'doc' in container ? authorOfMap(container.doc) : this.freshAuthors.get(container.fresh);
    if (owner !== this.rules.seat) fail('author', "changing the partner's entry");
  }

  /** The author of the entry stored under this id, if the doc has one. */
  private docAuthorOf(entryId: string): Seat | null {
    const entry = this.entries.get(entryId);
    const author = entry instanceof Y.Map ? entry.get('author') : null;
    return author === 'a' || author === 'b' ? author : null;
  }

  private freshAuthorOfKey(entryId: string): unknown {
    const item = this.freshEntries.get(entryId);
    return item ? this.freshAuthors.get(idKey(item.id)) : null;
  }
}

const GONE: Place = { root: '', sub: null };

/** Where a struct already in the doc sits: Yjs resolved its parent when it was integrated. */
function docPlace(item: Y.Item): Place {
  const parent = item.parent as Y.AbstractType<unknown>;
  if (parent._item === null) return { root: Y.findRootTypeKey(parent), sub: item.parentSub };
  return { parent: parent._item, sub: item.parentSub };
}

function authorOfMap(item: Y.Item): unknown {
  return item.content instanceof Y.ContentType && item.content.type instanceof Y.Map ? item.content.type.get('author') : null;
}

function onlyValue(content: Y.Item['content']): unknown {
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return fail('type', 'a value that is not one primitive');
  return content.arr[0];
}

const isKey = (value: unknown): boolean => typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_CHARS;

/** Index of the first struct that ends after `clock` (structs are sorted by clock and do not overlap). */
function firstAtOrAfter(structs: (Y.Item | Y.GC)[], clock: number): number {
  let lo = 0;
  let hi = structs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid]!;
    if (s.id.clock + s.length <= clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
