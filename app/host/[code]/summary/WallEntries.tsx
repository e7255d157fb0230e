import { useTranslations } from 'next-intl';
import type { WorkshopSummary } from '../../../../lib/summary';

/**
 * What reached the room wall, grouped by the exercise it came from. Only
 * entries the facilitator approved, and only their text: the server keeps
 * no names with them, so there are none to leave out.
 */
export function WallEntries({ wall, exercises }: { wall: WorkshopSummary['wall']; exercises: WorkshopSummary['exercises'] }) {
  const t = useTranslations('summary.wall');
  const groups = exercises
    .map((e) => ({ key: e.key, title: e.title, texts: wall.filter((w) => w.itemKey === e.key).map((w) => w.text) }))
    .filter((g) => g.texts.length > 0);
  // An entry whose exercise is no longer on the agenda still belongs on the record.
  const known = new Set(exercises.map((e) => e.key));
  const other = wall.filter((w) => !known.has(w.itemKey)).map((w) => w.text);
  if (other.length) groups.push({ key: '~other', title: t('other'), texts: other });

  return (
    <section aria-labelledby="wall-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="wall-heading" className="text-2xl font-semibold tracking-tight">
          {t('heading')}
        </h2>
        <p className="text-base text-muted">
          {wall.length === 0 ? t('empty') : t('lead')}
        </p>
      </div>
      {groups.map((g) => (
        <div key={g.key} className="flex flex-col gap-2">
          <h3 dir="auto" className="text-lg font-semibold">
            {g.title}
          </h3>
          <ul className="grid gap-3 md:grid-cols-2 print:grid-cols-2">
            {g.texts.map((text, i) => (
              <li key={i} dir="auto" className="rounded-2xl border border-line bg-card px-5 py-4 text-lg leading-relaxed break-words whitespace-pre-line break-inside-avoid">
                {text}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
