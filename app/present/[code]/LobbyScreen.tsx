import { formatRoomCode } from '../../../lib/codes';
import type { ProjectorState, PublicWorkshopState } from '../../../lib/protocol';
import { QrCode } from '../../_components/QrCode';
import { plural } from '../../_lib/plural';

/** The room code and the QR, as large as the wall allows, and how many couples are in. */
export function LobbyScreen({ state, room, joinUrl }: { state: PublicWorkshopState; room: ProjectorState | null; joinUrl: string }) {
  const host = joinUrl.replace(/^https?:\/\//, '').replace(/\/join\/.*$/, '');
  return (
    <div className="flex flex-1 flex-col px-[5vw] py-[5vh]">
      <h1 className="max-w-[80%] text-[4.5vh] leading-tight font-semibold">{state.title}</h1>
      <div className="flex flex-1 items-center justify-between gap-[5vw]">
        <div className="flex flex-col gap-[3vh]">
          {state.joinsOpen ? (
            <>
              <p className="text-[4vh] text-muted">
                Open <span className="font-semibold text-ink">{host}</span> and enter
              </p>
              <p className="font-mono text-[min(8.4vw,17vh)] leading-none font-bold tracking-[0.05em] whitespace-nowrap">{formatRoomCode(state.code)}</p>
              <p className="text-[3.5vh] text-muted">or scan the code with your phone camera</p>
            </>
          ) : (
            <p className="text-[5vh]">The room is closed to new people.</p>
          )}
        </div>
        {state.joinsOpen && joinUrl && <QrCode value={joinUrl} label="QR code to join this workshop" className="w-[min(56vh,32vw)] shrink-0" />}
      </div>
      <p className="text-[4vh]" aria-live="polite">
        {room ? (
          <>
            <span className="font-semibold tabular-nums">{room.couples}</span> {room.couples === 1 ? 'couple' : 'couples'} joined
            <span className="text-muted"> · {plural(room.people, 'person', 'people')} here</span>
          </>
        ) : (
          ' '
        )}
      </p>
    </div>
  );
}
