import { useTranslations } from 'next-intl';
import { formatPairCode, formatRoomCode } from '../../../lib/codes';
import { QrCode } from '../../_components/QrCode';
import { PairLinkShare } from './PairLinkShare';

/**
 * Until the partner arrives: the one thing to do next. The partner either
 * scans the QR (which carries the pair code) or types the code after
 * choosing "Join my partner" in the same room.
 */
export function PairCodeCard({
  pairCode,
  pairUrl,
  roomCode,
  meanwhile,
}: {
  pairCode: string;
  pairUrl: string;
  roomCode: string;
  /** What this person can do while waiting; it differs in the lobby and during an exercise. */
  meanwhile?: string;
}) {
  const t = useTranslations('board');
  return (
    <section aria-labelledby="pair-card-heading" className="flex flex-col gap-4 rounded-3xl border-2 border-accent bg-card p-5 shadow-sm">
      <h2 id="pair-card-heading" className="text-2xl font-semibold tracking-tight">
        {t('pairCard.heading')}
      </h2>
      <div>
        <p className="text-base text-muted">{t('pairCard.code')}</p>
        <p className="font-mono text-5xl font-bold tracking-[0.1em] whitespace-nowrap">
          <span dir="ltr">{formatPairCode(pairCode)}</span>
        </p>
      </div>
      <QrCode value={pairUrl} label={t('pairCard.qr')} className="w-48 max-w-full self-center border border-line" />
      <p className="text-lg leading-relaxed">
        {t.rich('pairCard.how', {
          room: formatRoomCode(roomCode),
          code: (chunks) => (
            <span dir="ltr" className="font-mono font-semibold whitespace-nowrap">
              {chunks}
            </span>
          ),
          strong: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
      </p>
      <PairLinkShare pairUrl={pairUrl} />
      <p className="text-base text-muted">{meanwhile ?? t('pairCard.meanwhile')}</p>
    </section>
  );
}
