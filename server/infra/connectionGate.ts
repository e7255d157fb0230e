import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

export interface GateLimits {
  /** TCP connections of the whole process. */
  maxConnections: number;
  /** Not yet authenticated TCP connections from one address. */
  maxPendingPerIp: number;
  /** A connection that has sent no byte by then is destroyed (node's headersTimeout only starts with the first byte). */
  firstByteTimeoutMs: number;
  /** An upgraded socket that is not authenticated by then is destroyed. */
  authTimeoutMs: number;
}

/**
 * Every TCP connection of the HTTP server passes here before anything else is spent on it.
 * Two budgets, both refused by destroying the socket at once (no response: it would cost a
 * write to someone who is flooding):
 *
 * - a ceiling for the whole process, below the file-descriptor limit, so a flood of half-open
 *   connections can never leave the store without descriptors;
 * - per address, connections that are not yet authenticated: plain HTTP (pages, API, polling)
 *   and upgrades until they open a board or a Socket.IO session (`admit`). Such a connection
 *   also has to send its first byte, and an upgraded one to authenticate, within a timeout.
 *
 * Authenticated sockets leave the per-address count; they are capped by ConnectionCounter.
 */
export class ConnectionGate {
  private openCount = 0;
  private refusedCount = 0;
  private readonly pendingByAddress = new Map<string, number>();
  /** Not yet authenticated sockets, with their address. */
  private readonly pending = new Map<Duplex, string>();

  constructor(private readonly limits: GateLimits) {}

  attach(server: HttpServer): void {
    server.on('connection', (socket: Socket) => this.onConnection(socket));
    server.on('upgrade', (_req: IncomingMessage, socket: Duplex) => this.startAuthClock(socket));
  }

  /** The socket opened a board or a Socket.IO session: it no longer counts as pending for its address. */
  admit(socket: Duplex): void {
    const address = this.pending.get(socket);
    if (address === undefined) return;
    this.pending.delete(socket);
    this.release(address);
  }

  /** TCP connections open now. */
  get open(): number {
    return this.openCount;
  }

  /** Connections destroyed at once since start (over the ceiling or over an address's pending budget). */
  get refused(): number {
    return this.refusedCount;
  }

  pendingFrom(address: string): number {
    return this.pendingByAddress.get(address) ?? 0;
  }

  private onConnection(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    if (this.openCount >= this.limits.maxConnections || this.pendingFrom(address) >= this.limits.maxPendingPerIp) {
      this.refusedCount++;
      socket.destroy();
      return;
    }
    this.openCount++;
    this.pending.set(socket, address);
    this.pendingByAddress.set(address, this.pendingFrom(address) + 1);
    const silent = setTimeout(() => {
      if (socket.bytesRead === 0) socket.destroy();
    }, this.limits.firstByteTimeoutMs);
    silent.unref();
    socket.once('close', () => {
      clearTimeout(silent);
      this.openCount--;
      this.admit(socket);
    });
  }

  private startAuthClock(socket: Duplex): void {
    if (!this.pending.has(socket)) return;
    const timer = setTimeout(() => {
      if (this.pending.has(socket)) socket.destroy();
    }, this.limits.authTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  }

  private release(address: string): void {
    const n = this.pendingFrom(address) - 1;
    if (n <= 0) this.pendingByAddress.delete(address);
    else this.pendingByAddress.set(address, n);
  }
}
