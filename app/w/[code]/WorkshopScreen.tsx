'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useMemo, useState, type ReactNode } from 'react';
import type { PublicWorkshopState } from '../../../lib/protocol';
import { privateDocName } from '../../../lib/protocol/boardDoc';
import { CLOSE_CODES } from '../../../lib/protocol/closeCodes';
import { Notice } from '../../_components/Notice';
import { boardTickets } from '../../_lib/boardTickets';
import { bdi } from '../../_i18n/bdi';
import { useErrorText } from '../../_i18n/errorText';
import { useBoard } from '../../_lib/useBoard';
import { useCountdown } from '../../_lib/useCountdown';
import { useOnline } from '../../_lib/useOnline';
import { usePresence } from '../../_lib/usePresence';
import { ClosingNote } from './ClosingNote';
import { CouplePause } from './CouplePause';

import { ClosingPulse } from './ClosingPulse';
import { ExerciseView } from './ExerciseView';
import { KeepBoardCard } from './KeepBoardCard';
import { LobbyView } from './LobbyView';
import { PairCodeCard } from './PairCodeCard';
import { participantCommands } from './participantCommands';
import { asPhoneItem } from './phoneItem';
import { ReviewLinkFooter } from './ReviewLinkFooter';
import { RoomTimer } from './RoomTimer';
import { BoardFrame, RoomNotices } from './BoardFrame';
import { saveStateOf, saveStatusLine } from './saveStatusLine';
import { closedBoardMessage, overallConnection, partnerLine } from './statusLines';
import { useBoardAnnouncements } from './useBoardAnnouncements';
import { useExerciseDocs } from './useExerciseDocs';
import { useLeaveWhenRemoved } from './useLeaveWhenRemoved';
import type { SeatedMe } from './useMe';
import { useParticipantSession } from './useParticipantSession';
import { useSaveAnnouncement } from './useSaveAnnouncement';
import { useTimesUp } from './useTimesUp';

interface WorkshopScreenProps {
  code: string;
  me: SeatedMe;
  token: string;
  /** The room's state the page was rendered with, until the live one comes. */
  initial: PublicWorkshopState | null;
  languageMenu: ReactNode;
}

/**
 * A seated partner's whole workshop, paced by the facilitator: the lobby,
 * each exercise as it comes (switching the moment the facilitator moves on),
 * and the read-only boards after the end.
 */
