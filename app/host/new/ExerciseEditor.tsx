'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { blankExercises } from '../../../lib/catalogue/catalogue';
import type { Exercise, ExerciseKind } from '../../../lib/catalogue/exercise';
import type { Locale } from '../../../lib/i18n/locales';
import { CompactButton } from '../../_components/CompactButton';
import { TextAreaField } from '../../_components/TextAreaField';
import { TextField } from '../../_components/TextField';
import { blankLike, copyOf, validateDraft, type FieldErrors } from './exerciseDraft';
import { KINDS } from './exerciseKinds';
import { KindFields } from './KindFields';

/** A blank of any kind ('new'), one of "My exercises" ('edit'), or a copy of a library exercise to adapt ('copy'). */
export type EditorMode = { kind: 'new' } | { kind: 'edit'; exercise: Exercise } | { kind: 'copy'; exercise: Exercise };

interface ExerciseEditorProps {
  mode: EditorMode;
  /** The workshop's language: a blank starts in it. */
  locale: Locale;
  onSave: (exercise: Exercise) => void;
  onClose: () => void;
}

/**
 * Makes or edits a facilitator's own exercise, in a modal <dialog> (focus
 * stays inside; Esc cancels). Validated with the same exerciseSchema the
 * server uses, with each problem shown next to its field.
 */
export function ExerciseEditor({ mode, locale, onSave, onClose }: ExerciseEditorProps) {
  const t = useTranslations('hostNew.editor');
  const validation = useTranslations('hostNew.validation');
  const kinds = useTranslations('exerciseKinds');
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [blanks] = useState(() => blankExercises(locale));
  const [draft, setDraftState] = useState<Exercise>(() =>
    mode.kind === 'edit' ? mode.exercise : mode.kind === 'copy' ? copyOf(mode.exercise) : blankLike(blanks.columns, null),
  );
  const [minutes, setMinutes] = useState(String(draft.minutes));
  const [errors, setErrors] = useState<FieldErrors>({});

  useEffect(() => {
    const dialog = ref.current;
    // Unmounted rather than closed: focus goes back to "New exercise" or "Edit" by hand.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  const setDraft = (update: (d: Exercise) => Exercise) => setDraftState((d) => update(d));
  // An edit in a list clears that kind's list messages; the next save checks again.
  const setListDraft = (update: (d: Exercise) => Exercise) => {
    setDraft(update);
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !/^(columns|areas|stops|questions)\b/.test(key))));
  };

  function switchKind(kind: ExerciseKind) {
    if (kind === draft.kind) return;
    const previousBlank = blanks[draft.kind];
    // Fields still at the old blank's placeholder take the new blank's; what was typed is kept.
    const typed = { ...draft, minutes: Number(minutes) || draft.minutes };
    const next = blankLike(blanks[kind], typed);
    for (const key of ['title', 'prompt', 'privateFirst', 'minutes'] as const) {
      if (typed[key] === previousBlank[key]) Object.assign(next, { [key]: blanks[kind][key] });
    }
    setDraftState(next);
    setMinutes(String(next.minutes));
    setErrors({});
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const result = validateDraft(validation, draft, minutes);
    if (!result.ok) {
      setErrors(result.errors);
      // Take the keyboard to the first problem; its message is tied to it with aria-describedby.
      requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    onSave(result.exercise);
  }

  const field = (key: keyof Exercise, value: unknown) => {
    setDraft((d) => ({ ...d, [key]: value }) as Exercise);
    setErrors((current) => {
      const { [key]: _gone, ...rest } = current;
      return rest;
    });
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] overflow-y-auto rounded-3xl border border-line bg-paper p-0 text-ink shadow-xl backdrop:bg-black/50"
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6 p-6 sm:p-8">
        <div className="flex flex-col gap-1">
          <h2 id={titleId} className="text-2xl font-semibold">
            {t(`heading.${mode.kind}`)}
          </h2>
          <p className="text-base text-muted">{mode.kind === 'copy' ? t('leadCopy') : t('lead')}</p>
        </div>

        {mode.kind === 'new' && (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-2 text-base font-semibold">{t('kind')}</legend>
            <div className="grid gap-2 sm:grid-cols-3">
              {KINDS.map((kind) => (
                <label
                  key={kind}
                  className="flex cursor-pointer flex-col gap-1 rounded-xl border border-line bg-card p-3 has-[:checked]:border-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ink"
                >
                  <span className="flex items-center gap-2 font-semibold">
                    <input type="radio" name="kind" className="size-4 accent-accent focus-visible:outline-none!" checked={draft.kind === kind} onChange={() => switchKind(kind)} />
                    {kinds(`${kind}.label`)}
                  </span>
                  <span className="text-sm text-muted">{kinds(`${kind}.description`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <TextField label={t('title')} dir="auto" value={draft.title} maxLength={80} onChange={(e) => field('title', e.target.value)} error={errors.title} autoComplete="off" />
        <TextAreaField
          label={t('prompt')}
          hint={t('promptHint')}
          dir="auto"
          value={draft.prompt}
          maxLength={600}
          onChange={(e) => field('prompt', e.target.value)}
          error={errors.prompt}
        />
        <TextAreaField
          label={t('note')}
          hint={t('noteHint')}
          dir="auto"
          value={draft.facilitatorNote}
          maxLength={600}
          rows={2}
          onChange={(e) => field('facilitatorNote', e.target.value)}
          error={errors.facilitatorNote}
        />
        <div className="flex flex-wrap items-start gap-6">
          <label className="flex max-w-md flex-1 basis-64 items-start gap-3 text-base">
            <input type="checkbox" className="mt-1 size-5 accent-accent" checked={draft.privateFirst} onChange={(e) => field('privateFirst', e.target.checked)} />
            <span>
              <span className="font-semibold">{t('privateFirst')}</span>
              <span className="block text-sm text-muted">{t('privateFirstHint')}</span>
            </span>
          </label>
          <TextField
            label={t('minutes')}
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            value={minutes}
            onChange={(e) => {
              setMinutes(e.target.value);
              field('minutes', Number(e.target.value));
            }}
            error={errors.minutes}
            className="w-32"
          />
        </div>

        <KindFields draft={draft} setDraft={setListDraft} errors={errors} />

        {Object.keys(errors).length > 0 && (
          <p role="alert" className="text-base text-warn">
            {t('problems')}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-3 border-t border-line pt-5">
          <CompactButton onClick={onClose}>{t('cancel')}</CompactButton>
          <CompactButton type="submit" variant="primary">
            {t('save')}
          </CompactButton>
        </div>
      </form>
    </dialog>
  );
}
