/**
 * The reference: the stock y-websocket relay of @y/websocket-server, exactly
 * as its own bin/server.js wires it (no auth, no persistence: YPERSISTENCE and
 * CALLBACK_URL are left unset), except that it listens on 127.0.0.1 and a free
 * port, and prints "listening on <url>" like the Twofold server, so the
 * benchmark can start both the same way. Its HTTP handler also answers
 * /api/metrics with the same event-loop figures as Twofold's (the monitor runs
 * beside the relay and does not touch its path), so the two compare.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { startReferenceMetrics } from './referenceMetrics';

if (process.env.YPERSISTENCE || process.env.CALLBACK_URL) throw new Error('the reference relay runs without persistence or callbacks');

const wss = new WebSocketServer({ noServer: true });
const metrics = startReferenceMetrics();
const server = http.createServer((req, res) => {
  if (req.url?.startsWith('/api/metrics')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(metrics.read(wss.clients.size)));
  }
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => process.exit(0));
