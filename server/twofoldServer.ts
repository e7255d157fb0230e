import { EventEmitter } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBoardEndpoint } from './boards/endpoint';
import { BoardRegistry } from './boards/registry';
import { StateWorkers } from './boards/stateWorkers';
import { updateWriterFor } from './boards/updateWriter';
import type { Config } from './config';
import { BOARD_TICKET_TTL_MS, TIMING } from './tunables';
import { createControlPlane } from './control/controlPlane';
import { createApi } from './http/apiHandler';
import { HttpError, sendError, sendJson } from './http/respond';
import { createOperatorRoutes } from './http/operatorRoutes';
import { createReadinessCheck } from './http/readiness';
import { addLiveFigures } from './infra/prometheus';
import { measureWrites } from './store/measuredStore';
import { StoreHealth, watchWrites } from './store/storeHealth';
import { createLog, type Log } from './infra/log';
import { RoomEvents } from './workshop/roomEvents';
import { setPageCsp, setSecurityHeaders } from './http/securityHeaders';
import { setPageLocale, type WorkshopLocales } from './http/pageLocale';
import { openSqliteStore } from './store/sqliteStore';
import { describeDatabase } from './store/describeDatabase';
import type { Store } from './store/storeTypes';
import { createUpgradeRouter } from './infra/upgradeRouter';
import { CLOSE_CODES, coupleIdFromDocName, ERROR_CODES } from '../lib/protocol';
import { WorkshopService } from './workshop/seating';
import { CohostService } from './workshop/cohosts';
import { WorkshopStates } from './workshop/workshopStates';
import { WallService } from './workshop/wall';
import { ReviewService } from './workshop/review';
import { createExportHandler, EXPORT_PATH } from './http/reviewRoutes';
import { startRetentionSweeper } from './workshop/retentionSweeper';
import { ConnectionCounter } from './infra/connectionCounter';
import { createClientAddress } from './infra/clientAddress';
import { BoardTickets } from './infra/ticketSigner';
import { newSecret } from './infra/secrets';
import { ConnectionGate } from './infra/connectionGate';
import { entryText } from '../lib/board/schema';
import { networkAddress } from './infra/phoneOrigin';
import { sendMissingAs404 } from './http/missingPages';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningServer {
  /** http://host:port the server listens on. */
  url: string;
  port: number;
  boards: BoardRegistry;
  /** The heavy Yjs work of large boards, off the event loop (tests read its counts). */
  stateWorkers: StateWorkers;
  /** The store the server writes to (tests make it fail to see readiness answer 503). */
  store: Store;
  /** Runs the retention sweep now (tests with a fake clock). */
  sweep(): Promise<string[]>;
  /**
   * A graceful stop (SIGTERM, [R65]): stops listening and answers 503 `shutting_down` on the
   * connections still open, stores and closes every board (its sockets closed with 1012, "reconnect
   * now"), closes every Socket.IO client so it reconnects elsewhere, then closes the store.
   */
  close(): Promise<void>;
}

