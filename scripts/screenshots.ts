/**
 * The README's screenshots, taken from a real workshop: the production build's server on a
 * throw-away data folder, real browsers, and a small room of people doing the exercises.
 *
 *   npm run build && PORT=3300 npm run screenshots
 *
 * Everything on screen is reached the way people reach it (the console's buttons, the phones'
 * taps) or through the documented API and board sockets (docs/API.md), as the browser tests do.
 * Every picture waits for what it shows to be on screen, never for a fixed time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import playwrightConfig from '../playwright.config';
import { englishEvening } from './screenshots/englishEvening';
import { arabicBoard, germanConsole } from './screenshots/otherRooms';
import { SCREENSHOT_HOST, type Room } from './screenshots/room';

const PORT = Number(process.env.PORT ?? 3219);
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER = path.join(ROOT, 'dist/server.mjs');
const OUT = path.join(ROOT, 'docs/screenshots');

function startServer(dataDir: string): ChildProcess {
  if (!fs.existsSync(SERVER)) throw new Error('dist/server.mjs is missing: run `npm run build` first.');
  return spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    // The server's log lines say nothing the pictures need; its errors still show.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Resolves once the server answers its health check; rejects if it exits first or takes over a minute. */
async function serverUp(server: ChildProcess): Promise<void> {
  const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was up`))));
  const up = (async () => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${PORT}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      if (Date.now() > deadline) throw new Error('the server was not up within a minute');
      // Between two tries of a condition, not in place of one.
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  await Promise.race([up, exited]);
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const gone = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
}

async function main(): Promise<void> {
  // Each open board client (y-websocket in Node) listens for the process's exit; a scene holds a dozen.
  process.setMaxListeners(32);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-screenshots-'));
  const server = startServer(dataDir);
  const cleanUp = () => {
    server.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once('SIGINT', cleanUp);
  process.once('SIGTERM', cleanUp);
  let browser: Browser | undefined;
  try {
    await serverUp(server);
    const launch = playwrightConfig.use?.launchOptions ?? {};
    browser = await chromium.launch({
      ...launch,
      // The pages are opened at a plain host name, as phones on a venue's network open them: the
      // console then shows its join link and QR code rather than the notice about localhost.
      args: [...(launch.args ?? []), `--host-resolver-rules=MAP ${SCREENSHOT_HOST} 127.0.0.1:${PORT}`],
    });
    fs.mkdirSync(OUT, { recursive: true });
    const room: Room = { browser, apiBase: `http://127.0.0.1:${PORT}`, out: OUT };
    await englishEvening(room);
    await arabicBoard(room);
    await germanConsole(room);
  } finally {
    await browser?.close();
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.off('SIGINT', cleanUp);
    process.off('SIGTERM', cleanUp);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
