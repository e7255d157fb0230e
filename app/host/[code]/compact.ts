/**
 * The console on a phone (≤ 480 px wide, `max-[30rem]:`), so a facilitator or co-host can walk the
 * room while the laptop drives the projector. The layout is already one column there (what is on
 * now, the countdown, the couples, then the room's tools); this makes it fit a hand: narrower
 * margins and gaps, and every button, button-like link and menu at least 48 px tall (the desktop's
 * compact 40 px buttons are small under a thumb). Classes on the console's root, so no component
 * needs a phone variant of its own.
 */
export const COMPACT_CONSOLE = [
  'max-[30rem]:gap-4 max-[30rem]:px-3 max-[30rem]:py-4',
  'max-[30rem]:[&_button]:min-h-12 max-[30rem]:[&_select]:min-h-12 max-[30rem]:[&_a.inline-flex]:min-h-12',
].join(' ');
