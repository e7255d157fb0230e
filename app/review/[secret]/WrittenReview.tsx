import { useTranslations } from 'next-intl';
import type { ReviewEntry, ReviewPerson } from '../../../lib/review/reviewData';
import { EntryCard } from './EntryCard';
import { nameOf } from './reviewText';

interface Group {
  id: string;
  label: string;
  entries: ReviewEntry[];
}

/**
 * The written parts of an exercise — columns ("What I bring") or questions
 * ("When I feel supported by you") — each under its own heading, every entry
 * in its author's colour.
 */
export function WrittenReview({ groups, people, empty }: { groups: Group[]; people: ReviewPerson[]; empty: string }) {
  const t = useTranslations('review');
  return (
    <div className="flex flex-col gap-6">
      {groups.map((group) => (
        <section key={group.id} className="flex flex-col gap-3">
          <h3 dir="auto" className="text-xl font-semibold tracking-tight break-after-avoid">
            {group.label}
          </h3>
          {group.entries.length === 0 ? (
            <p className="text-base text-muted italic">{empty}</p>
          ) : (
            <ul className="flex flex-col gap-3 print:gap-2">
              {group.entries.map((entry) => (
                <EntryCard key={entry.id} author={entry.author} name={nameOf(t, people, entry.author)} text={entry.text} metBy={entry.metBy} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
