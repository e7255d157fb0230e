import type { Metadata } from 'next';
import { isRoomCode, normalizeCode } from '../../../lib/codes';
import { Projector } from './Projector';
import './projector.css';

export const metadata: Metadata = { title: 'Projector · Twofold' };

/** The room's big screen. Needs only the room code (which is on the wall anyway): no secret, nothing private. */
export default async function PresentPage({ params }: { params: Promise<{ code: string }> }) {
  const code = normalizeCode(decodeURIComponent((await params).code));
  if (!isRoomCode(code)) {
    return (
      <main className="projector flex min-h-dvh items-center justify-center bg-paper p-[5vh] text-ink">
        <h1 className="text-[5vh] font-semibold">That is not a room code</h1>
      </main>
    );
  }
  return <Projector code={code} />;
}
