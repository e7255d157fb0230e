import { storeWriteFailures, storeWriteSeconds, updatesStored } from '../infra/prometheus';
import type { Store } from './storeTypes';

/**
 * The store with its board-update writes measured for /metrics (updates stored, write latency,
 * failures). Wrapped at the composition root, so neither the stores nor the keystroke path
 * carry metrics code; every write of an update goes through one of these two methods.
 */
export function measureWrites(store: Store): Store {
  const appendMany = store.appendUpdatesNow;
  return {
    ...store,
    async appendUpdate(docName, update) {
      const started = performance.now();
      let id: number;
      try {
        id = await store.appendUpdate(docName, update);
      } catch (err) {
        storeWriteFailures.inc();
        throw err;
      }
      storeWriteSeconds.observe((performance.now() - started) / 1000);
      updatesStored.inc();
      return id;
    },
    ...(appendMany
      ? {
          appendUpdatesNow(rows) {
            const started = performance.now();
            let ids: number[];
            try {
              ids = appendMany(rows);
            } catch (err) {
              storeWriteFailures.inc();
              throw err;
            }
            storeWriteSeconds.observe((performance.now() - started) / 1000);
            updatesStored.inc(rows.length);
            return ids;
          },
        }
      : {}),
  };
}
