import type { EntryView } from '../../../lib/board/schema';
import { excerpt } from './boardModel';

/** Under a need: what meets it, or the gentle nudge that this is worth talking about. */
export function MetByNote({ bring, written }: { bring: EntryView | null; written: boolean }) {
  if (bring) {
    return (
      <p className="text-base">
        <span aria-hidden="true">↔ </span>met by: <span className="font-semibold">{excerpt(bring.text.toString(), 80) || '(not written yet)'}</span>
      </p>
    );
  }
  if (!written) return null;
  return <p className="text-base text-muted italic">Nothing meets this yet — a good conversation to have.</p>;
}

/** Under a bring: how many of the other person's needs it meets. `whose` is "Sam's" or "your". */
export function MeetsNote({ count, whose }: { count: number; whose: string }) {
  if (count === 0) return null;
  return (
    <p className="text-base">
      <span aria-hidden="true">↔ </span>meets {count} of {whose} needs
    </p>
  );
}
