import { loadConfig } from './config';
import { createLog } from './infra/log';
import { TIMING } from './tunables';
import { startTwofold } from './twofoldServer';

/**
 * `npm start` / `npm run dev`: start on the configured port. SIGTERM/SIGINT stop it gracefully
 * ([R57]: stop taking connections, store, close every socket with "reconnect now") and it exits
 * within TIMING.shutdownBoundMs whatever it is waiting for.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLog(config.logLevel);
  const server = await startTwofold(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = performance.now();
    log.info(`${signal}: storing what is pending, sending everyone elsewhere, exiting within ${TIMING.shutdownBoundMs} ms`);
    // Everything acknowledged is stored already; past the bound only unacknowledged work is cut short.
    setTimeout(() => {
      log.error(`shutdown still waiting after ${TIMING.shutdownBoundMs} ms: exiting now`);
      process.exit(1);
    }, TIMING.shutdownBoundMs);
    server.close().then(
      () => {
        log.info(`stopped in ${Math.round(performance.now() - started)} ms`);
        process.exit(0);
      },
      (err) => {
        log.error('shutdown failed', err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
