'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { bdi } from '../../_i18n/bdi';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmButton } from '../../_components/ConfirmDialog';
import { AddToAgendaButton } from './AddToAgendaButton';
import { ExerciseCard } from './ExerciseCard';
import { exportJson } from './myExercises';
import type { ImportResult } from './myExercises';

interface MyExercisesProps {
  list: Exercise[];
  countInAgenda: (id: string) => number;
  canAdd: boolean;
  saveFailed: boolean;
  onAdd: (exercise: Exercise) => void;
  onNew: () => void;
  onEdit: (exercise: Exercise) => void;
  onDelete: (exercise: Exercise) => void;
  importText: (text: string) => ImportResult;
}

/**
 * Exercises this facilitator made, saved on this device for later workshops.
 * Export and Import carry them to another device as a JSON file.
 */
export function MyExercises({ list, countInAgenda, canAdd, saveFailed, onAdd, onNew, onEdit, onDelete, importText }: MyExercisesProps) {
  const t = useTranslations('hostNew.mine');
  const hidden = (chunks: ReactNode) => <span className="sr-only">{chunks}</span>;
  const fileRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  function download() {
    const url = URL.createObjectURL(new Blob([exportJson(list)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `twofold-exercises-${new Date().toISOString().slice(0, 10)}.json` });
    a.click();
    URL.revokeObjectURL(url);
    setMessage({ tone: 'ok', text: t('exported', { count: list.length }) });
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ tone: 'problem', text: t('tooLarge') });
    const result = importText(await file.text());
    if (!result.ok) return setMessage({ tone: 'problem', text: t(`importProblem.${result.problem}`) });
    setMessage({ tone: 'ok', text: t('imported', { added: result.added, updated: result.updated, skipped: result.skipped }) });
  }

  return (
    <section aria-labelledby="my-exercises-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="my-exercises-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus-visible:outline-none!">
            {t('heading')}
          </h2>
          <p className="text-base text-muted">{t('lead')}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <CompactButton variant="primary" onClick={onNew}>
            {t('new')}
          </CompactButton>
          <CompactButton onClick={download} disabled={list.length === 0}>
            {t('export')}
          </CompactButton>
          <CompactButton onClick={() => fileRef.current?.click()}>{t('import')}</CompactButton>
          <input ref={fileRef} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={onFile} />
        </div>
      </div>
      {saveFailed && (
        <p role="alert" className="text-base text-warn">
          {t('saveFailed')}
        </p>
      )}
      <p aria-live="polite" className={`text-base empty:hidden ${message?.tone === 'problem' ? 'text-warn' : 'text-ok'}`}>
        {message?.text}
      </p>
      {list.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-5 text-base text-muted">
          {t('none')}
        </p>
      ) : (
        <ul className="grid gap-3 xl:grid-cols-2">
          {list.map((exercise) => (
            <ExerciseCard
              key={exercise.id}
              exercise={exercise}
              inAgenda={countInAgenda(exercise.id)}
              actions={
                <>
                  <AddToAgendaButton exercise={exercise} inAgenda={countInAgenda(exercise.id)} canAdd={canAdd} onAdd={onAdd} />
                  <CompactButton onClick={() => onEdit(exercise)}>{t.rich('edit', { title: exercise.title, hidden })}</CompactButton>
                  <ConfirmButton
                    title={t.rich('deleteTitle', { title: exercise.title, bdi })}
                    body={t('deleteBody')}
                    confirmLabel={t('deleteConfirm')}
                    onConfirm={() => {
                      onDelete(exercise);
                      // The card, and the Delete button the dialog would hand focus back to, are gone once this renders.
                      requestAnimationFrame(() => headingRef.current?.focus());
                    }}
                  >
                    {t.rich('delete', { title: exercise.title, hidden })}
                  </ConfirmButton>
                </>
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
