import type { Log } from '../infra/log';
import type { Store } from '../store/storeTypes';
import type { WorkshopService } from './seating';

/**
 * Deletes every workshop whose retention has run out, with everything that
 * belongs to it. Runs at start-up and then every `intervalMs`.
 */
export function startRetentionSweeper(deps: { store: Store; workshops: WorkshopService; log: Log; intervalMs: number; now: () => number }) {
  const { store, workshops, log } = deps;
  let running: Promise<string[]> | null = null;

  const sweep = (): Promise<string[]> => {
    running ??= (async () => {
      const deleted: string[] = [];
      try {
        for (const code of await store.listExpiredWorkshops(deps.now())) {
          if (await workshops.deleteWorkshop(code, 'retention')) deleted.push(code);
        }
        if (deleted.length) log.info(`retention: deleted ${deleted.length} expired workshop(s)`);
      } catch (err) {
        log.error('retention sweep failed', err);
      } finally {
        running = null;
      }
      return deleted;
    })();
    return running;
  };

  void sweep();
  const timer = setInterval(() => void sweep(), deps.intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
