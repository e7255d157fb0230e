import * as Y from 'yjs';
import type { Seat } from '../protocol/http';
import { MAX_ENTRIES_PER_BOARD } from '../limits';
import { ENTRIES_KEY, LINKS_KEY } from './schema';
import { checkContent, onlyValue } from './contentRules';
import { fail, refusal, Violation, type SchemaRefusal } from './schemaRefusal';
import { FreshWrites } from './freshWrites';
import { MAX_STRUCTS_PER_UPDATE, prescanUpdate } from './updatePrescan';
import type { WriteRules } from './writeRules';
import { authorOfMap, BOARD_ROOTS, docPlace, ENTRY_FIELDS, firstAtOrAfter, GONE, idKey, integrableEnd, isAnswerIdOfOther, markerExercise, MAX_KEY_CHARS, type Container, type Node, type Place } from './schemaPlaces';

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
 * entries (by their `author`, an answer's id naming it), links from its own needs, its own
 * markers; no struct, collected ones included, under the partner's client id, and no deletion
 * of clocks the doc does not hold yet. The partner's words can be read, never changed, deleted
 * or imitated.
 *
 * Cost: a walk over the bytes that refuses foreign places before Yjs decodes anything
 * (updatePrescan.ts); then one pass over the structs (origins resolved iteratively, memoised),
 * the schema before authorship, and for deletions one over the doc's structs in their ranges.
 */

export type { WriteRules };

export type Verdict = { ok: true } | { ok: false; refusal: SchemaRefusal };

export function inspectUpdate(doc: Y.Doc, update: Uint8Array, rules: WriteRules): Verdict {
  const early = prescanUpdate(update, rules.seat ? MAX_STRUCTS_PER_UPDATE : undefined); // before Yjs decodes it: crafted bytes cost no objects
  if (early) return { ok: false, refusal: early };
  try {
    const clients = new Inspection(doc, rules).run(update);
    if (rules.seat && rules.clientSeats) for (const client of clients) rules.clientSeats.set(client, rules.seat);
    return { ok: true };
  } catch (err) {
    if (err instanceof Violation) return { ok: false, refusal: err.refusal };
    return { ok: false, refusal: refusal('unreadable', 'the update does not decode') };
  }
}

/**
 * Which seat each Yjs client id of a loaded doc has written as (its first struct that has an
 * owner tells): the binding `WriteRules.clientSeats` starts from.
 */
export function clientSeatsOf(doc: Y.Doc): Map<number, Seat> {
  const inspection = new Inspection(doc, { seat: null, exercises: null });
  const seats = new Map<number, Seat>();
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      const owner = struct instanceof Y.Item ? inspection.ownerOf(struct) : null;
      if (owner) {
        seats.set(client, owner);
        break;
      }
    }
  }
  return seats;
}

