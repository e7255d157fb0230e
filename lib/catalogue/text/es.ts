import type { CatalogueText } from './catalogueText';

/** Spanish: a copy of the English until translated (see catalogueText.ts). */
export const es: CatalogueText = {
  bringNeed: {
    title: 'What I bring / What I need',
    facilitatorNote:
      'Give couples a few quiet minutes to write on their own, then invite them to link each need to something the partner brings. Unlinked needs are not failures: they are the conversation to have next.',
    prompt:
      'Each of you lists what you bring to your partnership and what you need from it. Then link each of your needs to something your partner brings. A need nothing meets yet is a good conversation to have.',
    columns: { bring: 'What I bring', need: 'What I need' },
  },
  spectrum: {
    title: 'Where are we on the spectrum?',
    facilitatorNote:
      'Markers stay private until both partners are ready or you reveal. Remind the room there is no right place on the line: the interesting part is where the two markers differ.',
    prompt:
      'For each area of life, place yourself between standing alone and leaning in. Your partner will not see your markers until you are both ready.',
    areas: { money: 'Money', home: 'Home', feelings: 'Feelings', friends: 'Friends', work: 'Work', family: 'Family' },
    stops: { independence: 'Independence', dependence: 'Dependence', codependence: 'Codependence', interdependence: 'Interdependence' },
  },
  support: {
    title: 'Supporting and being supported',
    facilitatorNote:
      'Being supported takes a willingness to depend; supporting takes some independence. Invite couples to notice which of the two comes easier to each of them.',
    prompt: 'Answer on your own first. You will read each other’s answers when you are both ready.',
    questions: {
      feelSupported: 'I feel supported by you when…',
      hardToAsk: 'What is hard for me to ask for',
      supportYou: 'How I like to support you',
    },
  },
  learning: {
    title: 'Learning from experience',
    facilitatorNote:
      'Ask couples to pick a small, recent moment rather than their biggest conflict. The last question matters most: a repair offered, not demanded.',
    prompt: 'Think of a recent moment between you that did not go as planned. Write your side of it, gently.',
    questions: {
      happened: 'What happened',
      felt: 'What I felt',
      learned: 'What I learned',
      nextTime: 'What I would do next time',
      repair: 'The repair I offer',
    },
  },
  value: {
    title: 'What I value in you',
    facilitatorNote: 'A warm closing exercise. Encourage specifics: a skill they saw last week beats a general compliment.',
    prompt: 'Name what you value in your partner: the qualities, talents, skills and expertise they bring.',
    columns: { qualities: 'Qualities', talents: 'Talents and skills', expertise: 'Expertise' },
  },
  blanks: {
    columns: { title: 'Untitled exercise', prompt: 'Write your prompt here.', column: 'First column' },
    spectrum: { title: 'Untitled spectrum', prompt: 'Place yourself on each line.', area: 'First area', stopStart: 'One end', stopEnd: 'Other end' },
    prompts: { title: 'Untitled questions', prompt: 'Answer each question.', question: 'First question' },
  },
};
