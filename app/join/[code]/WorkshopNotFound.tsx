import Link from 'next/link';
import { formatRoomCode } from '../../../lib/codes';
import { buttonClasses } from '../../_components/Button';
import { Wordmark } from '../../_components/Wordmark';
import type { LeaveMessage } from './leaveMessages';

/** A wrong or expired code: say so kindly and offer the way back. */
export function WorkshopNotFound({ code, left = null }: { code?: string; left?: LeaveMessage | null }) {
  if (left) return <LeftAndGone left={left} />;
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-5 pt-10">
        <h1 className="text-3xl font-semibold tracking-tight">We couldn&rsquo;t find that workshop</h1>
        <p className="text-lg leading-relaxed text-muted">
          {code ? <>No workshop has the code <span className="font-mono font-semibold whitespace-nowrap text-ink">{formatRoomCode(code)}</span>.</> : 'That is not a room code.'}{' '}
          Check the code on the facilitator&rsquo;s screen and try again.
        </p>
        <Link href="/" className={buttonClasses('primary', 'self-start')}>
          Enter the code again
        </Link>
      </main>
    </div>
  );
}

/** Sent here by a board whose workshop has since been deleted: say what happened to the board, not "wrong code". */
function LeftAndGone({ left }: { left: LeaveMessage }) {
  return (
    <div className="mx-auto flex min-h-dvh w-full max-w-xl flex-col px-5 py-6">
      <header>
        <Wordmark />
      </header>
      <main className="flex flex-col gap-5 pt-10">
        <h1 className="text-3xl font-semibold tracking-tight">{left.title}</h1>
        <p className="text-lg leading-relaxed">{left.body}</p>
        <Link href="/" className={buttonClasses('secondary', 'self-start')}>
          Go to Twofold
        </Link>
      </main>
    </div>
  );
}