class Inspection {
  private readonly structs = new Map<number, Y.Item[]>();
  private readonly fresh = new Set<Y.Item>();
  private readonly places = new Map<Y.Item, Place>();
  private readonly nodes = new Map<Y.Item, Node>();
  /** Structs placed by the one before share its place, so 100,000 typed characters are classified once. */
  private readonly placeNodes = new Map<Place, Node>();
  private writes: FreshWrites | null = null;
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
    // Collected structs (Y.GC) hold clocks too: one under the partner's id makes Yjs skip the partner's next edits.
    const clients = [...new Set(structs.filter((s) => s instanceof Y.Item || s instanceof Y.GC).map((s) => s.id.client))];
    const bound = this.rules.clientSeats;
    if (this.rules.seat && bound) for (const client of clients) if ((bound.get(client) ?? this.rules.seat) !== this.rules.seat) fail('author', "writing under the partner's client id");
    for (const item of items) {
      this.fresh.add(item);
      const list = this.structs.get(item.id.client) ?? [];
      list.push(item);
      this.structs.set(item.id.client, list);
    }
    for (const list of this.structs.values()) list.sort((x, y) => x.id.clock - y.id.clock);
    // The schema first, struct by struct: a crafted update stops at its first foreign struct.
    let freshEntries = 0;
    for (const item of items) {
      const node = this.nodeOf(item);
      checkContent(item, node, this.rules);
      if (node.kind === 'entry' && item.content instanceof Y.ContentType) freshEntries++;
    }
    // Then whose it is: a fresh entry's author is known once every struct is placed.
    const writes = (this.writes = new FreshWrites(ds));
    for (const item of items) writes.note(item, this.places.get(item)!);
    for (const item of items) this.checkWrite(item, this.nodeOf(item));
    if (freshEntries > MAX_ENTRIES_PER_BOARD) fail('too_many', `${freshEntries} entries in one update`);
    // A deletion of clocks neither the doc nor this update holds would wait in Yjs and hit whatever comes there next.
    for (const [client, ranges] of ds.clients) {
      const known = integrableEnd(Y.getState(this.doc.store, client), structs, client);
      for (const { clock, len } of ranges) {
        if (clock + len > known) fail('missing', 'a deletion of structs the board does not have');
        this.checkDeletion(client, clock, len);
      }
    }
    return clients;
  }

  // ---- where a struct sits -------------------------------------------------

  /** A struct of this update, or of the doc, holding the given id; null if neither has it. */
  private find(id: Y.ID): Y.Item | { fresh: Y.Item } | 'gone' | null {
    const fresh = this.structs.get(id.client);
    // A binary search: a scan would make 100,000 structs each placed by the one before cost 28 s.
    const hit = fresh?.[firstAtOrAfter(fresh, id.clock)];
    if (hit && hit.id.clock <= id.clock) return { fresh: hit };
    if (Y.getState(this.doc.store, id.client) <= id.clock) return null;
    const struct = Y.getItem(this.doc.store, id);
    return struct instanceof Y.Item ? struct : 'gone';
  }

  /** An update struct's parent: written in it, or that of its origin (resolved without recursion). */
  private placeOf(item: Y.Item): Place {
    const chain: Y.Item[] = [];
    let current: Y.Item = item;
    for (;;) {
      const known = this.places.get(current);
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
    for (const item of chain) this.places.set(item, place);
    return place;
  }

  /** `depth` counts the containers above: the schema has two (entry, text), so the walk up is short. */
  private nodeOf(item: Y.Item, depth = 0): Node {
    const known = this.nodes.get(item);
    if (known) return known;
    if (depth > 2) fail('depth', 'nesting the board does not have');
    const place = this.fresh.has(item) ? this.placeOf(item) : docPlace(item);
    const node = this.placeNodes.get(place) ?? this.classify(place, depth);
    this.placeNodes.set(place, node);
    this.nodes.set(item, node);
    return node;
  }

  private classify(place: Place, depth: number): Node {
    const sub = place.sub;
    if (place === GONE) return { kind: 'gone' };
    if ('root' in place) {
      if (!BOARD_ROOTS.has(place.root)) fail('root', 'a root the board does not have');
      if (sub === null || sub.length > MAX_KEY_CHARS) fail('shape', 'a root entry without a fitting key');
      if (place.root === ENTRIES_KEY) return { kind: 'entry', entryId: sub! };
      if (place.root === LINKS_KEY) return { kind: 'link', needId: sub! };
      return { kind: 'marker', key: sub! };
    }
    const parent = place.parent instanceof Y.Item ? place.parent : this.find(place.parent);
    if (!parent) fail('missing', 'a struct whose parent the board does not have');
    // Into a collected or deleted type (another device of the writer deleted the entry meanwhile):
    // Yjs deletes such a struct as it integrates it, so it changes nothing anyone can see.
    if (parent === 'gone' || (parent instanceof Y.Item && parent.deleted)) return { kind: 'gone' };
    const container: Container = parent instanceof Y.Item ? { doc: parent } : { fresh: idKey((parent as { fresh: Y.Item }).fresh.id) };
    const parentItem = parent instanceof Y.Item ? parent : (parent as { fresh: Y.Item }).fresh;
    const above = this.nodeOf(parentItem, depth + 1);
    if (above.kind === 'gone') return above;
    if (above.kind === 'entry') {
      if (sub === null || !ENTRY_FIELDS.has(sub)) fail('shape', 'an entry field the board does not have');
      return { kind: 'field', container, key: sub! };
    }
    if (above.kind === 'field' && above.key === 'text' && sub === null) return { kind: 'text', container: above.container };
    return fail('depth', 'nesting the board does not have');
  }

  // ---- whose it is ---------------------------------------------------------

  private checkWrite(item: Y.Item, node: Node): void {
    const seat = this.rules.seat;
    if (!seat || node.kind === 'gone') return;
    switch (node.kind) {
      case 'entry': {
        const replaced = this.docAuthorOf(node.entryId);
        if (replaced !== null && replaced !== seat) fail('author', "replacing the partner's entry");
        // An answer's id names its author (`answerEntryId`): taking the partner's first would put words under their answer.
        if (isAnswerIdOfOther(node.entryId, seat)) fail('author', "an entry under the partner's answer id");
        if (item.content instanceof Y.ContentType && this.writes!.authorOf(idKey(item.id)) !== seat) fail('author', 'an entry without its author');
        if (item.content instanceof Y.ContentType && !this.writes!.isWhole(idKey(item.id))) fail('shape', 'an entry without all its fields');
        return;
      }
      case 'field':
      case 'text': {
        this.requireOwner(node.container);
        // A value that is gone on arrival still takes its key's place: the field it replaces goes with it.
        const drops = node.kind === 'field' && 'doc' in node.container && (item.content instanceof Y.ContentDeleted || this.writes!.deletes(item.id));
        if (drops && !this.writes!.mayDropField((node.container as { doc: Y.Item }).doc, node.key)) fail('shape', 'an entry without one of its fields');
        return;
      }
      case 'link': {
        // A link belongs to its need; one from a need no longer there (deleted meanwhile) shows nowhere.
        const need = this.docAuthorOf(node.needId) ?? this.writes!.authorOfEntry(node.needId);
        if (need !== null && need !== undefined && need !== seat) fail('author', "a link from the partner's need");
        return;
      }
      case 'marker':
        if (!node.key.endsWith(`~${seat}`)) fail('author', "the partner's marker");
        // The console counts markers by the exercise their key names (countByExercise): agenda items only.
        if (this.rules.exercises && !this.rules.exercises.has(markerExercise(node.key))) fail('exercise', 'a marker for an exercise not on the agenda');
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
        if (node.kind === 'field' && 'doc' in node.container && !this.writes!.mayDropField(node.container.doc, node.key)) fail('shape', 'an entry without one of its fields');
      } else if (node.kind === 'link') {
        const bring = onlyValue(struct.content);
        const owners = [this.docAuthorOf(node.needId), typeof bring === 'string' ? this.docAuthorOf(bring) : null];
        if (owners.some((o) => o !== null) && !owners.includes(seat)) fail('author', "deleting the partner's link");
      } else if (!node.key.endsWith(`~${seat}`)) {
        fail('author', "deleting the partner's marker");
      }
    }
  }

  /** The seat a struct of the doc belongs to, if it has one (null for junk or collected structs). */
  ownerOf(item: Y.Item): Seat | null {
    try {
      const node = this.nodeOf(item);
      const owner =
        node.kind === 'entry' ? authorOfMap(item)
        : node.kind === 'field' || node.kind === 'text' ? ('doc' in node.container ? authorOfMap(node.container.doc) : null)
        : node.kind === 'link' ? this.docAuthorOf(node.needId)
        : node.kind === 'marker' ? node.key.slice(-1)
        : null;
      return owner === 'a' || owner === 'b' ? owner : null;
    } catch {
      return null;
    }
  }

  private requireOwner(container: Container): void {
    const owner = 'doc' in container ? authorOfMap(container.doc) : this.writes!.authorOf(container.fresh);
    if (owner !== this.rules.seat) fail('author', "changing the partner's entry");
  }

  /** The author of the entry stored under this id, if the doc has one. */
  private docAuthorOf(entryId: string): Seat | null {
    const entry = this.entries.get(entryId);
    const author = entry instanceof Y.Map ? entry.get('author') : null;
    return author === 'a' || author === 'b' ? author : null;
  }
}

