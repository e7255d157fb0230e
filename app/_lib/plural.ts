/** "1 entry", "3 entries": counts read as words, never as a bare number. */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
