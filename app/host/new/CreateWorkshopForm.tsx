'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { isLocale, DEFAULT_LOCALE, type Locale } from '../../../lib/i18n/locales';
import { MAX_TITLE_CHARS } from '../../../lib/limits';
import type { CreateWorkshopResponse } from '../../../lib/protocol';
import { MAX_AGENDA_ITEMS } from '../../../lib/catalogue/agenda';
import { DEFAULT_RETENTION_DAYS, type RetentionDays } from '../../../lib/retentionPolicy';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';
import { useErrorText } from '../../_i18n/errorText';
import { api } from '../../_lib/api';
import { saveHostKey } from '../../_lib/storage';
import { AgendaList } from './AgendaList';
import { ExerciseEditor, type EditorMode } from './ExerciseEditor';
import { ExerciseLibrary } from './ExerciseLibrary';
import { MyExercises } from './MyExercises';
import { RetentionChoice } from './RetentionChoice';
import { minutesValid, useAgenda } from './useAgenda';
import { useMyExercises } from './useMyExercises';
import { WorkshopLanguage } from './WorkshopLanguage';


/**
 * Title and agenda on the left (what gets created), the exercises to pick
 * from on the right. The default agenda is the whole library, so a title and
 * one click are enough to start.
 */
export function CreateWorkshopForm() {
  const t = useTranslations('hostNew.form');
  const errorText = useErrorText();
  const pageLocale = useLocale();
  const router = useRouter();
  // The facilitator's own language (their browser's, or their menu choice) is the first offer.
  const [locale, setLocale] = useState<Locale>(isLocale(pageLocale) ? pageLocale : DEFAULT_LOCALE);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [agendaError, setAgendaError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [retentionDays, setRetentionDays] = useState<RetentionDays>(DEFAULT_RETENTION_DAYS);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<EditorMode | null>(null);
  const [notice, setNotice] = useState('');
  const agenda = useAgenda(locale);
  const mine = useMyExercises();

  const countInAgenda = (id: string) => agenda.entries.filter((e) => e.exercise.id === id).length;

  function add(exercise: Exercise) {
    agenda.add(exercise);
    setAgendaError(null);
    setNotice(t('added', { title: exercise.title }));
  }

  function saveOwn(exercise: Exercise) {
    const isNew = editing?.kind !== 'edit';
    mine.save(exercise);
    if (isNew) agenda.add(exercise);
    else agenda.replace(exercise);
    setEditing(null);
    setNotice(isNew ? t('savedAndAdded', { title: exercise.title }) : t('saved', { title: exercise.title }));
  }

  function changeLanguage(next: Locale) {
    setLocale(next);
    agenda.relocalize(next);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const titleProblem = title.trim() ? null : t('titleMissing');
    const agendaProblem =
      agenda.entries.length === 0 ? t('agendaEmpty') : agenda.entries.some((x) => !minutesValid(x.minutes)) ? t('minutesMissing') : null;
    setTitleError(titleProblem);
    setAgendaError(agendaProblem);
    if (titleProblem || agendaProblem) return;
    setBusy(true);
    setFormError(null);
    try {
      const created = await api<CreateWorkshopResponse>('/api/workshops', { method: 'POST', body: { title, agenda: agenda.toExercises(), retentionDays, locale } });
      // Kept on this device so the console opens again without the private link.
      saveHostKey(created.code, created.hostKey);
      router.push(`/host/${created.code}#key=${created.hostKey}`);
    } catch (err) {
      setFormError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <div className="grid items-start gap-10 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]">
      <form onSubmit={onSubmit} noValidate aria-label={t('label')} className="flex flex-col gap-6 rounded-3xl border border-line bg-card p-5 shadow-sm sm:p-6 lg:sticky lg:top-6">
        <TextField
          label={t('title')}
          hint={t('titleHint')}
          dir="auto"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleError(null);
          }}
          maxLength={MAX_TITLE_CHARS}
          error={titleError}
          autoComplete="off"
          required
        />
        <WorkshopLanguage value={locale} onChange={changeLanguage} />
        <AgendaList entries={agenda.entries} move={agenda.move} remove={agenda.remove} setMinutes={agenda.setMinutes} error={agendaError} />
        <RetentionChoice value={retentionDays} onChange={setRetentionDays} />
        {formError && (
          <p role="alert" className="text-base text-warn">
            {formError}
          </p>
        )}
        <Button type="submit" busy={busy} busyLabel={t('creating')} className="self-start">
          {t('create')}
        </Button>
      </form>

      <div className="flex min-w-0 flex-col gap-12">
        {agenda.full && <p className="text-base text-muted">{t('agendaFull', { max: MAX_AGENDA_ITEMS })}</p>}
        <ExerciseLibrary
          locale={locale}
          countInAgenda={countInAgenda}
          canAdd={!agenda.full}
          onAdd={add}
          onCopy={(exercise) => setEditing({ kind: 'copy', exercise })}
        />
        <MyExercises
          list={mine.list}
          countInAgenda={countInAgenda}
          canAdd={!agenda.full}
          saveFailed={mine.saveFailed}
          onAdd={add}
          onNew={() => setEditing({ kind: 'new' })}
          onEdit={(exercise) => setEditing({ kind: 'edit', exercise })}
          onDelete={(exercise) => {
            mine.remove(exercise.id);
            setNotice(t('deleted', { title: exercise.title }));
          }}
          importText={mine.importText}
        />
      </div>

      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
      {editing && <ExerciseEditor mode={editing} locale={locale} onSave={saveOwn} onClose={() => setEditing(null)} />}
    </div>
  );
}
