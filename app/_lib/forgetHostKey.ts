/**
 * Removes this device's facilitator key for a room, after the workshop was
 * deleted: the key opens nothing any more, and keeping it would only bring
 * the "needs the private host link" page back with a confusing reason.
 *
 * The key name must match `keys.hostKey` in storage.ts, which has no remove
 * helper for it (yet); like the rest of storage.ts, this never throws.
 */
export function forgetHostKey(code: string): void {
  try {
    window.localStorage.removeItem(`twofold:host:${code}`);
  } catch {
    // Storage unavailable: there was nothing kept to forget.
  }
}
