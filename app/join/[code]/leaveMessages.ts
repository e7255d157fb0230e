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

/** Who took the board away (`&by=`, from `self:removed`); only a deletion has words of its own per side. */
const DELETED_BY = ['you', 'partner', 'facilitator'] as const;

export type DeletedBy = (typeof DELETED_BY)[number];

export function deletedBy(by: string | undefined): DeletedBy | null {
  return (DELETED_BY as readonly string[]).includes(by ?? '') ? (by as DeletedBy) : null;
}
