import * as Y from 'yjs';
import { ENTRIES_KEY } from './schema';
import { ENTRY_FIELDS, idKey, type Place } from './schemaPlaces';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/**
 * What one update writes into entries, read once each of its structs is placed
 * (lib/board/updateInspector.ts): the author and the fields it sets in each map (by the map's
 * id), the entry maps it creates (by their key), and what it deletes. An entry must be whole
 * (exercise, column, author, createdAt, text) when it is created, and keeps every field until it
 * is deleted itself: a map that lost its author would belong to no one.
 */
export class FreshWrites {
  private readonly authors = new Map<string, unknown>();
  private readonly fields = new Map<string, Set<string>>();
  private readonly entries = new Map<string, Y.Item>();

  constructor(private readonly ds: DeleteSet) {}

  note(item: Y.Item, place: Place): void {
    if ('parent' in place && place.sub !== null) {
      const map = idKey(place.parent instanceof Y.Item ? place.parent.id : place.parent);
      if (place.sub === 'author' && item.content instanceof Y.ContentAny) this.authors.set(map, item.content.arr[0]);
      if (!(item.content instanceof Y.ContentDeleted) && !this.deletes(item.id)) {
        const set = this.fields.get(map) ?? new Set<string>();
        set.add(place.sub);
        this.fields.set(map, set);
      }
    }
    if ('root' in place && place.root === ENTRIES_KEY && place.sub !== null && item.content instanceof Y.ContentType) this.entries.set(place.sub, item);
  }

  /** The author this update gives the map with this id key. */
  authorOf(map: string): unknown {
    return this.authors.get(map);
  }

  /** The author this update gives the entry it creates under this key, if it creates one. */
  authorOfEntry(entryId: string): unknown {
    const item = this.entries.get(entryId);
    return item ? this.authors.get(idKey(item.id)) : null;
  }

  /** Whether this update sets every field of the map with this id key. */
  isWhole(map: string): boolean {
    const set = this.fields.get(map);
    return [...ENTRY_FIELDS].every((field) => set?.has(field));
  }

  /** Whether a field of a stored entry may go: the entry goes too, or the field gets a new value. */
  mayDropField(entry: Y.Item, field: string): boolean {
    return this.deletes(entry.id) || (this.fields.get(idKey(entry.id))?.has(field) ?? false);
  }

  deletes(id: Y.ID): boolean {
    return Y.isDeleted(this.ds, id);
  }
}
