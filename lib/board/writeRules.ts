import type { Seat } from '../protocol/http';

/** What an update is read against (lib/board/updateInspector.ts): who writes, and into which agenda. */
export interface WriteRules {
  /** Who is writing; null for a stored update whose sender is unknown (schema only). */
  seat: Seat | null;
  /** Agenda item keys an entry may belong to; null accepts any well-formed key. */
  exercises: ReadonlySet<string> | null;
  /**
   * Yjs client ids already used by each seat on this doc. A struct under an id the partner
   * uses is refused (it would make Yjs ignore the partner's next edits); new ids are bound to
   * the writer once the update is accepted (`clientSeatsOf` rebuilds them from a loaded doc).
   */
  clientSeats?: Map<number, Seat>;
}
