import { useTranslations } from 'next-intl';
import type { ProjectorState, PublicWorkshopState } from '../../../lib/protocol';
import { WallCards } from './WallCards';

/** The end: a quiet thank-you, and what the room chose to share, if anything. */
export function ThanksScreen({ state, room }: { state: PublicWorkshopState; room: ProjectorState | null }) {
  const t = useTranslations('projector');
  const wall = room?.wall ?? [];
  return (
    <div className={`grid flex-1 items-center gap-[5vw] px-[6vw] py-[6vh] ${wall.length > 0 ? 'grid-cols-[minmax(0,1fr)_minmax(0,38vw)]' : 'grid-cols-1 text-center'}`}>
      <div className="flex flex-col gap-[3vh]">
        <h1 className="text-[13vh] leading-none font-semibold">{t('thanks')}</h1>
        <p dir="auto" className="text-[4vh] text-muted">
          {state.title}
        </p>
        <p className="text-[3.2vh]">{t('thanksBoard')}</p>
      </div>
      {wall.length > 0 && <WallCards wall={wall} perPage={4} />}
    </div>
  );
}
