/** How long a workshop's data is kept after it ends; the facilitator chooses, 30 days unless told. */
export const RETENTION_DAYS = [1, 7, 30, 90] as const;
export type RetentionDays = (typeof RETENTION_DAYS)[number];
export const DEFAULT_RETENTION_DAYS: RetentionDays = 30;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A workshop nobody ended counts as ended one day after it was created. */
const UNENDED_AFTER_MS = DAY_MS;

/** When the sweeper deletes a workshop and everything that belongs to it. */
export function expiresAt(createdAt: number, endedAt: number | null, retentionDays: number): number {
  return (endedAt ?? createdAt + UNENDED_AFTER_MS) + retentionDays * DAY_MS;
}
