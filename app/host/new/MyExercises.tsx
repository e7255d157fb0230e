'use client';

import { useRef, useState, type ChangeEvent } from 'react';
import type { Exercise } from '../../../lib/catalogue/exercise';
import { CompactButton } from '../../_components/CompactButton';
import { ConfirmButton } from '../../_components/ConfirmDialog';
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
  const fileRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);

  function download() {
    const url = URL.createObjectURL(new Blob([exportJson(list)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `twofold-exercises-${new Date().toISOString().slice(0, 10)}.json` });
    a.click();
    URL.revokeObjectURL(url);
    setMessage({ tone: 'ok', text: `Exported ${list.length} ${list.length === 1 ? 'exercise' : 'exercises'}. Import the file on your other device.` });
  }

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = ''; // the same file can be picked again after a fix
    if (!file) return;
    if (file.size > 1_000_000) return setMessage({ tone: 'problem', text: 'This file is too large to be an exercise export.' });
    const result = importText(await file.text());
    if (!result.ok) return setMessage({ tone: 'problem', text: result.message });
    const parts = [`${result.added} added`, result.updated ? `${result.updated} updated` : '', result.skipped ? `${result.skipped} skipped (not valid)` : ''];
    setMessage({ tone: 'ok', text: `Imported: ${parts.filter(Boolean).join(', ')}.` });
  }

  return (
    <section aria-labelledby="my-exercises-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="my-exercises-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-semibold focus-visible:outline-none!">
            My exercises
          </h2>
          <p className="text-base text-muted">Saved on this device. Use Export and Import to move them to another one.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <CompactButton variant="primary" onClick={onNew}>
            New exercise
          </CompactButton>
          <CompactButton onClick={download} disabled={list.length === 0}>
            Export
          </CompactButton>
          <CompactButton onClick={() => fileRef.current?.click()}>Import</CompactButton>
          <input ref={fileRef} type="file" accept="application/json,.json" className="sr-only" tabIndex={-1} aria-hidden="true" onChange={onFile} />
        </div>
      </div>
      {saveFailed && (
        <p role="alert" className="text-base text-warn">
          This browser would not save to this device (private browsing?). Your exercises work for this workshop but will be gone later; use Export to keep them.
        </p>
      )}
      <p aria-live="polite" className={`text-base empty:hidden ${message?.tone === 'problem' ? 'text-warn' : 'text-ok'}`}>
        {message?.text}
      </p>
      {list.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line p-5 text-base text-muted">
          None yet. “New exercise” starts from a blank of any kind: columns, a spectrum, or questions.
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
                  <CompactButton disabled={!canAdd} onClick={() => onAdd(exercise)}>
                    Add<span className="sr-only"> {exercise.title}</span>
                  </CompactButton>
                  <CompactButton onClick={() => onEdit(exercise)}>
                    Edit<span className="sr-only"> {exercise.title}</span>
                  </CompactButton>
                  <ConfirmButton
                    title={`Delete “${exercise.title}”?`}
                    body="It is removed from this device. Workshops that already used it keep their copy."
                    confirmLabel="Delete exercise"
                    onConfirm={() => {
                      onDelete(exercise);
                      // The card, and the Delete button the dialog would hand focus back to, are gone once this renders.
                      requestAnimationFrame(() => headingRef.current?.focus());
                    }}
                  >
                    Delete<span className="sr-only"> {exercise.title}</span>
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
