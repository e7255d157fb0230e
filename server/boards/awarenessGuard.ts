import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { CLOSE_CODES } from '../../lib/protocol';
import { SIZES, type Limits } from '../tunables';
import type { BoardConnection } from './boardTypes';

interface Entry {
  clientId: number;
  clock: number;
  json: Uint8Array;
}

type GuardLimits = Pick<Limits, 'maxAwarenessStateBytes' | 'maxAwarenessClientsPerConnection'>;

const utf8 = new TextDecoder();

/** Bytes of an entry besides its JSON: client id, clock and the JSON's length, as varints. */
const ENTRY_OVERHEAD_BYTES = 16;

/**
 * What a connection may announce as presence (awareness) on one board, checked before anything
 * is applied, kept or relayed:
 *
 * - Size: a state over `maxAwarenessStateBytes`, a message with more states than any client
 *   sends, or more client ids than one connection may announce close it (4422). A refused state
 *   is never parsed, so nothing of it stays in memory.
 * - Rate: past the connection's budget an update is dropped (presence is best-effort).
 * - Identity: a state must name its sender, `{}` (the stock provider's first state) or
 *   `{ user: { seat, name }, … }` with the connection's own seat and name, and only the person
 *   who first announced a client id may change or remove it. The stock provider sends every
 *   state it hears back to the server, the partner's included, so other people's states are
 *   not a refusal: they are dropped, and cannot reach anyone in the partner's name.
 */
export class AwarenessGuard {
  /** The person who announced each client id here. */
  private readonly owners = new Map<number, string>();
  /** Each person's client ids, oldest first: a reconnecting phone brings a new one each time. */
  private readonly idsOf = new Map<string, number[]>();
  /** Client ids each connection has announced so far. */
  private readonly claimed = new WeakMap<BoardConnection, number>();

  constructor(
    private readonly awareness: Awareness,
    private readonly limits: GuardLimits,
  ) {}

  /**
   * The part of `update` that `conn` may apply, or null (nothing to apply; a refused connection
   * has been closed). Throws on a malformed update, as applying it would.
   */
  admit(conn: BoardConnection, update: Uint8Array): Uint8Array | null {
    const maxState = this.limits.maxAwarenessStateBytes;
    const maxEntries = SIZES.maxAwarenessEntriesPerMessage;
    if (update.length > maxEntries * (maxState + ENTRY_OVERHEAD_BYTES)) return this.refuse(conn, 'awareness update too large');
    if (!conn.awarenessBudget.take()) return null;
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > maxEntries) return this.refuse(conn, 'too many awareness states');
    const kept: Entry[] = [];
    const claims: number[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarUint8Array(decoder);
      if (json.length > maxState) return this.refuse(conn, 'awareness state too large');
      const owner = this.owners.get(clientId);
      if (owner !== undefined && owner !== conn.participantId) continue; // someone else's, echoed back
      const state: unknown = JSON.parse(utf8.decode(json));
      if (!namesSender(state, conn.person)) continue; // not this person's presence: never applied or relayed
      if (owner === undefined) {
        if (state === null) continue; // removing an id nobody here announced
        if (!claims.includes(clientId)) claims.push(clientId);
      }
      kept.push({ clientId, clock, json });
    }
    const announced = (this.claimed.get(conn) ?? 0) + claims.length;
    if (announced > this.limits.maxAwarenessClientsPerConnection) return this.refuse(conn, 'too many awareness clients');
    if (claims.length > 0) {
      this.claimed.set(conn, announced);
      this.remember(conn.participantId, claims);
    }
    if (kept.length === 0) return null;
    return kept.length === count ? update : encodeEntries(kept);
  }

  /**
   * Records new ids and forgets a person's oldest ids that no longer have a state, with the clock
   * y-protocols keeps for them: otherwise reconnecting again and again would grow both maps for
   * as long as the board is loaded.
   */
  private remember(participantId: string, claims: number[]): void {
    const ids = this.idsOf.get(participantId) ?? [];
    for (const id of claims) {
      this.owners.set(id, participantId);
      ids.push(id);
    }
    for (let i = 0; ids.length > SIZES.maxAwarenessIdsRememberedPerPerson && i < ids.length; ) {
      const id = ids[i];
      if (this.awareness.states.has(id)) {
        i++;
        continue;
      }
      ids.splice(i, 1);
      this.owners.delete(id);
      this.awareness.meta.delete(id);
    }
    this.idsOf.set(participantId, ids);
  }

  private refuse(conn: BoardConnection, reason: string): null {
    conn.close(CLOSE_CODES.presenceRefused, reason);
    return null;
  }
}

/** A removal, the stock provider's first `{}`, or a state whose `user` is the sender (seat, and name if given). */
function namesSender(state: unknown, person: BoardConnection['person']): boolean {
  if (state === null) return true;
  if (typeof state !== 'object' || Array.isArray(state)) return false;
  const fields = state as Record<string, unknown>;
  if (Object.keys(fields).length === 0) return true;
  const user = fields.user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return false;
  const { seat, name } = user as Record<string, unknown>;
  return person.seat !== null && seat === person.seat && (name === undefined || name === person.name);
}

/** The y-protocols awareness update format: count, then client id, clock and JSON for each. */
function encodeEntries(entries: Entry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint8Array(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}
