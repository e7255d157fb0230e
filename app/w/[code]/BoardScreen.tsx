'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { addEntry, setLink, type Column, type EntryView } from '../../../lib/board/schema';
import { BRING_NEED_EXERCISE } from '../../../lib/exercises';
import { CLOSE_CODES, PROTOCOL_VERSION, type HandshakeAuth } from '../../../lib/protocol';
import { Button } from '../../_components/Button';
import { Notice } from '../../_components/Notice';
import { newId } from '../../_lib/newId';
import { useBoard } from '../../_lib/useBoard';
import { useControlSocket } from '../../_lib/useControlSocket';
import { useOnline } from '../../_lib/useOnline';
import { usePresence } from '../../_lib/usePresence';
import { useLatestEvent } from '../../_lib/useSocketEvent';
import { BoardColumn } from './BoardColumn';
import { viewBoard, type BoardView } from './boardModel';
import { closedBoardMessage, connectionLine, partnerLine } from './statusLines';
import { PairCodeCard } from './PairCodeCard';
import { StatusBar } from './StatusBar';
import { UndoNotice } from './UndoNotice';
import { useDeleteWithUndo } from './useDeleteWithUndo';
import { useMe, type SeatedMe } from './useMe';

const EMPTY_VIEW: BoardView = { mine: { bring: [], need: [] }, partners: { bring: [], need: [] }, links: new Map(), byId: new Map(), metCount: new Map() };

/** /w/<code>: the couple's board, once we know who this phone is. */
export function BoardScreen({ code }: { code: string }) {
  const state = useMe(code);
  if (state.kind === 'loading') {
    return (
      <p role="status" className="mx-auto max-w-xl px-5 py-10 text-lg text-muted">
        Opening your board…
      </p>
    );
  }
  if (state.kind === 'problem') {
    return (
      <main className="mx-auto flex max-w-xl flex-col gap-4 px-5 py-10">
        <h1 className="text-2xl font-semibold">Your board could not open</h1>
        <Notice tone="problem">{state.message}</Notice>
        <Button variant="secondary" className="self-start" onClick={state.retry}>
          Try again
        </Button>
      </main>
    );
  }
  return <CoupleBoard code={code} me={state.me} token={state.token} />;
}

function CoupleBoard({ code, me, token }: { code: string; me: SeatedMe; token: string }) {
  const auth = useMemo<HandshakeAuth>(() => ({ role: 'participant', protocol: PROTOCOL_VERSION, token }), [token]);
  const { socket } = useControlSocket(auth);
  const self = useLatestEvent(socket, 'self:state');
  const board = useBoard(me.board);
  const browserOnline = useOnline();

  const seat = me.participant.seat;
  const myName = self?.name ?? me.participant.name;
  const partner = useMemo(() => {
    const live = self?.couple?.members.find((m) => m.id !== me.participant.id);
    if (live) return { name: live.name, seat: live.seat, online: live.online as boolean | null };
    const known = me.couple.partner;
    return known ? { name: known.name, seat: known.seat, online: null } : null;
  }, [self, me]);

  const { partnerTyping, noteTyping } = usePresence(board?.provider ?? null, { name: myName, seat });
  const doc = board?.doc ?? null;
  const version = board?.version ?? 0;
  // `version` changes whenever the doc does; the doc object itself stays the same.
  const view = useMemo(() => (doc ? viewBoard(doc, seat) : EMPTY_VIEW), [doc, seat, version]);

  const [focusId, setFocusId] = useState<string | null>(null);
  const addRefs = { bring: useRef<HTMLButtonElement>(null), need: useRef<HTMLButtonElement>(null) };
  const { deletedColumn, remove, undo, dismiss } = useDeleteWithUndo(doc, setFocusId);

  const add = (column: Column) => {
    if (!doc) return;
    const id = newId();
    addEntry(doc, { id, exercise: BRING_NEED_EXERCISE.id, column, author: seat, createdAt: Date.now() });
    setFocusId(id);
  };
  const onDelete = (entry: EntryView) => {
    remove(entry);
    addRefs[entry.column].current?.focus();
  };
  const onLink = useCallback((needId: string, bringId: string | null) => doc && setLink(doc, needId, bringId), [doc]);

  const announcement = usePartnerArrival(partner?.name ?? null);
  const workshopHeading = <h1 className="text-base font-semibold text-muted">{me.workshop.title}</h1>;
  const closedMessage = board?.connection === 'closed' ? closedBoardMessage(board.closeCode) : null;

  return (
    <>
      <StatusBar
        connection={connectionLine(board?.connection ?? 'connecting', browserOnline, closedMessage)}
        partner={partnerLine(partner, partnerTyping)}
        promptTitle={BRING_NEED_EXERCISE.title}
        prompt={BRING_NEED_EXERCISE.prompt}
      />
      <div className="mx-auto flex w-full max-w-xl flex-col gap-8 px-4 pt-5 pb-[40vh]">
        {/* Until the partner is here, showing them the code is the one thing to do next, so it comes first. */}
        {!partner && (
          <div className="flex flex-col gap-4">
            {workshopHeading}
            <PairCodeCard pairCode={self?.couple?.pairCode ?? me.couple.pairCode} pairUrl={me.couple.pairUrl} roomCode={code} />
          </div>
        )}

        <div className="flex flex-col gap-2">
          {partner && workshopHeading}
          {/* Not a heading: its words are the column headings below, and repeating them would blur those. */}
          <p className="text-3xl font-semibold tracking-tight">
            <span className="sr-only">Exercise: </span>
            {BRING_NEED_EXERCISE.title}
          </p>
          <p className="text-lg leading-relaxed">{BRING_NEED_EXERCISE.prompt}</p>
        </div>

        {closedMessage && (
          <Notice tone="problem" title="This board is not syncing">
            {closedMessage}{' '}
            {board?.closeCode === CLOSE_CODES.unauthorized && (
              <Link href={`/join/${code}`} className="font-semibold text-accent underline underline-offset-4">
                Join again
              </Link>
            )}
          </Notice>
        )}

        {(['bring', 'need'] as const).map((column) => (
          <BoardColumn
            key={column}
            column={column}
            title={BRING_NEED_EXERCISE.columns[column]}
            view={view}
            seat={seat}
            partner={partner}
            focusId={focusId}
            addRef={addRefs[column]}
            onAdd={() => add(column)}
            onTyping={noteTyping}
            onLink={onLink}
            onDelete={onDelete}
            undo={deletedColumn === column ? <UndoNotice onUndo={undo} onDismiss={dismiss} /> : null}
          />
        ))}

        <p className="border-t border-line pt-6 text-base text-muted">
          Only you{partner ? ` and ${partner.name}` : ' and your partner'} can read this board. The facilitator sees how many
          entries you have, never what they say.
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

/** "Sam joined your board", said once when the partner first appears (not on every reload). */
function usePartnerArrival(partnerName: string | null): string {
  const [message, setMessage] = useState('');
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (previous.current === null && partnerName) setMessage(`${partnerName} joined your board.`);
    previous.current = partnerName;
  }, [partnerName]);
  return message;
}
