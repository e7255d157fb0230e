import type { Seat } from '../../lib/protocol';
import type { AgendaItem } from '../../lib/catalogue/agenda';
import type { WorkshopState } from '../../lib/workshop/state';
import type { Locale } from '../../lib/i18n/locales';
import type { CohostStore } from './cohostStore';

export interface WorkshopRow {
  code: string;
  title: string;
  hostKeyHash: string;
  agenda: AgendaItem[];
  state: WorkshopState;
  /** Days the workshop is kept after it ends: 1, 7, 30 or 90. */
  retentionDays: number;
  /** The workshop's language (migration 0002; workshops from before it are 'en'). */
  locale: Locale;
  /** Most people online at once. */
  peakOnline: number;
  createdAt: number;
  /** Epoch ms after which the sweeper deletes the workshop and all it holds. */
  expiresAt: number;
}

export interface ParticipantRow {
  id: string;
  workshopCode: string;
  name: string;
  tokenHash: string;
  /** Hash of the personal review link's secret. */
  reviewHash: string;
  coupleId: string | null;
  seat: Seat | null;
  createdAt: number;
}

export interface CoupleRow {
  id: string;
  workshopCode: string;
  pairCode: string;
  createdAt: number;
  lastActivityAt: number | null;
}

/** Figures about one board doc, never its content: written entries per agenda item. */
export interface DocStatsRow {
  docName: string;
  coupleId: string;
  counts: Record<string, number>;
  updatedAt: number;
}

export type WallStatus = 'proposed' | 'declined' | 'queued' | 'approved' | 'removed';

/** An entry a couple chose to share with the room; `text` is a copy taken when it was proposed. */
export interface WallItemRow {
  id: string;
  workshopCode: string;
  coupleId: string;
  itemKey: string;
  entryRef: string;
  text: string;
  proposedBy: Seat;
  status: WallStatus;
  createdAt: number;
  updatedAt: number;
}

/** One person's answer to the closing pulse (migration 0003): a score of 1–5 and an optional word. */
export interface PulseRow {
  participantId: string;
  workshopCode: string;
  score: number;
  word: string | null;
  updatedAt: number;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the newest update read; compaction deletes up to it. */
  lastUpdateId: number;
}

/** Outcome of seating a participant in a couple: the store checks seats in one transaction. */
export type SeatResult =
  | { ok: true; couple: CoupleRow; seat: Seat }
  | { ok: false; reason: 'not_found' | 'couple_full' | 'already_paired' | 'cannot_pair_self' };

/**
 * Everything Twofold keeps. One interface so the embedded SQLite store and a
 * scaled-out backend are interchangeable; methods are async for that reason.
 */
export interface Store extends CohostStore {
  createWorkshop(row: WorkshopRow): Promise<void>;
  getWorkshop(code: string): Promise<WorkshopRow | null>;
  /** Stores the live state and when the workshop expires (it moves when the workshop ends). */
  saveWorkshopState(code: string, state: WorkshopState, expiresAt: number): Promise<void>;
  notePeakOnline(code: string, online: number): Promise<void>;
  /** Codes of workshops whose retention has run out at `now`. */
  listExpiredWorkshops(now: number): Promise<string[]>;
  /** Deletes a workshop and everything that belongs to it, then reclaims the space. */
  deleteWorkshop(code: string): Promise<void>;

  createParticipant(row: ParticipantRow): Promise<void>;
  getParticipant(id: string): Promise<ParticipantRow | null>;
  getParticipantByTokenHash(tokenHash: string): Promise<ParticipantRow | null>;
  getParticipantByReviewHash(reviewHash: string): Promise<ParticipantRow | null>;
  listParticipants(workshopCode: string): Promise<ParticipantRow[]>;
  /** Removes a participant; a couple left empty is deleted with its boards. */
  deleteParticipant(id: string): Promise<void>;

  /** Creates a couple with `participantId` in seat a. Fails if they already sit in one. */
  createCouple(couple: CoupleRow, participantId: string): Promise<SeatResult>;
  /** Seats `participantId` in the free seat of the couple with this pair code. */
  joinCoupleByPairCode(workshopCode: string, pairCode: string, participantId: string): Promise<SeatResult>;
  /** Facilitator pairs two unpaired participants: a new couple with both seats taken. */
  pairParticipants(couple: CoupleRow, participantIds: [string, string]): Promise<SeatResult>;
  getCouple(id: string): Promise<CoupleRow | null>;
  /** Who sits in a couple, seat a first. */
  listCoupleMembers(coupleId: string): Promise<ParticipantRow[]>;
  listCouples(workshopCode: string): Promise<CoupleRow[]>;
  /** Frees both seats and deletes the couple with its boards, stats and wall items, then reclaims the space. */
  deleteCouple(coupleId: string): Promise<void>;

  recordDocStats(row: DocStatsRow): Promise<void>;
  listDocStats(workshopCode: string): Promise<DocStatsRow[]>;

  createWallItem(row: WallItemRow): Promise<void>;
  getWallItem(id: string): Promise<WallItemRow | null>;
  setWallStatus(id: string, status: WallStatus, at: number): Promise<void>;
  listWallItems(workshopCode: string): Promise<WallItemRow[]>;

  /** Stores a person's pulse answer, replacing the one they gave before. */
  savePulse(row: PulseRow): Promise<void>;
  getPulse(participantId: string): Promise<PulseRow | null>;
  listPulse(workshopCode: string): Promise<PulseRow[]>;

  loadDoc(docName: string): Promise<StoredDoc>;
  /**
   * Durable when the promise resolves (the caller relays the update only after); resolves with
   * the row's id. Ids of a doc's rows grow in the order their appends were made one after the other.
   */
  appendUpdate(docName: string, update: Uint8Array): Promise<number>;
  /**
   * Appends several updates in one transaction, synchronously, for a store whose writes are
   * synchronous (SQLite): durable when it returns; returns the rows' ids in order. Boards use it
   * for group commit (server/boards/groupCommit.ts): a keystroke without a promise, many
   * keystrokes in one write.
   */
  appendUpdatesNow?(rows: { docName: string; update: Uint8Array }[]): number[];
  /**
   * Replaces updates up to `upToId` with one snapshot, atomically. A store shared by several
   * nodes also folds in the rows it deletes, since another node's update may be missing from
   * the caller's snapshot (pgDocs.ts).
   */
  compactDoc(docName: string, snapshot: Uint8Array, upToId: number): Promise<void>;
  /** Id of the newest stored update of a doc (0 if none). */
  lastUpdateId(docName: string): Promise<number>;

  /**
   * A cheap read that proves the store answers (the readiness check, /api/health/ready):
   * resolves with the schema version recorded in the database, rejects when it cannot read.
   */
  ping(): Promise<number>;

  close(): Promise<void>;
}
