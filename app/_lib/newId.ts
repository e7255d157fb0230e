/**
 * A random id for a new entry. crypto.randomUUID exists only in secure
 * contexts, and a workshop laptop is often reached over plain http on the
 * room's Wi-Fi, so fall back to getRandomValues (available everywhere).
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