export function WorkshopScreen({ code, me, token, initial, languageMenu }: WorkshopScreenProps) {
  const t = useTranslations('board');
  const tSave = useTranslations('saveStatus');
  const { socket, controlStatus, workshop, offsetMs, self } = useParticipantSession(code, token, initial);
  // What waits below the content waits for the live state (or the phone's own copy), as the content's own parts do: the page's copy only paints the first screen.
  const live = workshop !== null && (offsetMs !== null || workshop !== initial);
  // The board sockets carry short-lived tickets, never the token (docs/API.md, board tickets).
  const tickets = useMemo(() => boardTickets(token, me.board.params), [token, me]);
  const shared = useBoard(me.board, { tickets });
  const browserOnline = useOnline();
  const errorText = useErrorText();
  const commands = useMemo(() => participantCommands(socket, (code) => (code === null ? t('share.notSent') : errorText(code))), [socket, t, errorText]);

  const seat = me.participant.seat;
  const myName = self?.name ?? me.participant.name;
  const partner = useMemo(() => {
    const live = self?.couple?.members.find((m) => m.id !== me.participant.id);
    if (live) return { name: live.name, seat: live.seat, online: live.online as boolean | null };
    const known = me.couple.partner;
    return known ? { name: known.name, seat: known.seat, online: null } : null;
  }, [self, me]);
  const { partnerTyping, noteTyping } = usePresence(shared?.provider ?? null, { name: myName, seat });

  const agenda = useMemo(() => (workshop?.agenda ?? []).map(asPhoneItem), [workshop?.agenda]);
  const localDocNames = useMemo(
    () => [me.board.docName, ...agenda.filter((i) => i.privateFirst).map((i) => privateDocName(me.couple.id, i.key, seat))],
    [me, agenda, seat],
  );
  useLeaveWhenRemoved(socket, controlStatus, code, localDocNames);
  const phase = workshop?.phase ?? null;
  const ended = phase === 'ended';
  // After the end the couple may look back at any exercise; until then the facilitator decides.
  const [lookBack, setLookBack] = useState<number | null>(null);
  const step = ended ? (lookBack ?? workshop?.step ?? -1) : (workshop?.step ?? -1);
  const item = phase !== 'lobby' ? (agenda[step] ?? null) : null;
  const coupleStep = self?.couple?.steps[step] ?? null;
  const docs = useExerciseDocs(shared, me.board, me.couple.id, seat, item, coupleStep?.revealed ?? false, partner !== null, tickets);

  const readOnly = ended || workshop?.locked === true;
  const msLeft = useCountdown(offsetMs === null ? null : (workshop?.timer ?? null), offsetMs ?? 0);
  const { timesUp, dismiss } = useTimesUp(workshop?.timer ?? null, msLeft);

  const closedBoard = [shared, docs.mine].find((b) => b?.connection === 'closed') ?? null;
  const closedMessage = closedBoard ? closedBoardMessage(t, closedBoard.closeCode) : null;
  const overall = overallConnection([shared, docs.mine], controlStatus);
  const saveState = saveStateOf(overall, browserOnline, [shared, docs.mine]);
  const connection = saveStatusLine(tSave, saveState, overall, browserOnline, closedMessage);
  useSaveAnnouncement(saveState);
  useBoardAnnouncements({
    workshopTitle: workshop?.title ?? me.workshop.title,
    phase: workshop ? phase : null,
    step,
    total: agenda.length,
    exerciseTitle: item?.title ?? null,
    partnerName: partner?.name ?? null,
    partnerReady: partner ? (coupleStep?.ready[partner.seat] ?? false) : false,
    revealed: coupleStep?.revealed ?? false,
    timesUp,
    connection: connection.tone,
  });
  // A pause asked shows at the top of both phones; the way to ask one waits below the exercise.
  const pause = self?.couple?.pause ?? null;
  const pauseCard = phase === 'exercise' && partner && (
    <CouplePause pause={pause} mySeat={seat} partnerName={partner.name} onPause={commands.setPause} />
  );
  const pairCard = { pairCode: self?.couple?.pairCode ?? me.couple.pairCode, pairUrl: me.couple.pairUrl, roomCode: code };

  return (
    <BoardFrame
      workshopTitle={workshop?.title ?? me.workshop.title}
      connection={connection}
      partner={partnerLine(t, partner, partnerTyping)}
      timer={msLeft !== null && !ended ? <RoomTimer msLeft={msLeft} paused={workshop?.timer?.state === 'paused'} /> : null}
      notices={<RoomNotices workshop={workshop} timesUp={timesUp} onDismiss={dismiss} />}
      prompt={item ? { title: item.title, text: item.prompt } : null}
      languageMenu={languageMenu}
    >

        {pauseCard && pause && pauseCard}

        {closedMessage && (
          <Notice tone="problem" title={t('notSyncingTitle')}>
            {closedMessage}{' '}
            {closedBoard?.closeCode === CLOSE_CODES.unauthorized && (
              <Link href={`/join/${code}`} className="font-semibold text-accent underline underline-offset-4">
                {t('joinAgain')}
              </Link>
            )}
          </Notice>
        )}

        {!workshop && (
          <p role="status" className="text-lg text-muted">
            {t('findingWorkshop')}
          </p>
        )}

        {phase === 'lobby' && <LobbyView me={{ name: myName, seat, online: true }} partner={partner} pairCard={pairCard} agenda={agenda} />}

        {/* Until the partner is here, showing them the code is the one thing to do next, so it comes before the exercise. */}
        {phase === 'exercise' && !partner && <PairCodeCard {...pairCard} />}

        {/* The review link is what lasts after tonight, so it leads once the workshop is over. */}
        {ended && (
          <KeepBoardCard
            reviewUrl={me.reviewUrl}
            workshopTitle={workshop?.title ?? me.workshop.title}
            retentionDays={typeof me.workshop.retentionDays === 'number' ? me.workshop.retentionDays : null}
          />
        )}

        {ended && (
          <ClosingNote partnerName={partner?.name ?? null} agenda={agenda} shown={item ? step : -1} onShow={setLookBack} />
        )}

        {ended && <ClosingPulse socket={socket} />}

        {item && (
          <ExerciseView
            key={item.key}
            item={item}
            index={step}
            total={agenda.length}
            docs={docs}
            me={{ name: myName, seat }}
            partner={partner}
            coupleStep={coupleStep}
            shares={self?.couple?.shares ?? []}
            readOnly={readOnly}
            running={phase === 'exercise'}
            commands={commands}
            onTyping={noteTyping}
          />
        )}

        {pauseCard && !pause && pauseCard}

        {/* Below the content, so it waits for the content: shown before it, the lobby or the exercise would push it down the screen when the workshop's state arrives. */}
        {workshop && live && (
          <p className="border-t border-line pt-6 text-base text-muted">
            {partner ? t.rich('privacyWithName', { name: partner.name, bdi }) : t('privacy')}
          </p>
        )}
        {/* Always within reach; after the end the card above shows it up front instead. */}
        {workshop && live && !ended && <ReviewLinkFooter reviewUrl={me.reviewUrl} workshopTitle={workshop.title} />}
    </BoardFrame>
  );
}
