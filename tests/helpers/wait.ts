import { vi } from 'vitest';

/** Waits on a condition (never a fixed sleep): retries `check` until it stops throwing. */
export function eventually<T>(check: () => T | Promise<T>, timeout = 5_000): Promise<T> {
  return vi.waitFor(check, { timeout, interval: 10 });
}
