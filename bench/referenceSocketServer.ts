/**
 * The fan-out reference: a stock Socket.IO server that does nothing but broadcast. Phones
 * connect to it beside Twofold (the same socket.io-client, websocket transport) and join one
 * room; a "facilitator" socket emits `host:command` with the size Twofold's `workshop:state`
 * had, and the server acks and broadcasts one message of that size to the room with
 * `io.to(room).emit` — the cheapest fan-out Socket.IO has (one encode, one frame per socket).
 * Twofold does more for the same command (the command is checked and stored, and each phone's
 * state is its own, since what a phone may see depends on its couple); the ratio measures that.
 * Prints "listening on <url>" like the other servers; /api/metrics as the relay answers it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { startReferenceMetrics } from './referenceMetrics';

const ROOM = 'everyone';
const server = http.createServer();
const metrics = startReferenceMetrics();
const io = new Server(server, { path: '/socket.io', transports: ['websocket'], serveClient: false });

server.on('request', (req, res) => {
  if (req.url?.startsWith('/socket.io')) return; // Socket.IO answers its own requests
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(metrics.read(io.engine.clientsCount)));
});

io.on('connection', (socket) => {
  if (socket.handshake.auth?.role !== 'host') {
    void socket.join(ROOM);
    return;
  }
  socket.on('host:command', (command: { version: number; bytes: number }, ack: (reply: { ok: true; version: number }) => void) => {
    const padding = 'x'.repeat(Math.max(0, Math.min(1_000_000, command.bytes - 40)));
    ack({ ok: true, version: command.version });
    io.to(ROOM).emit('workshop:state', { version: command.version, padding });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
