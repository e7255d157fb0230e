/**
 * Why someone was sent back here from their board (/join/<code>?left=<reason>, see
 * app/w/[code]/useLeaveWhenRemoved.ts). The words are in messages (join.left.<reason>), gentle
 * on purpose: nobody did anything wrong.
 */
const REASONS = ['removed', 'unpaired', 'deleted'] as const;

export type LeaveReason = (typeof REASONS)[number];

export function leaveReason(reason: string | undefined): LeaveReason | null {
  return (REASONS as readonly string[]).includes(reason ?? '') ? (reason as LeaveReason) : null;
}
