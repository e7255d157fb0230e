/**
 * Turning a textarea's new value into the smallest edit on a Y.Text, and
 * moving a caret through someone else's edit. Replacing the whole Y.Text on
 * every keystroke would work locally but would make concurrent edits clobber
 * each other and bloat the doc; a minimal splice keeps the CRDT meaningful.
 */
interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * The single splice that turns `before` into `after`. `caret` (the selection
 * end after the input) breaks ties: typing "a" into "aa" is an insert at the
 * caret, not at the start.
 */
export function diffText(before: string, after: string, caret: number = after.length): TextChange | null {
  if (before === after) return null;
  const maxSuffix = Math.min(before.length, after.length, Math.max(0, after.length - caret));
  let suffix = 0;
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const maxPrefix = Math.min(before.length, after.length) - suffix;
  let prefix = 0;
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix++;
  // Never cut an emoji (a surrogate pair) in half.
  if (prefix > 0 && isHighSurrogate(after.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(after.charCodeAt(after.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** One op of a Y.Text delta, as Yjs reports it in an observe event. */
export interface DeltaOp {
  insert?: string | object;
  retain?: number;
  delete?: number;
}

/**
 * Where a caret at `index` ends up after a remote edit described by `delta`.
 * Text inserted exactly at the caret stays after it, so the person typing is
 * not pushed along by someone else's words.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[]): number {
  let pos = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) {
      pos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (pos < result) result += length;
      pos += length;
    } else if (op.delete !== undefined) {
      if (pos < result) result -= Math.min(op.delete, result - pos);
    }
    if (pos > result) break;
  }
  return result;
}
