/** Size limits shared by the UI (to warn early) and the server (to enforce). */
export const MAX_NAME_CHARS = 40;
export const MAX_TITLE_CHARS = 120;
export const MAX_ENTRY_CHARS = 2_000;
export const MAX_ENTRIES_PER_BOARD = 400;
/** Enough for a full agenda of custom exercises. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** The facilitator's note to every phone: one short line ("Two more minutes, then we gather"). */
export const MAX_ROOM_NOTE_CHARS = 140;
