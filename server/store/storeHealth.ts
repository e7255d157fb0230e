import { TIMING } from '../tunables';
import { isStoreUnavailable } from './storeFailure';
import type { Store } from './storeTypes';

/** Every Store method that writes: a success of one of these proves the store takes writes again. */
const WRITES = [
  'createWorkshop',
  'saveWorkshopState',
  'notePeakOnline',
  'deleteWorkshop',
  'createParticipant',
  'deleteParticipant',
  'createCouple',
  'joinCoupleByPairCode',
  'pairParticipants',
  'deleteCouple',
  'recordDocStats',
  'createWallItem',
  'setWallStatus',
  'savePulse',
  'appendUpdate',
  'appendUpdatesNow',
  'compactDoc',
] as const satisfies readonly (keyof Store)[];

/**
 * Whether the store's last write failed. A full disk still answers reads (the readiness ping),
 * so a node that cannot save would look ready without this. Cleared by the next write that
 * succeeds, or forgotten after TIMING.storeFailureMemoryMs without another failure (see there).
 */
export class StoreHealth {
  private failedAt: number | null = null;

  constructor(
    private readonly memoryMs: number = TIMING.storeFailureMemoryMs,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get writesFailing(): boolean {
    return this.failedAt !== null && this.clock() - this.failedAt < this.memoryMs;
  }

  failed(err: unknown): void {
    if (isStoreUnavailable(err)) this.failedAt = this.clock();
  }

  succeeded(): void {
    this.failedAt = null;
  }
}

/**
 * The store with every write reported to `health`, wrapped at the composition root (as
 * measureWrites is), so neither the stores nor their callers carry it. Reads are not watched:
 * one that fails is the readiness ping's to see.
 */
export function watchWrites(store: Store, health: StoreHealth): Store {
  const watched: Store = Object.create(store) as Store;
  const table = watched as unknown as Record<string, unknown>;
  for (const name of WRITES) {
    const write = store[name] as ((...args: unknown[]) => unknown) | undefined;
    if (!write) continue;
    table[name] = (...args: unknown[]) => {
      let result: unknown;
      try {
        result = write.apply(store, args);
      } catch (err) {
        health.failed(err); // appendUpdatesNow: synchronous
        throw err;
      }
      if (!(result instanceof Promise)) {
        health.succeeded();
        return result;
      }
      return result.then(
        (value: unknown) => {
          health.succeeded();
          return value;
        },
        (err: unknown) => {
          health.failed(err);
          throw err;
        },
      );
    };
  }
  return watched;
}
