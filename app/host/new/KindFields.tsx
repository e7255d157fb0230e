'use client';

import { useTranslations } from 'next-intl';
import type { ColumnsExercise, Exercise } from '../../../lib/catalogue/exercise';
import { newItemId, type FieldErrors } from './exerciseDraft';
import { ListEditor } from './ListEditor';

type Item = { id: string; label: string };

interface KindFieldsProps {
  draft: Exercise;
  setDraft: (update: (d: Exercise) => Exercise) => void;
  errors: FieldErrors;
}

/** The lists that make each kind what it is: columns, areas and stops, or questions. */
export function KindFields({ draft, setDraft, errors }: KindFieldsProps) {
  const t = useTranslations('hostNew.lists');
  // Item lists keep their ids by position; only the label is edited here.
  const itemProps = (path: 'columns' | 'areas' | 'questions', items: Item[], prefix: string) => ({
    path,
    objects: true,
    errors,
    labels: items.map((i) => i.label),
    onChange: (index: number, label: string) =>
      setDraft((d) => ({ ...d, [path]: items.map((it, i) => (i === index ? { ...it, label } : it)) }) as Exercise),
    onAdd: () => setDraft((d) => ({ ...d, [path]: [...items, { id: newItemId(prefix, items), label: '' }] }) as Exercise),
    onRemove: (index: number) => setDraft((d) => withoutDanglingLink({ ...d, [path]: items.filter((_, i) => i !== index) } as Exercise)),
  });

  switch (draft.kind) {
    case 'columns':
      return (
        <>
          <ListEditor list="columns" hint={t('columnsHint')} min={1} max={3} {...itemProps('columns', draft.columns, 'col')} />
          <LinkFields draft={draft} setDraft={setDraft} />
        </>
      );
    case 'spectrum':
      return (
        <>
          <ListEditor list="areas" hint={t('areasHint')} min={1} max={10} {...itemProps('areas', draft.areas, 'area')} />
          <ListEditor
            list="stops"
            hint={t('stopsHint')}
            min={2}
            max={5}
            path="stops"
            objects={false}
            errors={errors}
            labels={draft.stops}
            onChange={(index, label) => setDraft((d) => (d.kind === 'spectrum' ? { ...d, stops: d.stops.map((s, i) => (i === index ? label : s)) } : d))}
            onAdd={() => setDraft((d) => (d.kind === 'spectrum' ? { ...d, stops: [...d.stops, ''] } : d))}
            onRemove={(index) => setDraft((d) => (d.kind === 'spectrum' ? { ...d, stops: d.stops.filter((_, i) => i !== index) } : d))}
          />
        </>
      );
    case 'prompts':
      return <ListEditor list="questions" hint={t('questionsHint')} min={1} max={8} {...itemProps('questions', draft.questions, 'q')} />;
  }
}

/** A link can only point between columns that still exist. */
function withoutDanglingLink(d: Exercise): Exercise {
  if (d.kind !== 'columns' || !d.link) return d;
  const ids = d.columns.map((c) => c.id);
  return ids.includes(d.link.from) && ids.includes(d.link.to) && d.link.from !== d.link.to ? d : { ...d, link: null };
}

/** "Link each need to something the partner brings": optional, needs two columns. */
function LinkFields({ draft, setDraft }: { draft: ColumnsExercise; setDraft: KindFieldsProps['setDraft'] }) {
  const t = useTranslations('hostNew.lists');
  if (draft.columns.length < 2) return null;
  const { columns, link } = draft;
  const name = (id: string, i: number) => columns.find((c) => c.id === id)?.label || t('line', { list: 'columns', number: i + 1 });
  const setLink = (next: ColumnsExercise['link']) => setDraft((d) => (d.kind === 'columns' ? { ...d, link: next } : d));
  const select = 'min-h-11 rounded-lg border border-muted bg-card px-3 text-base text-ink';

  return (
    <fieldset className="flex flex-col gap-3 rounded-2xl border border-line p-4">
      <legend className="px-1 text-base font-semibold">{t('links')}</legend>
      <label className="flex items-start gap-3 text-base">
        <input
          type="checkbox"
          className="mt-1 size-5 accent-accent"
          checked={link !== null}
          onChange={(e) => setLink(e.target.checked ? { from: columns[1].id, to: columns[0].id } : null)}
        />
        <span>{t('linksHint')}</span>
      </label>
      {link && (
        <div className="flex flex-wrap items-center gap-3 text-base">
          <label className="flex items-center gap-2">
            <span>{t('linkFrom')}</span>
            <select className={select} value={link.from} onChange={(e) => setLink({ from: e.target.value, to: link.to === e.target.value ? link.from : link.to })}>
              {columns.map((c, i) => (
                <option key={c.id} value={c.id} dir="auto">
                  {name(c.id, i)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <span>{t('linkTo')}</span>
            <select className={select} value={link.to} onChange={(e) => setLink({ from: link.from === e.target.value ? link.to : link.from, to: e.target.value })}>
              {columns.map((c, i) => (
                <option key={c.id} value={c.id} dir="auto">
                  {name(c.id, i)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </fieldset>
  );
}
