'use client';

import { useMemo } from 'react';
import { entryText } from '../../../lib/board/schema';
import type { CoupleStepView, Seat, ShareView } from '../../../lib/protocol';
import { ColumnsExercise } from './ColumnsExercise';
import { ExerciseHeading } from './ExerciseHeading';
import type { ParticipantCommands } from './participantCommands';
import type { PhoneItem } from './phoneItem';
import { PrivacyLine } from './PrivacyLine';
import { PromptsExercise } from './PromptsExercise';
import { ReadyPanel } from './ReadyPanel';
import { latestShareByEntry, ShareProvider, type ShareSettings } from './shareContext';
import { ShareRequestsElsewhere } from './ShareRequestsElsewhere';
import { SpectrumExercise } from './SpectrumExercise';
import type { ExerciseDocs } from './useExerciseDocs';

interface ExerciseViewProps {
  item: PhoneItem;
  /** 0-based place in the agenda, and the agenda's length. */
  index: number;
  total: number;
  docs: ExerciseDocs;
  me: { name: string; seat: Seat };
  partner: { name: string; seat: Seat } | null;
  /** This couple's readiness and reveal for the item. */
  coupleStep: CoupleStepView | null;
  shares: ShareView[];
  /** Locked by the facilitator, or the workshop ended. */
  readOnly: boolean;
  /** The exercise is the one running now (not a look back after the end). */
  running: boolean;
  commands: ParticipantCommands;
  onTyping: (entryId: string) => void;
}

/** The exercise on screen, whatever its kind: its prompt, the couple's entries, and (private first) the way to the reveal. */
export function ExerciseView(props: ExerciseViewProps) {
  const { item, docs, me, partner, coupleStep, readOnly, running } = props;
  const revealed = coupleStep?.revealed ?? false;
  // Private first: the partner's entries are not on this phone before the reveal, so there is nothing to show.
  const partnerVisible = !item.privateFirst || revealed;

  const byEntry = useMemo(() => latestShareByEntry(props.shares), [props.shares]);
  const shareSettings: ShareSettings = {
    byEntry,
    mySeat: me.seat,
    partnerName: partner?.name ?? null,
    canPropose: running && partner !== null && partnerVisible,
    commands: props.commands,
  };
  const mineDoc = docs.mine?.doc ?? null;
  const theirsDoc = docs.theirs?.doc ?? null;
  const isOnScreen = (share: ShareView) =>
    share.itemKey === item.key && ((mineDoc && entryText(mineDoc, share.entryId)) || (theirsDoc && entryText(theirsDoc, share.entryId))) !== null;

  const common = { docs, partner, partnerVisible, readOnly };
  return (
    <ShareProvider value={shareSettings}>
      <ExerciseHeading index={props.index} total={props.total} title={item.title} prompt={item.prompt} />

      {item.privateFirst && <PrivacyLine revealed={revealed} revealedBy={coupleStep?.revealedBy} partnerName={partner?.name ?? null} />}

      <ShareRequestsElsewhere isOnScreen={isOnScreen} />

      {item.kind === 'columns' && <ColumnsExercise item={item} seat={me.seat} onTyping={props.onTyping} {...common} />}
      {item.kind === 'spectrum' && <SpectrumExercise item={item} me={me} {...common} />}
      {item.kind === 'prompts' && <PromptsExercise item={item} seat={me.seat} onTyping={props.onTyping} {...common} />}

      {item.privateFirst && !revealed && running && (
        <ReadyPanel
          ready={coupleStep?.ready[me.seat] ?? false}
          partner={partner && { name: partner.name, ready: coupleStep?.ready[partner.seat] ?? false }}
          enabled={running}
          onReady={props.commands.setReady}
        />
      )}
    </ShareProvider>
  );
}
