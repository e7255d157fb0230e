import type { Locale } from '../i18n/locales';
import type { Seat } from '../protocol/http';

/**
 * A couple's whole board laid out for reading afterwards: what the review
 * page, the Markdown and the PDF are made from. Plain data, no Yjs.
 */
export interface ReviewPerson {
  name: string;
  seat: Seat;
}

export interface ReviewEntry {
  id: string;
  author: Seat;
  text: string;
  /** For a linked need: the text of the partner's entry that meets it. */
  metBy?: string;
}

type ReviewSection =
  | { kind: 'columns'; columns: { id: string; label: string; entries: ReviewEntry[] }[] }
  | { kind: 'prompts'; questions: { id: string; label: string; answers: ReviewEntry[] }[] }
  | { kind: 'spectrum'; stops: string[]; areas: { id: string; label: string; markers: { seat: Seat; position: number }[] }[] };

export type ReviewExercise = {
  key: string;
  title: string;
  prompt: string;
  privateFirst: boolean;
  /** False for a private-first exercise the couple never revealed: then only the viewer's own entries are here. */
  revealed: boolean;
} & ReviewSection;

export interface ReviewData {
  /** `locale`: the workshop's language, which the exports are written in. */
  workshop: { title: string; startedAt: number; endedAt: number | null; retentionDays: number; locale: Locale };
  people: ReviewPerson[];
  /** Whose review link this is. */
  viewer: Seat;
  exercises: ReviewExercise[];
}
