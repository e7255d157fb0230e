import { formatPairCode, formatRoomCode } from '../../../lib/codes';
import { QrCode } from '../../_components/QrCode';

/**
 * Until the partner arrives: the one thing to do next. The partner either
 * scans the QR (which carries the pair code) or types the code after
 * choosing "Join my partner" in the same room.
 */
export function PairCodeCard({
  pairCode,
  pairUrl,
  roomCode,
  meanwhile = 'You can start writing below while you wait.',
}: {
  pairCode: string;
  pairUrl: string;
  roomCode: string;
  /** What this person can do while waiting; it differs in the lobby and during an exercise. */
  meanwhile?: string;
}) {
  return (
    <section aria-labelledby="pair-card-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-accent bg-card p-5 shadow-sm">
      <h2 id="pair-card-heading" className="text-2xl font-semibold tracking-tight">
        Show this to your partner
      </h2>
      <div>
        <p className="text-base text-muted">Pair code</p>
        <p className="font-mono text-5xl font-bold tracking-[0.1em] whitespace-nowrap">{formatPairCode(pairCode)}</p>
      </div>
      <QrCode value={pairUrl} label="QR code that takes your partner to your board" className="w-48 max-w-full self-center border border-line" />
      <p className="text-lg leading-relaxed">
        Your partner scans this with their phone camera. Or they open the same room (code{' '}
        <span className="font-mono font-semibold whitespace-nowrap">{formatRoomCode(roomCode)}</span>), choose{' '}
        <span className="font-semibold">Join my partner</span> and type the pair code.
      </p>
      <p className="text-base text-muted">{meanwhile}</p>
    </section>
  );
}
