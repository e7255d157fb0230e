/**
 * The words of the exercise library in one language. Every locale fills the same keys
 * (lib/catalogue/text/<locale>.ts; tests/unit/catalogueText.test.ts checks them); the structure
 * (ids, kinds, minutes, which exercise is private first) lives in lib/catalogue/catalogue.ts, once.
 * Labels stay within the exercise schema's limits: 80 characters, notes and prompts 600.
 */
export interface CatalogueText {
  bringNeed: { title: string; facilitatorNote: string; prompt: string; columns: { bring: string; need: string } };
  spectrum: {
    title: string;
    facilitatorNote: string;
    prompt: string;
    areas: { money: string; home: string; feelings: string; friends: string; work: string; family: string };
    stops: { independence: string; dependence: string; codependence: string; interdependence: string };
  };
  support: { title: string; facilitatorNote: string; prompt: string; questions: { feelSupported: string; hardToAsk: string; supportYou: string } };
  learning: {
    title: string;
    facilitatorNote: string;
    prompt: string;
    questions: { happened: string; felt: string; learned: string; nextTime: string; repair: string };
  };
  value: { title: string; facilitatorNote: string; prompt: string; columns: { qualities: string; talents: string; expertise: string } };
  /** Starting points for a facilitator's own exercise, one per kind. */
  blanks: {
    columns: { title: string; prompt: string; column: string };
    spectrum: { title: string; prompt: string; area: string; stopStart: string; stopEnd: string };
    prompts: { title: string; prompt: string; question: string };
  };
}
