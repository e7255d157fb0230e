import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { formatRoomCode } from '../../../lib/codes';
import type { ProjectorState, PublicWorkshopState } from '../../../lib/protocol';
import type { AgendaItem, PublicAgendaItem } from '../../../lib/catalogue/agenda';
import { BigCountdown } from './BigCountdown';
import { WallCards } from './WallCards';

const mono = (chunks: ReactNode) => (
  <span dir="ltr" className="font-mono font-semibold tracking-wide text-ink">
    {chunks}
  </span>
);
const figure = (chunks: ReactNode) => <span className="font-semibold tabular-nums">{chunks}</span>;
const quiet = (chunks: ReactNode) => <span className="text-muted">{chunks}</span>;

/**
 * One exercise on the wall: what to do (title, prompt, what the board asks),
 * how long is left, and how the room is doing, in counts only.
 */
export function ExerciseScreen({ state, offsetMs, room }: { state: PublicWorkshopState; offsetMs: number; room: ProjectorState | null }) {
  const t = useTranslations('projector');
  const item = state.agenda[state.step];
  const wall = room?.wall ?? [];
  const hasSide = state.timer !== null || wall.length > 0;

  return (
    <div className="flex flex-1 flex-col gap-[3vh] px-[5vw] pt-[4vh] pb-[4vh]">
      <p className="text-[2.8vh] text-muted">
        {state.joinsOpen
          ? t.rich('exerciseOfJoin', { number: state.step + 1, total: state.agenda.length, code: formatRoomCode(state.code), mono })
          : t('exerciseOf', { number: state.step + 1, total: state.agenda.length })}
      </p>
      <div className={`grid min-h-0 flex-1 gap-[5vw] ${hasSide ? 'grid-cols-[minmax(0,1fr)_minmax(0,34vw)]' : 'grid-cols-1'}`}>
        <div className="flex min-h-0 flex-col gap-[3vh]">
          <h1 dir="auto" className="text-[7.5vh] leading-[1.1] font-semibold">
            {item.title}
          </h1>
          <p dir="auto" className="max-w-[62ch] text-[3.6vh] leading-snug">
            {item.prompt}
          </p>
          <Shape item={item} />
        </div>
        {hasSide && (
          <div className="flex min-h-0 flex-col gap-[5vh]">
            {state.timer && <BigCountdown timer={state.timer} offsetMs={offsetMs} size={wall.length > 0 ? 'large' : 'huge'} />}
            {wall.length > 0 && <WallCards wall={wall} perPage={state.timer ? 2 : 4} />}
          </div>
        )}
      </div>
      <p className="text-[3.6vh]">
        {t.rich(state.locked ? 'roomFiguresPaused' : 'roomFigures', { couples: room?.couples ?? 0, ready: room?.readyCouples ?? 0, figure, quiet })}
      </p>
    </div>
  );
}

/**
 * lib's PublicAgendaItem is Omit<AgendaItem, …>, and Omit over a union keeps
 * only the shared keys, so the per-kind lists vanish from the type (not from
 * the data). Omitting per kind keeps them.
 */
type Shown = AgendaItem extends infer T ? (T extends unknown ? Omit<T, 'facilitatorNote'> : never) : never;

/** What the board asks for, so the room can follow along: the columns, the questions, or the areas and the line. */
function Shape({ item: publicItem }: { item: PublicAgendaItem }) {
  const item = publicItem as Shown;
  const chip = 'rounded-full border border-line px-[1.6vh] py-[0.6vh]';
  switch (item.kind) {
    case 'columns':
      return (
        <ul className="flex flex-wrap gap-[1.4vh] text-[3vh]">
          {item.columns.map((c) => (
            <li key={c.id} dir="auto" className={chip}>
              {c.label}
            </li>
          ))}
        </ul>
      );
    case 'prompts':
      return (
        <ol className="flex list-decimal flex-col gap-[0.8vh] ps-[3vh] text-[3vh] text-muted marker:text-muted">
          {item.questions.map((q) => (
            <li key={q.id} dir="auto">
              {q.label}
            </li>
          ))}
        </ol>
      );
    case 'spectrum':
      return (
        <div className="flex flex-col gap-[1.6vh] text-[3vh]">
          <p className="flex flex-wrap items-baseline gap-x-[1.6vh] text-muted">
            {item.stops.map((stop, i) => (
              <span key={i} className="flex items-baseline gap-x-[1.6vh]">
                {i > 0 && (
                  <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
                    →
                  </span>
                )}
                <bdi>{stop}</bdi>
              </span>
            ))}
          </p>
          <ul className="flex flex-wrap gap-[1.4vh]">
            {item.areas.map((a) => (
              <li key={a.id} dir="auto" className={chip}>
                {a.label}
              </li>
            ))}
          </ul>
        </div>
      );
  }
}
