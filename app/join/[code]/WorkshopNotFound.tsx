import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { formatRoomCode } from '../../../lib/codes';
import { buttonClasses } from '../../_components/Button';
import { PageHeader } from '../../_components/PageHeader';
import type { DeletedBy, LeaveReason } from './leaveMessages';
import { useLeaveWords } from './useLeaveWords';

/** A wrong or expired code: say so kindly and offer the way back. */
export function WorkshopNotFound({ code, left = null, by = null }: { code?: string; left?: LeaveReason | null; by?: DeletedBy | null }) {
  const t = useTranslations('join');
  if (left) return <LeftAndGone left={left} by={by} />;
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <PageHeader scope="room" />
      <main className="flex flex-col gap-5 pt-10">
        <h1 className="text-3xl font-semibold tracking-tight">{t('notFoundHeading')}</h1>
        <p className="text-lg leading-relaxed text-muted">
          {code
            ? t.rich('notFoundCode', {
                code: formatRoomCode(code),
                mono: (chunks) => (
                  <span dir="ltr" className="font-mono font-semibold whitespace-nowrap text-ink">
                    {chunks}
                  </span>
                ),
              })
            : t('notFoundNotACode')}
        </p>
        <Link href="/" className={buttonClasses('primary', 'self-start')}>
          {t('enterCodeAgain')}
        </Link>
      </main>
    </div>
  );
}

/** Sent here by a board whose workshop has since been deleted: say what happened to the board, not "wrong code". */
function LeftAndGone({ left, by }: { left: LeaveReason; by: DeletedBy | null }) {
  const t = useTranslations('join');
  const words = useLeaveWords(left, by)!;
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <PageHeader scope="room" />
      <main className="flex flex-col gap-5 pt-10">
        <h1 className="text-3xl font-semibold tracking-tight">{words.title}</h1>
        <p className="text-lg leading-relaxed">{words.body}</p>
        <Link href="/" className={buttonClasses('secondary', 'self-start')}>
          {t('goToTwofold')}
        </Link>
      </main>
    </div>
  );
}
