import type { Seat } from '../../lib/protocol';
import { DEFAULT_LOCALE, isLocale } from '../../lib/i18n/locales';
import type { CoupleRow, DocStatsRow, ParticipantRow, WallItemRow, WallStatus, WorkshopRow } from './storeTypes';

/**
 * Rows as the databases return them (SQLite, and PostgreSQL with int8 parsed as a number:
 * the columns are the same), and their conversion to the store's types.
 */
export interface WorkshopRecord {
  code: string;
  title: string;
  host_key_hash: string;
  agenda: string;
  state: string;
  retention_days: number;
  locale: string;
  peak_online: number;
  created_at: number;
  expires_at: number;
}
export interface ParticipantRecord {
  id: string;
  workshop_code: string;
  name: string;
  token_hash: string;
  review_hash: string;
  couple_id: string | null;
  seat: Seat | null;
  created_at: number;
}
export interface CoupleRecord {
  id: string;
  workshop_code: string;
  pair_code: string;
  created_at: number;
  last_activity_at: number | null;
}
export interface DocStatsRecord {
  doc_name: string;
  couple_id: string;
  counts: string;
  updated_at: number;
}
export interface WallItemRecord {
  id: string;
  workshop_code: string;
  couple_id: string;
  item_key: string;
  entry_ref: string;
  text: string;
  proposed_by: Seat;
  status: WallStatus;
  created_at: number;
  updated_at: number;
}

export const toWorkshop = (r: WorkshopRecord): WorkshopRow => ({
  code: r.code,
  title: r.title,
  hostKeyHash: r.host_key_hash,
  agenda: JSON.parse(r.agenda),
  state: JSON.parse(r.state),
  retentionDays: r.retention_days,
  // Only the API writes this column, from LOCALES; a value this release does not know reads as the default.
  locale: isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
  peakOnline: r.peak_online,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});
export const fromWorkshop = (w: WorkshopRow) => ({
  code: w.code,
  title: w.title,
  hostKeyHash: w.hostKeyHash,
  agenda: JSON.stringify(w.agenda),
  state: JSON.stringify(w.state),
  retentionDays: w.retentionDays,
  locale: w.locale,
  peakOnline: w.peakOnline,
  createdAt: w.createdAt,
  expiresAt: w.expiresAt,
});
export const toParticipant = (r: ParticipantRecord): ParticipantRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  name: r.name,
  tokenHash: r.token_hash,
  reviewHash: r.review_hash,
  coupleId: r.couple_id,
  seat: r.seat,
  createdAt: r.created_at,
});
export const toCouple = (r: CoupleRecord): CoupleRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  pairCode: r.pair_code,
  createdAt: r.created_at,
  lastActivityAt: r.last_activity_at,
});
export const toDocStats = (r: DocStatsRecord): DocStatsRow => ({
  docName: r.doc_name,
  coupleId: r.couple_id,
  counts: JSON.parse(r.counts),
  updatedAt: r.updated_at,
});
export const toWallItem = (r: WallItemRecord): WallItemRow => ({
  id: r.id,
  workshopCode: r.workshop_code,
  coupleId: r.couple_id,
  itemKey: r.item_key,
  entryRef: r.entry_ref,
  text: r.text,
  proposedBy: r.proposed_by,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
