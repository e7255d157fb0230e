/** The exercise the first slice ships; the full catalogue arrives with the agenda. */
export const BRING_NEED_EXERCISE = {
  id: 'bring-need',
  title: 'What I bring / What I need',
  prompt:
    'Each of you lists what you bring to your partnership and what you need from it. Then link each of your needs to something your partner brings. A need nothing meets yet is a good conversation to have.',
  columns: { bring: 'What I bring', need: 'What I need' },
} as const;
