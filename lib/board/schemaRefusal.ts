/**
 * Why an update was refused by the board's schema (lib/board/updateInspector.ts). The
 * reasons are for logs and tests; the client is told one close code (docs/API.md).
 */
export type SchemaReason =
  | 'unreadable' // does not decode as a Yjs update
  | 'missing' // refers to structs the board does not have (resync first)
  | 'root' // a root type the board does not have
  | 'shape' // a key or field the board does not have
  | 'depth' // nesting deeper than entry → text
  | 'type' // a value of the wrong type
  | 'exercise' // an entry for an exercise not on the agenda
  | 'too_many' // more entries, or structs, in one update than a phone ever sends
  | 'author'; // the partner's entry, link, marker or client id

export interface SchemaRefusal {
  reason: SchemaReason;
  detail: string;
}

export const refusal = (reason: SchemaReason, detail: string): SchemaRefusal => ({ reason, detail });

/** Thrown inside an inspection, caught at its edge (inspectUpdate). */
export class Violation extends Error {
  constructor(readonly refusal: SchemaRefusal) {
    super(refusal.reason);
  }
}
export const fail = (reason: SchemaReason, detail: string): never => {
  throw new Violation(refusal(reason, detail));
};
