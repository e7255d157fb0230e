import type { Store } from '../store/storeTypes';
import type { Log } from '../infra/log';
import { readyGauge, schemaVersion } from '../infra/prometheus';
import { TIMING } from '../tunables';

export type CheckName = 'store' | 'redis';
export type CheckResult = 'ok' | 'failing';

export interface Readiness {
  ready: boolean;
  checks: Partial<Record<CheckName, CheckResult>>;
}

/**
 * Readiness, as against liveness (/api/health): can this node save what it is sent? The store
 * answers a read and, on one of several nodes, Redis answers a PING. A check that does not
 * answer within TIMING.readinessCheckMs fails, so a hung database makes the probe fail rather
 * than hang. A change of state is logged once, not at every probe.
 */
export function createReadinessCheck(deps: { store: Pick<Store, 'ping'>; redis: { ping(): Promise<void> } | null; log: Log }) {
  const last = new Map<CheckName, CheckResult>();

  async function run(name: CheckName, check: () => Promise<unknown>): Promise<CheckResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMING.readinessCheckMs} ms`)), TIMING.readinessCheckMs);
    });
    let result: CheckResult = 'ok';
    let failure: unknown = null;
    try {
      await Promise.race([check(), timeout]);
    } catch (err) {
      result = 'failing';
      failure = err;
    } finally {
      clearTimeout(timer);
    }
    readyGauge.set({ check: name }, result === 'ok' ? 1 : 0);
    if (last.get(name) !== result) {
      if (result === 'failing') deps.log.error(`readiness: ${name} failing`, failure);
      else if (last.has(name)) deps.log.info(`readiness: ${name} ok again`);
      last.set(name, result);
    }
    return result;
  }

  return async function checkReadiness(): Promise<Readiness> {
    const checks: Readiness['checks'] = {};
    const [store, redis] = await Promise.all([
      run('store', async () => schemaVersion.set(await deps.store.ping())),
      deps.redis ? run('redis', () => deps.redis!.ping()) : null,
    ]);
    checks.store = store;
    if (redis) checks.redis = redis;
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
  };
}
