import type { Exercise } from './exercise';

/**
 * The library Twofold ships, in its own words. One idea runs through it: a
 * partnership is interdependent — each partner supports (which takes
 * independence) and is supported (which takes a willingness to depend), and
 * each brings qualities, talents and skills that complement the other's.
 */
export const BRING_NEED: Exercise = {
  id: 'bring-need',
  kind: 'columns',
  title: 'What I bring / What I need',
  facilitatorNote:
    'Give couples a few quiet minutes to write on their own, then invite them to link each need to something the partner brings. Unlinked needs are not failures: they are the conversation to have next.',
  prompt:
    'Each of you lists what you bring to your partnership and what you need from it. Then link each of your needs to something your partner brings. A need nothing meets yet is a good conversation to have.',
  privateFirst: false,
  minutes: 12,
  columns: [
    { id: 'bring', label: 'What I bring' },
    { id: 'need', label: 'What I need' },
  ],
  link: { from: 'need', to: 'bring' },
};

export const SPECTRUM: Exercise = {
  id: 'spectrum',
  kind: 'spectrum',
  title: 'Where are we on the spectrum?',
  facilitatorNote:
    'Markers stay private until both partners are ready or you reveal. Remind the room there is no right place on the line: the interesting part is where the two markers differ.',
  prompt:
    'For each area of life, place yourself between standing alone and leaning in. Your partner will not see your markers until you are both ready.',
  privateFirst: true,
  minutes: 8,
  areas: [
    { id: 'money', label: 'Money' },
    { id: 'home', label: 'Home' },
    { id: 'feelings', label: 'Feelings' },
    { id: 'friends', label: 'Friends' },
    { id: 'work', label: 'Work' },
    { id: 'family', label: 'Family' },
  ],
  stops: ['Independence', 'Dependence', 'Codependence', 'Interdependence'],
};

export const SUPPORT: Exercise = {
  id: 'support',
  kind: 'prompts',
  title: 'Supporting and being supported',
  facilitatorNote:
    'Being supported takes a willingness to depend; supporting takes some independence. Invite couples to notice which of the two comes easier to each of them.',
  prompt: 'Answer on your own first. You will read each other’s answers when you are both ready.',
  privateFirst: true,
  minutes: 10,
  questions: [
    { id: 'feel-supported', label: 'I feel supported by you when…' },
    { id: 'hard-to-ask', label: 'What is hard for me to ask for' },
    { id: 'support-you', label: 'How I like to support you' },
  ],
};

const LEARNING: Exercise = {
  id: 'learning',
  kind: 'prompts',
  title: 'Learning from experience',
  facilitatorNote:
    'Ask couples to pick a small, recent moment rather than their biggest conflict. The last question matters most: a repair offered, not demanded.',
  prompt: 'Think of a recent moment between you that did not go as planned. Write your side of it, gently.',
  privateFirst: true,
  minutes: 15,
  questions: [
    { id: 'happened', label: 'What happened' },
    { id: 'felt', label: 'What I felt' },
    { id: 'learned', label: 'What I learned' },
    { id: 'next-time', label: 'What I would do next time' },
    { id: 'repair', label: 'The repair I offer' },
  ],
};

const VALUE: Exercise = {
  id: 'value',
  kind: 'columns',
  title: 'What I value in you',
  facilitatorNote: 'A warm closing exercise. Encourage specifics: a skill they saw last week beats a general compliment.',
  prompt: 'Name what you value in your partner: the qualities, talents, skills and expertise they bring.',
  privateFirst: false,
  minutes: 8,
  columns: [
    { id: 'qualities', label: 'Qualities' },
    { id: 'talents', label: 'Talents and skills' },
    { id: 'expertise', label: 'Expertise' },
  ],
  link: null,
};

export const EXERCISE_LIBRARY: readonly Exercise[] = [BRING_NEED, SPECTRUM, SUPPORT, LEARNING, VALUE];

/** Starting points for a facilitator's own exercise, one per kind. */
export const BLANK_EXERCISES: Record<Exercise['kind'], Exercise> = {
  columns: {
    id: 'custom-columns',
    kind: 'columns',
    title: 'Untitled exercise',
    facilitatorNote: '',
    prompt: 'Write your prompt here.',
    privateFirst: false,
    minutes: 10,
    columns: [{ id: 'col-1', label: 'First column' }],
    link: null,
  },
  spectrum: {
    id: 'custom-spectrum',
    kind: 'spectrum',
    title: 'Untitled spectrum',
    facilitatorNote: '',
    prompt: 'Place yourself on each line.',
    privateFirst: true,
    minutes: 8,
    areas: [{ id: 'area-1', label: 'First area' }],
    stops: ['One end', 'Other end'],
  },
  prompts: {
    id: 'custom-prompts',
    kind: 'prompts',
    title: 'Untitled questions',
    facilitatorNote: '',
    prompt: 'Answer each question.',
    privateFirst: true,
    minutes: 10,
    questions: [{ id: 'q-1', label: 'First question' }],
  },
};
