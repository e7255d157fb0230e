import type { EntryView } from '../../../lib/board/schema';
import { excerpt } from './exerciseModel';

/** Under an entry that links (a need): what meets it, or the gentle nudge that this is worth talking about. */
export function MetByNote({ target, written }: { target: EntryView | null; written: boolean }) {
  if (target) {
    return (
      <p className="text-base">
        <span aria-hidden="true">↔ </span>met by: <span className="font-semibold">{excerpt(target.text.toString(), 80) || '(not written yet)'}</span>
      </p>
    );
  }
  if (!written) return null;
  return <p className="text-base text-muted italic">Nothing meets this yet — a good conversation to have.</p>;
}

/** Under an entry others link to (a bring): how many of them it meets, e.g. "meets 2 of Sam's needs". */
export function MeetsNote({ count, whose, noun }: { count: number; whose: string; noun: string }) {
  if (count === 0) return null;
  return (
    <p className="text-base">
      <span aria-hidden="true">↔ </span>meets {count} of {whose} {noun}
    </p>
  );
}
