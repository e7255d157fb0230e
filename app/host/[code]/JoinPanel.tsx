'use client';

import { useTranslations } from 'next-intl';
import { formatRoomCode } from '../../../lib/codes';
import { QrCode } from '../../_components/QrCode';
import { JoinLinkShare } from './JoinLinkShare';

/** How couples get in: the room code and a QR of the join link (the projector view shows both, huge). */
export function JoinPanel({ code, joinUrl, title }: { code: string; joinUrl: string; title: string }) {
  const t = useTranslations('console.join');
  const display = joinUrl.replace(/^https?:\/\//, '');
  return (
    <section aria-labelledby="join-panel-heading" className="flex flex-col gap-5 rounded-3xl border border-line bg-card p-6 shadow-sm">
      <h2 id="join-panel-heading" className="text-lg font-semibold">
        {t('heading')}
      </h2>
      <div>
        <p className="text-sm font-semibold tracking-wide text-muted uppercase">{t('roomCode')}</p>
        <p className="font-mono text-3xl font-bold tracking-[0.06em] whitespace-nowrap sm:text-4xl lg:text-5xl">
          <span dir="ltr">{formatRoomCode(code)}</span>
        </p>
      </div>
      {joinUrl && <QrCode value={joinUrl} label={t('qr', { link: display })} className="w-56 max-w-full self-center border border-line" />}
      <p className="text-base">
        <span className="text-muted">{t('orOpen')} </span>
        <JoinLinkText display={display} />
      </p>
      <JoinLinkShare joinUrl={joinUrl} title={title} />
    </section>
  );
}

/** "host/join/CODE", allowed to wrap only before "/join" so the code never splits. */
function JoinLinkText({ display }: { display: string }) {
  const at = display.indexOf('/join/');
  if (at < 0)
    return (
      <span dir="ltr" className="font-semibold break-all">
        {display}
      </span>
    );
  return (
    <span dir="ltr" className="font-semibold">
      <span className="break-all">{display.slice(0, at)}</span>
      <wbr />
      <span className="whitespace-nowrap">{display.slice(at)}</span>
    </span>
  );
}
