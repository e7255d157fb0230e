/**
 * Everything the pages say aloud through the Announcer (app/_components/Announcer.tsx):
 * where the person is once a page has loaded, and the status changes that happen out of
 * sight. English, with ICU-style {placeholders}, kept in one place so it moves into the
 * message catalogue as it is. Worded apart from the lines on screen (the live region is in
 * the page too, and a search for "Ana is ready" should find the one people see).
 */
export const ANNOUNCEMENTS = {
  // Where the person is.
  joinName: 'You’re joining {workshop}. Type your first name to go on.',
  joinChoice: 'Joining {workshop} as {name}: start your board, or join your partner’s.',
  joinEnded: '{workshop} has ended.',
  joinNotFound: 'No workshop has this code.',
  boardLobby: 'You’re in {workshop}. The first exercise opens here when the facilitator starts.',
  boardExercise: 'Exercise {number} of {total}: {exercise}.',
  boardEnded: '{workshop} has ended. Your board stays readable at your own link.',
  consoleLobby: 'Facilitator console for {workshop}, in the lobby: couples are joining.',
  consoleExercise: 'On every phone now: exercise {number} of {total}, {exercise}.',
  consoleEnded: '{workshop} has ended for everyone.',
  // What changed.
  partnerJoined: '{partner} joined your board.',
  partnerReady: '{partner} is done writing and ready.',
  partnerNotReady: '{partner} is not ready yet.',
  revealed: 'Revealed: both sides show now.',
  timesUp: 'Time’s up — finish your thought.',
  consoleTimesUp: 'Time’s up on every phone.',
  connectionLost: 'Connection lost. Your changes are kept on this phone.',
  connectionBack: 'Connected again. Your changes are syncing.',
  consoleConnectionLost: 'Connection lost. Reconnecting; the console may be out of date.',
  consoleConnectionBack: 'Live again.',
} as const;

export type AnnouncementKey = keyof typeof ANNOUNCEMENTS;

/** Fills an announcement's {placeholders}; an unknown one stays as written, so a gap is heard, not hidden. */
export function announcement(key: AnnouncementKey, values: Record<string, string | number> = {}): string {
  return ANNOUNCEMENTS[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
