import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatRoomCode } from '../../../lib/codes';
import type { ProjectorState, PublicWorkshopState } from '../../../lib/protocol';
import { QrCode } from '../../_components/QrCode';

const strong = (chunks: ReactNode) => (
  <span dir="ltr" className="font-semibold text-ink">
    {chunks}
  </span>
);
const figure = (chunks: ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;
const quiet = (chunks: ReactNode) => <span className="text-muted">{chunks}</span>;

interface LobbyScreenProps {
  state: PublicWorkshopState;
  room: ProjectorState | null;
  joinUrl: string;
  /** The join QR as the server's render drew it, if it did. */
  qr?: { value: string; src: string } | null;
}

/** The room code and the QR, as large as the wall allows, and how many couples are in. */
export function LobbyScreen({ state, room, joinUrl, qr = null }: LobbyScreenProps) {
  const t = useTranslations('projector');
  const host = joinUrl.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '');
  return (
    <div className="flex flex-1 flex-col px-[5vw] py-[5vh]">
      <h1 dir="auto" className="max-w-[80%] text-[4.5vh] leading-tight font-semibold">
        {state.title}
      </h1>
      <div className="flex flex-1 items-center justify-between gap-[5vw]">
        <div className="flex flex-col gap-[3vh]">
          {state.joinsOpen ? (
            <>
              <p className="text-[4vh] text-muted">{t.rich('openAndEnter', { host, strong })}</p>
              <p className="font-mono text-[min(8.4vw,17vh)] leading-none font-bold tracking-[0.05em] whitespace-nowrap">
                <span dir="ltr">{formatRoomCode(state.code)}</span>
              </p>
              <p className="text-[3.5vh] text-muted">{t('orScan')}</p>
            </>
          ) : (
            <p className="text-[5vh]">{t('roomClosed')}</p>
          )}
        </div>
        {state.joinsOpen && joinUrl && <QrCode value={joinUrl} label={t('joinQr')} rendered={qr} className="w-[min(56vh,32vw)] shrink-0" />}
      </div>
      {/* Until the figures come, the same words for nobody hold their lines (unseen, unread): the lobby is in the page's HTML, and the code above must not move when they arrive. */}
      <p className={`text-[4vh] ${room ? '' : 'invisible'}`} aria-live="polite">
        {t.rich('lobbyFigures', { couples: room?.couples ?? 0, people: room?.people ?? 0, figure, quiet })}
      </p>
    </div>
  );
}
