import { useTranslations } from 'next-intl';

/** Before anyone types a word: how long their board is kept, and that they can end it sooner ([R36]). */
export function RetentionNote({ days }: { days: number }) {
  const t = useTranslations('join');
  return (
    <p className="flex gap-2 text-base leading-relaxed text-muted">
      <ClockIcon />
      <span>{t('retention', { days })}</span>
    </p>
  );
}

function ClockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-1 size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <circle cx="8" cy="8" r="6" />
      <path d="M8 4.5V8l2.5 1.5" />
    </svg>
  );
}
