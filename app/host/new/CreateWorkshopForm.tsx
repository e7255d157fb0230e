'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { MAX_TITLE_CHARS } from '../../../lib/limits';
import type { CreateWorkshopResponse } from '../../../lib/protocol';
import { MAX_AGENDA_ITEMS } from '../../../lib/catalogue/agenda';
import { DEFAULT_RETENTION_DAYS, type RetentionDays } from '../../../lib/retentionPolicy';
import { Button } from '../../_components/Button';
import { TextField } from '../../_components/TextField';
import { api, messageOf } from '../../_lib/api';
import { saveHostKey } from '../../_lib/storage';
import { AgendaList } from './AgendaList';
import { ExerciseEditor } from './ExerciseEditor';
import { ExerciseLibrary } from './ExerciseLibrary';
import { MyExercises } from './MyExercises';
import { RetentionChoice } from './RetentionChoice';
import { minutesValid, useAgenda } from './useAgenda';
import { useMyExercises } from './useMyExercises';

/** null: editor closed; 'new': a blank; an Exercise: editing that own exercise. */
type Editing = null | 'new' | Exercise;

/**
 * Title and agenda on the left (what gets created), the exercises to pick
 * from on the right. The default agenda is the whole library, so a title and
 * one click are enough to start.
 */
export function CreateWorkshopForm() {
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const [agendaError, setAgendaError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [retentionDays, setRetentionDays] = useState<RetentionDays>(DEFAULT_RETENTION_DAYS);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState('');
  const agenda = useAgenda();
  const mine = useMyExercises();

  const countInAgenda = (id: string) => agenda.entries.filter((e) => e.exercise.id === id).length;

  function add(exercise: Exercise) {
    agenda.add(exercise);
    setAgendaError(null);
    setNotice(`Added ${exercise.title} to the agenda.`);
  }

  function saveOwn(exercise: Exercise) {
    const isNew = editing === 'new';
    mine.save(exercise);
    if (isNew) agenda.add(exercise);
    else agenda.replace(exercise);
    setEditing(null);
    setNotice(isNew ? `Saved “${exercise.title}” on this device and added it to the agenda.` : `Saved “${exercise.title}”.`);
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const titleProblem = title.trim() ? null : 'Give the workshop a title; couples see it when they join.';
    const agendaProblem =
      agenda.entries.length === 0
        ? 'Add at least one exercise to the agenda.'
        : agenda.entries.some((x) => !minutesValid(x.minutes))
          ? 'Every exercise needs its minutes: a whole number from 1 to 120.'
          : null;
    setTitleError(titleProblem);
    setAgendaError(agendaProblem);
    if (titleProblem || agendaProblem) return;
    setBusy(true);
    setFormError(null);
    try {
      const created = await api<CreateWorkshopResponse>('/api/workshops', { method: 'POST', body: { title, agenda: agenda.toExercises(), retentionDays } });
      // Kept on this device so the console opens again without the private link.
      saveHostKey(created.code, created.hostKey);
      router.push(`/host/${created.code}#key=${created.hostKey}`);
    } catch (err) {
      setFormError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <div className="grid items-start gap-10 lg:grid-cols-[minmax(0,26rem)_minmax(0,1fr)] xl:grid-cols-[minmax(0,30rem)_minmax(0,1fr)]">
      <form onSubmit={onSubmit} noValidate aria-label="New workshop" className="flex flex-col gap-6 rounded-3xl border border-line bg-card p-5 shadow-sm sm:p-6 lg:sticky lg:top-6">
        <TextField
          label="Workshop title"
          hint="Couples see this when they join, e.g. “Spring weekend, session 2”."
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
        <AgendaList entries={agenda.entries} move={agenda.move} remove={agenda.remove} setMinutes={agenda.setMinutes} error={agendaError} />
        <RetentionChoice value={retentionDays} onChange={setRetentionDays} />
        {formError && (
          <p role="alert" className="text-base text-warn">
            {formError}
          </p>
        )}
        <Button type="submit" busy={busy} busyLabel="Creating…" className="self-start">
          Create workshop
        </Button>
      </form>

      <div className="flex min-w-0 flex-col gap-12">
        {agenda.full && <p className="text-base text-muted">The agenda holds at most {MAX_AGENDA_ITEMS} exercises: remove one to add another.</p>}
        <ExerciseLibrary countInAgenda={countInAgenda} canAdd={!agenda.full} onAdd={add} />
        <MyExercises
          list={mine.list}
          countInAgenda={countInAgenda}
          canAdd={!agenda.full}
          saveFailed={mine.saveFailed}
          onAdd={add}
          onNew={() => setEditing('new')}
          onEdit={(exercise) => setEditing(exercise)}
          onDelete={(exercise) => {
            mine.remove(exercise.id);
            setNotice(`Deleted “${exercise.title}” from this device.`);
          }}
          importText={mine.importText}
        />
      </div>

      <p aria-live="polite" className="sr-only">
        {notice}
      </p>
      {editing && <ExerciseEditor editing={editing === 'new' ? null : editing} onSave={saveOwn} onClose={() => setEditing(null)} />}
    </div>
  );
}
