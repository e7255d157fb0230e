import { describe, expect, it } from 'vitest';
import { validateDraft } from '../../app/host/new/exerciseDraft';
import { addEntry } from '../../lib/board/schema';
import { BLANK_EXERCISES, BRING_NEED } from '../../lib/catalogue/catalogue';
import type { ColumnsExercise, Exercise, PromptsExercise, SpectrumExercise } from '../../lib/catalogue/exercise';
import type { ApiError } from '../../lib/protocol';
import type { ReviewData } from '../../lib/review/reviewData';
import { connectControl, hostAuth, hostCommand, participantAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

const { server, api } = await serverForFile();

/** A facilitator's own exercise of each kind, each made from the blank of that kind as the agenda editor does. */
const COLUMNS: ColumnsExercise = {
  ...(BLANK_EXERCISES.columns as ColumnsExercise),
  id: 'my-columns-k3x9q2ab',
  title: 'Rituals we keep',
  facilitatorNote: 'Ask for one small ritual each.',
  prompt: 'What do we already do every week, and what would we like to?',
  columns: [
    { id: 'col-keep', label: 'We keep' },
    { id: 'col-start', label: 'We could start' },
  ],
  link: { from: 'col-start', to: 'col-keep' },
};
const SPECTRUM: SpectrumExercise = {
  ...(BLANK_EXERCISES.spectrum as SpectrumExercise),
  id: 'my-spectrum-p0w1e2r3',
  title: 'Evenings',
  prompt: 'Where are you on each line?',
  areas: [
    { id: 'area-out', label: 'Going out' },
    { id: 'area-guests', label: 'Having guests' },
  ],
  stops: ['Rarely', 'Sometimes', 'Often'],
};
const PROMPTS: PromptsExercise = {
  ...(BLANK_EXERCISES.prompts as PromptsExercise),
  id: 'my-prompts-z8y7x6w5',
  title: 'Looking ahead',
  privateFirst: false,
  questions: [
    { id: 'q-year', label: 'What would make this year good for us?' },
    { id: 'q-help', label: 'What could I do more of?' },
  ],
};
const AGENDA: Exercise[] = [COLUMNS, SPECTRUM, PROMPTS, BRING_NEED];

/** Each differs from a valid exercise by one thing the exercise schema refuses. */
const INVALID: [string, unknown][] = [
  ['an unknown kind', { ...BLANK_EXERCISES.prompts, kind: 'quiz' }],
  ['four columns (three at most)', { ...COLUMNS, columns: [1, 2, 3, 4].map((i) => ({ id: `c${i}`, label: `Column ${i}` })) }],
  ['a spectrum with one stop', { ...SPECTRUM, stops: ['Only'] }],
  ['prompts without a question', { ...PROMPTS, questions: [] }],
  ['a field the schema does not know', { ...COLUMNS, script: 'alert(1)' }],
  ['an id with capitals', { ...COLUMNS, id: 'My-Columns' }],
  ['a blank title', { ...SPECTRUM, title: '   ' }],
  ['no minutes', { ...PROMPTS, minutes: 0 }],
];

describe('[R31] exercises are data', () => {
  it('a facilitator’s own exercise of each kind goes into the agenda as given, and comes back as data to the console, the phones and the review', async () => {
    const created = await api.request<{ code: string; hostKey: string }>('POST', '/api/workshops', { title: 'Our own evening', agenda: AGENDA });
    expect(created.status).toBe(201);
    const { code, hostKey } = created.body;
    const { a, b } = await api.coupleInWorkshop(['Ana', 'Ben'], code);
    const host = connectControl(server.url, hostAuth(code, hostKey));
    const phone = connectControl(server.url, participantAuth(a.token));
    try {
      // The console gets the whole agenda, the facilitator's notes included; phones all of it but the notes.
      const withKeys = AGENDA.map((e) => ({ ...e, key: e.id }));
      await eventually(() => expect(host.latest.snapshot?.agenda).toEqual(withKeys));
      await eventually(() => expect(phone.latest.workshop?.agenda).toEqual(withKeys.map(({ facilitatorNote: _note, ...item }) => item)));

      // The couple writes in the custom columns; the review lays out every exercise from the agenda's data.
      await hostCommand(host.socket, { type: 'goTo', step: 0 });
      const me = await api.me(a.token);
      const board = connectBoard(me.board!);
      await board.synced();
      addEntry(board.doc, { id: 'r1', exercise: COLUMNS.id, column: 'col-start', author: 'a', createdAt: 1 }, 'A walk on Sundays');
      const partner = connectBoard((await api.me(b.token)).board!);
      await eventually(() => expect(partner.doc.getMap('entries').size).toBe(1));
      board.destroy();
      partner.destroy();
      const review = (await api.request<ReviewData>('GET', `/api/review/${me.reviewUrl.split('/review/')[1]}`)).body;
      expect(review.exercises.map((e) => [e.key, e.title, e.kind])).toEqual(AGENDA.map((e) => [e.id, e.title, e.kind]));
      const columns = review.exercises[0];
      expect(columns.kind === 'columns' && columns.columns.map((c) => [c.label, c.entries.map((e) => e.text)])).toEqual([
        ['We keep', []],
        ['We could start', ['A walk on Sundays']],
      ]);
      const spectrum = review.exercises[1];
      expect(spectrum.kind === 'spectrum' && [spectrum.stops, spectrum.areas.map((ar) => ar.label)]).toEqual([SPECTRUM.stops, ['Going out', 'Having guests']]);
    } finally {
      host.close();
      phone.close();
    }
  });

  /** The editor's messages are looked up by key; the key itself stands in for the words here. */
  const keyAsText = ((key: string) => key) as unknown as Parameters<typeof validateDraft>[0];

  it('an exercise the schema refuses is refused by the facilitator’s editor and by POST /api/workshops alike (400)', async () => {
    // The control: the valid ones pass both.
    for (const exercise of AGENDA) expect(validateDraft(keyAsText, exercise, String(exercise.minutes)).ok, exercise.id).toBe(true);
    for (const [what, exercise] of INVALID) {
      const draft = exercise as Exercise;
      expect(validateDraft(keyAsText, draft, String(draft.minutes)).ok, `editor: ${what}`).toBe(false);
      const res = await api.request<ApiError>('POST', '/api/workshops', { title: 'Refused', agenda: [BRING_NEED, exercise] });
      expect([res.status, res.body.error.code], `server: ${what}`).toEqual([400, 'invalid_body']);
      expect(res.body.error.message, what).toMatch(/^agenda\.1/);
    }
  });
});
