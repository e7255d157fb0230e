import type { Locale } from './accessibilityCheck';

/** What people in a room of that language would type: names, titles and answers, so every page carries them as written. */
export interface RoomPeople {
  /** The couple (Ana and Ben in English), then two who join alone. */
  names: [string, string, string, string];
  titles: { spring: string; thursday: string; small: string; zoomed: string; keyboard: string };
  /** Two entries for a column, then an answer each to the first question. */
  entries: [string, string];
  answers: [string, string];
}

export const ROOM_PEOPLE: Record<Locale, RoomPeople> = {
  en: {
    names: ['Ana', 'Ben', 'Cleo', 'Dev'],
    titles: { spring: 'Spring evening', thursday: 'Thursday evening', small: 'Small screens', zoomed: 'Zoomed evening', keyboard: 'Keyboard evening' },
    entries: ['Tea when you are tired', 'A walk on Sundays'],
    answers: ['When you make space for my quiet mornings', 'When you ask how my day really was'],
  },
  ar: {
    names: ['ليلى', 'سامي', 'نور', 'كريم'],
    titles: { spring: 'أمسية الربيع', thursday: 'أمسية الخميس', small: 'شاشات صغيرة', zoomed: 'أمسية مكبّرة', keyboard: 'أمسية لوحة المفاتيح' },
    entries: ['ألاحظ حين تتعب فأعدّ لك الشاي', 'نزهة يوم الأحد'],
    answers: ['حين تترك لي صباحاتي الهادئة', 'حين تسألني كيف كان يومي حقًّا'],
  },
};
