/**
 * What the join page says to someone sent back here from their board
 * (/join/<code>?left=<reason>, see app/w/[code]/useLeaveWhenRemoved.ts).
 * Gentle on purpose: nobody did anything wrong.
 */
const MESSAGES = {
  removed: {
    title: 'You are no longer on this workshop’s list',
    body: 'The facilitator took this phone off the list. If that was a mistake, join again with your first name.',
  },
  unpaired: {
    title: 'Your pairing was undone',
    body: 'The facilitator changed the pairs. Start a board again, or join your partner with the code on their phone.',
  },
  deleted: {
    title: 'Your board was deleted',
    body: 'Nothing of it is kept on the server, not even your names, and the copy on this phone has been removed too.',
  },
} as const;

export type LeaveMessage = (typeof MESSAGES)[keyof typeof MESSAGES];

export function leaveMessage(reason: string | undefined): LeaveMessage | null {
  return reason && Object.hasOwn(MESSAGES, reason) ? MESSAGES[reason as keyof typeof MESSAGES] : null;
}
