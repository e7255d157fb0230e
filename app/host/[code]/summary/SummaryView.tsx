'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatRoomCode } from '../../../../lib/codes';
import type { WorkshopSummary } from '../../../../lib/summary';
import { DeleteWorkshop } from '../DeleteWorkshop';
import { AttendanceFigures } from './AttendanceFigures';
import { ExerciseTable } from './ExerciseTable';
import { SummaryActions } from './SummaryActions';
import { useSummaryText } from './summaryText';
import { LanguageMenu } from '../../../_components/LanguageMenu';
import { PulseSummary } from './PulseSummary';
import { WallEntries } from './WallEntries';

const mono = (chunks: ReactNode) => (
  <span dir="ltr" className="font-mono">
    {chunks}
  </span>
);

/*
 * Paper is white whatever the screen's theme: in dark mode the light ink
 * would print nearly invisible (browsers leave backgrounds out). The theme
 * tokens are set back to light ones for print on this page only.
 */
const PRINT_LIGHT =
  'print:[--color-ink:#1f1b18] print:[--color-muted:#4f4740] print:[--color-line:#cfc6bb] print:[--color-card:#ffffff] print:[--color-paper:#ffffff] print:text-ink';

interface SummaryViewProps {
  code: string;
  hostKey: string;
  summary: WorkshopSummary;
  onDeleted: () => void;
}

/**
 * The facilitator's record of the session, laid out for a laptop and for
 * paper: who came, how the time went per exercise, and the wall. Figures and
 * shared entries only; nothing a couple kept to themselves is in it.
 */
export function SummaryView({ code, hostKey, summary, onDeleted }: SummaryViewProps) {
  const t = useTranslations('summary');
  const text = useSummaryText();
  const { title, createdAt, endedAt, retentionDays } = summary;
  return (
    <div className={`mx-auto flex min-h-dvh w-full max-w-6xl flex-col gap-10 px-5 py-6 lg:px-8 print:max-w-none print:gap-8 print:p-0 ${PRINT_LIGHT}`}>
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        <nav aria-label={t('nav')}>
          <Link href={`/host/${code}`} className="inline-flex min-h-10 items-center gap-2 rounded-lg text-base font-semibold text-accent underline underline-offset-4">
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
              ←
            </span>
            {t('back')}
          </Link>
        </nav>
        <LanguageMenu scope="host" />
      </div>

      <main className="flex flex-col gap-10 print:gap-8">
        <header className="flex flex-wrap items-start justify-between gap-x-8 gap-y-4">
          <div className="flex min-w-0 flex-col gap-1.5">
            <p className="text-sm font-semibold tracking-wide text-muted uppercase">
              {t.rich('kicker', { code: formatRoomCode(code), mono })}
            </p>
            <h1 dir="auto" className="text-4xl font-semibold tracking-tight break-words">
              {title}
            </h1>
            <p className="text-lg">{text.when(createdAt, endedAt)}</p>
            <p className="text-base text-muted">{text.retention(createdAt, endedAt, retentionDays)}</p>
          </div>
          <SummaryActions code={code} hostKey={hostKey} />
        </header>

        <AttendanceFigures attendance={summary.attendance} />
        <ExerciseTable exercises={summary.exercises} couples={summary.attendance.couples} />
        <WallEntries wall={summary.wall} exercises={summary.exercises} />
        {summary.pulse && <PulseSummary pulse={summary.pulse} />}

        <footer className="flex flex-col gap-6 border-t border-line pt-6">
          <p className="max-w-prose text-base leading-relaxed text-muted">{t('figuresOnly')}</p>
          <div className="max-w-xl">
            <DeleteWorkshop code={code} hostKey={hostKey} heading="h2" onDeleted={onDeleted} />
          </div>
        </footer>
      </main>
    </div>
  );
}