/** The composition root: config → store → service → API, control plane, boards, pages, on one port. */
export async function startTwofold(config: Config, now: () => number = Date.now): Promise<RunningServer> {
  const log = createLog(config.logLevel);
  const storeHealth = new StoreHealth();
  const stateWorkers = new StateWorkers({ log });
  const store = watchWrites(measureWrites(await openStore(config, log, stateWorkers)), storeHealth);
  /** Set by close(): from then on nothing new is taken, and what is open is told to go elsewhere. */
  let stopping = false;
  const events = new RoomEvents();
  // One of several nodes: loaded only then, so a single node never imports Redis (see server/cluster).
  const cluster = config.cluster ? await (await import('./cluster')).startCluster({ redisUrl: config.cluster.redisUrl, nodeName: config.cluster.nodeId, store, log }) : null;
  const states = new WorkshopStates(store, events, now, cluster?.shared ?? null);
  const addressOf = createClientAddress(config.trustProxy ?? null);
  // Every node must verify every node's tickets: a configured secret, else one shared through Redis, else this process's own.
  const ticketSecret = config.ticketSecret ?? (cluster ? await cluster.sharedSecret('board-tickets') : newSecret());
  const tickets = new BoardTickets(ticketSecret, BOARD_TICKET_TTL_MS, now);

  const pages = config.withPages ? await prepareNext(config) : null;

  // Handlers are defined below; requests only arrive once the server listens.
  const { timing, limits } = config;
  const httpServer: HttpServer = createServer({ headersTimeout: timing.headersTimeoutMs, requestTimeout: timing.requestTimeoutMs, connectionsCheckingInterval: timing.connectionsCheckIntervalMs }, (req, res) => {
    setSecurityHeaders(res);
    if (stopping) return sendError(res, new HttpError(ERROR_CODES.shuttingDown, 'This server is restarting. Try again.', { connection: 'close', 'retry-after': '0' }));
    const pathname = (req.url ?? '/').split('?')[0];
    if (operator.handles(pathname)) return operator.serve(req, res, pathname);
    if (pathname === '/api' || pathname.startsWith('/api/')) return void api(req, res);
    const download = EXPORT_PATH.exec(pathname);
    if (download) return void exportReview(req, res, download[1], download[2] as 'md' | 'pdf');
    if (pages) {
      setPageCsp(req, res, { dev: config.dev, publicUrl: config.publicUrl });
      return void Promise.all([setPageLocale(req, workshopLocales), sendMissingAs404(req, res, workshopLocales)]).finally(() => pages.handle(req, res));
    }
    sendJson(res, 404, { error: { code: 'not_found', message: 'Pages are not served by this instance.' } });
  });

  const writer = updateWriterFor(store, (err) => log.error('board update not stored', err));
  const boards = new BoardRegistry(config.timing, (docName) => ({
    store,
    writer,
    stateWorkers,
    limits: config.limits,
    timing: config.timing,
    log,
    onActivity: (counts) => void recordActivity(docName, counts),
    ...(cluster ? { peers: cluster.boards } : {}),
  }));
  /** Figures only (entries per exercise), for the console: never the content. */
  async function recordActivity(docName: string, counts: Record<string, number>): Promise<void> {
    const coupleId = coupleIdFromDocName(docName);
    if (!coupleId) return;
    try {
      const couple = await store.getCouple(coupleId);
      const live = couple && (await states.get(couple.workshopCode));
      if (!couple || !live) return;
      // Counts are keyed by agenda items only: an entry's `exercise` is written by a client, and
      // anything else would carry chosen text to the console.
      const agendaCounts = Object.fromEntries(live.agenda.filter((item) => counts[item.key] !== undefined).map((item) => [item.key, counts[item.key]!]));
      await store.recordDocStats({ docName, coupleId, counts: agendaCounts, updatedAt: now() });
      events.emit('boardActivity', couple.workshopCode, coupleId);
    } catch (err) {
      log.error('recording board activity failed', err);
    }
  }

  const workshops = new WorkshopService(store, events, boards, now);
  const cohosts = new CohostService(store, events, now);
  const workshopLocales: WorkshopLocales = {
    ofRoom: async (code) => (await states.get(code))?.locale ?? null,
    ofReview: async (secret) => {
      const participant = /^[A-Za-z0-9_-]{43}$/.test(secret) ? await workshops.byReviewSecret(secret) : null;
      return participant ? ((await states.get(participant.workshopCode))?.locale ?? null) : null;
    },
  };
  const wall = new WallService(store, states, events, (docName, entryId) => boards.read(docName, (doc) => entryText(doc, entryId)));
  const reviews = new ReviewService(store, workshops, states, boards);
  // Looked up per request: a laptop that joins the Wi-Fi after start-up gets phone links at once.
  const lanAddress = () => networkAddress(config.host, (config.networkInterfaces ?? networkInterfaces)());
  const api = createApi({ store, workshops, cohosts, states, reviews, publicUrl: config.publicUrl, log, now, limiters: cluster?.limiters, tickets, clientAddress: addressOf, networkAddress: lanAddress });
  const exportReview = createExportHandler({ reviews, log });
  const sweeper = startRetentionSweeper({ store, workshops, log, intervalMs: config.timing.retentionSweepMs, now });
  const connections = new ConnectionCounter(limits.maxConnectionsPerIp);
  const gate = new ConnectionGate({ maxConnections: limits.maxConnections, maxPendingPerIp: limits.maxPendingPerIp, firstByteTimeoutMs: timing.headersTimeoutMs, authTimeoutMs: timing.authTimeoutMs });
  gate.attach(httpServer);
  const admit = (socket: Duplex) => gate.admit(socket);
  const evictor = setInterval(() => states.evictIdle(), TIMING.workshopEvictSweepMs);
  evictor.unref();
  const endpoint = createBoardEndpoint({ registry: boards, workshops, states, events, limits: config.limits, heartbeatMs: config.timing.boardHeartbeatMs, connections, tickets, addressOf, admit, coolDownMs: config.timing.boardCoolDownMs, log });
  const control = createControlPlane({
    httpServer,
    store,
    workshops,
    cohosts,
    states,
    wall,
    events,
    connections,
    addressOf,
    admit,
    config,
    log,
    now,
    cluster: cluster ? { adapter: cluster.adapter, presence: cluster.presence } : null,
  });
  if (cluster) {
    /** A couple deleted on another node: drop its boards here too, and anything written here in between. */
    const discard = async (coupleId: string) => {
      if ((await boards.discardCouple(coupleId)) > 0) await store.deleteCouple(coupleId);
    };
    const logged = (p: Promise<unknown>) => void p.catch((err) => log.error('remote event failed', err));
    await cluster.connect({
      events,
      handlers: {
        workshopState: (code, state) => (state ? states.adopt(code, state) : logged(states.refresh(code))),
        removed: (_code, participantId) => endpoint.closeParticipant(participantId),
        coupleRemoved: (_code, coupleId) => logged(discard(coupleId)),
        workshopDeleted: (code, coupleIds) => {
          states.drop(code);
          logged(Promise.all(coupleIds.map(discard)));
        },
      },
      wentOffline: (ids) => control.wentOffline(ids),
      resync: () => states.refreshAll(),
    });
  }
  httpServer.on('upgrade', createUpgradeRouter({ boards: endpoint.handleUpgrade, next: pages?.upgrades ?? null, socketIo: control.onUpgrade, admit, stopping: () => stopping }));

  const liveFigures = () => ({ liveBoards: boards.liveCount, boardConnections: endpoint.connectionCount, controlSockets: control.io.engine.clientsCount, peopleOnline: control.presence.onlineCount });
  const removeFigures = addLiveFigures(liveFigures);
  const operator = createOperatorRoutes({
    metrics: { token: config.metricsToken, behindProxy: !!config.trustProxy },
    counts: () => ({ node: cluster?.node ?? null, ...liveFigures(), tcpConnections: gate.open, tcpRefused: gate.refused }),
    checkReadiness: createReadinessCheck({ store, writes: storeHealth, redis: cluster, log }),
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  log.info(`listening on ${url} (data in ${config.databaseUrl ? `PostgreSQL ${describeDatabase(config.databaseUrl)}` : config.dataDir})`);
  logAddresses(log, url, config.publicUrl, lanAddress(), port);

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    boards,
    stateWorkers,
    store,
    sweep: () => sweeper.sweep(),
    close() {
      closing ??= (async () => {
        // New connections are refused by the kernel at once (the balancer tries the next node);
        // requests and upgrades on connections still open are answered 503 (see above).
        stopping = true;
        httpServer.close();
        httpServer.closeIdleConnections();
        sweeper.stop();
        clearInterval(evictor);
        removeFigures();
        // Every board: its pending writes settled (nothing acknowledged is lost), compacted, then its
        // sockets closed with 1012; the stock provider reconnects after 200 ms, through the balancer.
        await boards.closeAll(CLOSE_CODES.serviceRestart);
        await stateWorkers.close();
        await endpoint.close(CLOSE_CODES.serviceRestart);
        httpServer.closeAllConnections();
        // Closed transports, not disconnectSockets(): the clients reconnect (and, on several nodes,
        // recover their session on another one from Redis).
        await control.close();
        await cluster?.close();
        await pages?.close();
        await store.close();
      })();
      return closing;
    },
  };
}

/** Where to open Twofold on this machine, and where phones can ([R84]); or, plainly, that they cannot. */
function logAddresses(log: Log, local: string, publicUrl: string | null, lan: string | null, port: number): void {
  log.info(`Local:   ${local}`);
  if (publicUrl) log.info(`Public:  ${publicUrl} (PUBLIC_URL: join links and QR codes use it)`);
  else if (lan) log.info(`Network: http://${lan.includes(':') ? `[${lan}]` : lan}:${port} (join links and QR codes use it when you open Twofold on localhost)`);
  else log.info('Network: none. Phones cannot reach this machine: connect it to the same Wi-Fi as the phones (and listen on HOST=0.0.0.0), or set PUBLIC_URL.');
}

/**
 * SQLite in DATA_DIR unless DATABASE_URL names a PostgreSQL database. `pg` is imported only
 * on that path, so the single-node default loads nothing of it.
 */
async function openStore(config: Config, log: Log, workers: StateWorkers): Promise<Store> {
  if (!config.databaseUrl) return openSqliteStore(config.dataDir, log);
  const { openPgStore } = await import('./store/pgStore');
  // A compaction folds the stored snapshot with the new one (several nodes may write): in the state worker.
  return openPgStore(config.databaseUrl, log, { fold: (updates) => workers.run({ kind: 'fold', base: updates[0], since: updates.slice(1) }) });
}

/**
 * Next.js gets a private emitter as its `httpServer`: otherwise it attaches its
 * own upgrade listener and ends sockets on paths it considers its routes.
 */
async function prepareNext(config: Config) {
  const { default: next } = await import('next');
  const upgrades = new EventEmitter();
  const app = next({
    dev: config.dev,
    dir: PROJECT_ROOT,
    hostname: config.host,
    port: config.port,
    httpServer: upgrades as unknown as HttpServer,
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  return {
    handle: (req: Parameters<typeof handle>[0], res: Parameters<typeof handle>[1]) => handle(req, res),
    upgrades,
    close: () => app.close(),
  };
}
