'use client';

import { useMemo } from 'react';
import { answerEntryId, answerText, listEntries, type EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import type { PromptsItem } from './phoneItem';
import { PromptQuestion } from './PromptQuestion';
import type { ExerciseDocs } from './useExerciseDocs';

interface PromptsExerciseProps {
  item: PromptsItem;
  docs: ExerciseDocs;
  seat: Seat;
  partner: { name: string; seat: Seat } | null;
  partnerVisible: boolean;
  readOnly: boolean;
  onTyping: (entryId: string) => void;
}

function entriesById(entries: EntryView[]): Map<string, EntryView> {
  return new Map(entries.map((e) => [e.id, e]));
}

/** A questions exercise: one answer per question and person, my partner's under mine once it may be seen. */
export function PromptsExercise({ item, docs, seat, partner, partnerVisible, readOnly, onTyping }: PromptsExerciseProps) {
  const mineDoc = docs.mine?.doc ?? null;
  const theirsDoc = docs.theirs?.doc ?? null;
  const versions = `${docs.mine?.version ?? 0}:${docs.theirs?.version ?? 0}`;
  // `versions` changes whenever a doc does; the doc objects themselves stay the same.
  const mine = useMemo(() => entriesById(mineDoc ? listEntries(mineDoc, item.key) : []), [mineDoc, item.key, versions]);
  const theirs = useMemo(() => entriesById(theirsDoc ? listEntries(theirsDoc, item.key) : []), [theirsDoc, item.key, versions]);

  return (
    <div className="flex flex-col gap-8">
      {item.questions.map((q) => (
        <PromptQuestion
          key={q.id}
          questionId={q.id}
          label={q.label}
          mine={mine.get(answerEntryId(item.key, q.id, seat)) ?? null}
          createMine={() => {
            if (!mineDoc) throw new Error('No doc to write in yet');
            return answerText(mineDoc, item.key, q.id, seat, Date.now());
          }}
          theirs={partner ? (theirs.get(answerEntryId(item.key, q.id, partner.seat)) ?? null) : null}
          seat={seat}
          partner={partner}
          partnerVisible={partnerVisible}
          readOnly={readOnly || !mineDoc}
          docNames={{ mine: docs.mine?.docName ?? null, theirs: docs.theirs?.docName ?? null }}
          onTyping={onTyping}
        />
      ))}
    </div>
  );
}
