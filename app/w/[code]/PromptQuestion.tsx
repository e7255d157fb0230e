'use client';

import { useTranslations } from 'next-intl';
import type * as Y from 'yjs';
import { bdi } from '../../_i18n/bdi';
import type { EntryView } from '../../../lib/board/schema';
import type { Seat } from '../../../lib/protocol';
import { seatStyle } from '../../_lib/seatStyle';
import { EntryTextarea } from './EntryTextarea';
import { PartnerEntry } from './PartnerEntry';
import { ShareAction } from './ShareAction';

interface PromptQuestionProps {
  questionId: string;
  label: string;
  /** My answer, or null before my first keystroke. */
  mine: EntryView | null;
  /** Creates my answer (one per question and person). */
  createMine: () => Y.Text;
  theirs: EntryView | null;
  seat: Seat;
  partner: { name: string; seat: Seat } | null;
  partnerVisible: boolean;
  readOnly: boolean;
  docNames: { mine: string | null; theirs: string | null };
  onTyping: (entryId: string) => void;
}

/** One question: my answer (the textarea is named by the question itself), my partner's underneath once it may be seen. */
export function PromptQuestion(props: PromptQuestionProps) {
  const { questionId, label, mine, theirs, seat, partner, partnerVisible, readOnly, docNames } = props;
  const t = useTranslations('board');
  const written = (entry: EntryView | null) => !!entry && entry.text.toString().trim().length > 0;
  return (
    // Not a named region: the question already names the textarea, and one name per thing keeps getByLabel exact.
    <section className="flex flex-col gap-3">
      <h2 dir="auto" className="text-xl font-semibold tracking-tight">
        {label}
      </h2>
      <div className={`flex flex-col gap-2 rounded-2xl border-s-4 bg-card p-4 shadow-sm ${seatStyle[seat].border}`}>
        <EntryTextarea
          text={mine?.text ?? null}
          onCreate={props.createMine}
          label={label}
          colorClass=""
          readOnly={readOnly}
          onTyping={() => props.onTyping(questionId)}
        />
        {mine && <ShareAction docName={docNames.mine} entryId={mine.id} written={written(mine)} />}
      </div>
      {partner &&
        (!partnerVisible ? null : theirs ? (
          <ul>
            <PartnerEntry
              entry={theirs}
              name={partner.name}
              seat={partner.seat}
              label={t('partnerAnswer', { name: partner.name })}
              share={<ShareAction docName={docNames.theirs} entryId={theirs.id} written={written(theirs)} />}
            />
          </ul>
        ) : (
          <p className="text-base text-muted">{t.rich('noAnswerFromPartner', { name: partner.name, bdi })}</p>
        ))}
    </section>
  );
}
