/** host:port/database of a database URL, never its user or password: for messages and logs. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return 'the configured database';
  }
}
