import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Throw-away PostgreSQL and Redis servers for tests: real servers on free loopback ports,
 * in temporary folders that are deleted afterwards. A missing binary is an error, never a
 * skip: `npm test` installs both (scripts/ensure-services.sh).
 */

const READY_TIMEOUT_MS = 120_000; // a shared 2-core machine under load can be slow; we wait on a condition, not a clock
const START_ATTEMPTS = 3; // a free port can be taken by someone else between our probe and the server's bind

export interface PostgresService {
  /** Connection URL of the `postgres` database (superuser, trust auth on loopback). */
  adminUrl: string;
  port: number;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown: sessions are ended) and keeps its data, for `restart()`. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port and data: an outage and its end, as clients see it. */
  restart(): Promise<void>;
}

export interface RedisService {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Starts an empty Redis again on the same port after `stop()` (an outage and its end, as clients see it). */
  restart(): Promise<void>;
}

/** The newest PostgreSQL installed the Debian way (/usr/lib/postgresql/<major>/bin). */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = majors.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'postgres')));
  if (!found) {
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/postgres). The store contract tests need it: ' +
        'run `bash scripts/ensure-services.sh` (or `apt-get install postgresql`).',
    );
  }
  return found;
}

export async function startPostgres(): Promise<PostgresService> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-pg-'));
  const dataDir = path.join(dir, 'data');
  // postgres refuses to run as root: when we are root, the server runs as the `postgres` user.
  // spawn's uid/gid do what `runuser -u postgres --` would, and leave the postmaster as our direct child to signal.
  const owner = process.getuid?.() === 0 ? lookupUser('postgres') : null;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  try {
    await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'], owner);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
      // fsync off: a throw-away instance never outlives a crash, and the tests cannot observe an fsync.
      const spawnServer = async () => {
        const child = spawn(
          path.join(bin, 'postgres'),
          ['-D', dataDir, '-p', String(port), '-h', '127.0.0.1', '-k', dir, '-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
          { uid: owner?.uid, gid: owner?.gid, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        const output = collect(child);
        try {
          await waitUntil(child, output, () => canConnect(adminUrl), 'PostgreSQL');
        } catch (err) {
          await stopChild(child, 'SIGINT');
          throw Object.assign(err as Error, { output: output.text });
        }
        return child;
      };
      let child: ChildProcess;
      try {
        child = await spawnServer();
      } catch (err) {
        if (attempt < START_ATTEMPTS && /could not bind|already in use/i.test((err as { output?: string }).output ?? '')) continue;
        throw err;
      }
      return {
        adminUrl,
        port,
        async createDatabase() {
          const name = `twofold_${randomBytes(6).toString('hex')}`;
          await createDatabase(adminUrl, name);
          return `postgresql://postgres@127.0.0.1:${port}/${name}`;
        },
        async stop() {
          await stopChild(child, 'SIGINT'); // fast shutdown: ends sessions, no waiting for clients
          fs.rmSync(dir, { recursive: true, force: true });
        },
        halt: () => stopChild(child, 'SIGINT'),
        async restart() {
          child = await spawnServer();
        },
      };
    }
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** CREATE DATABASE on the server of `adminUrl` (a superuser URL). */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

const REDIS_SERVER = '/usr/bin/redis-server';

export async function startRedis(): Promise<RedisService> {
  if (!fs.existsSync(REDIS_SERVER)) {
    throw new Error(`Redis is not installed (${REDIS_SERVER} is missing): run \`bash scripts/ensure-services.sh\` (or \`apt-get install redis-server\`).`);
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    let child: ChildProcess;
    try {
      child = await spawnRedis(port);
    } catch (err) {
      if (attempt < START_ATTEMPTS && /address already in use/i.test(String(err))) continue;
      throw err;
    }
    return {
      url: `redis://127.0.0.1:${port}`,
      port,
      stop: () => stopChild(child, 'SIGTERM'),
      restart: async () => {
        child = await spawnRedis(port);
      },
    };
  }
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  try {
    await waitUntil(child, output, () => redisPing(port), 'Redis');
  } catch (err) {
    await stopChild(child, 'SIGTERM');
    throw err;
  }
  return child;
}

function lookupUser(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`Running as root, but there is no '${name}' user to run the server as (the Debian package creates it).`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function run(cmd: string, args: string[], owner: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { uid: owner?.uid, gid: owner?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = collect(child);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output.text}`))));
  });
}

function collect(child: ChildProcess): { text: string } {
  const output = { text: '' };
  const add = (chunk: Buffer) => (output.text = (output.text + chunk.toString()).slice(-8_000));
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return output;
}

/** Polls `ready` until it answers true; fails at once if the server exits, with what it printed. */
async function waitUntil(child: ChildProcess, output: { text: string }, ready: () => Promise<boolean>, what: string): Promise<void> {
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  failed.catch(() => {});
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exited !== undefined) throw new Error(`${what} exited (${exited}) before it was ready:\n${output.text}`);
    if (await Promise.race([ready(), failed])) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready after ${READY_TIMEOUT_MS} ms:\n${output.text}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve(reply.startsWith('+PONG')));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
