/**
 * The `dir` of a field people type their own words into (a name, a title, a column): "auto" once
 * it holds something, so an Arabic title on an English page (and the reverse) lays out by its own
 * words; none while it is empty, so its caret follows the page. An empty dir="auto" field is left
 * to right even on a right-to-left page: the caret would wait at the wrong edge.
 */
export function fieldDirection(dir: string | undefined, value: unknown): string | undefined {
  return dir === 'auto' && (value === '' || value === undefined) ? undefined : dir;
}
