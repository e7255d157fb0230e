import { useTranslations } from 'next-intl';

/**
 * Which exercise, and what it asks: the top of an exercise on the phone. Workshop-level (the same
 * on every couple's phone), so the server renders it in the first screen too (BoardFirstScreen).
 */
export function ExerciseHeading({ index, total, title, prompt }: { index: number; total: number; title: string; prompt: string }) {
  const t = useTranslations('board');
  return (
    <div className="flex flex-col gap-2">
      <p className="text-base text-muted">{t('exerciseOf', { number: index + 1, total })}</p>
      {/* Not a heading: its words are often the column headings below, and repeating them would blur those. */}
      <p className="text-3xl font-semibold tracking-tight">
        <span className="sr-only">{t('exerciseLabel')} </span>
        <bdi>{title}</bdi>
      </p>
      <p dir="auto" className="text-lg leading-relaxed">
        {prompt}
      </p>
    </div>
  );
}
