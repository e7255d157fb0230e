import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CODES } from '../../lib/protocol';
import type { Metrics } from '../../lib/protocol/metrics';
import { registry } from '../infra/prometheus';
import { metricsAllowed, readMetrics } from './jsonMetrics';
import type { Readiness } from './readiness';
import { sendJson } from './respond';

type Counts = Pick<Metrics, 'node' | 'liveBoards' | 'boardConnections' | 'controlSockets' | 'peopleOnline'>;

const PATHS = new Set(['/metrics', '/api/metrics', '/api/health/ready']);

/**
 * What operators' tools read: readiness for the load balancer, `/metrics` (Prometheus text
 * format) for the scraper, `/api/metrics` (JSON) for the benchmark and the soak test. The two
 * metrics routes answer loopback callers, others only with METRICS_TOKEN (`metricsAllowed`);
 * readiness answers everyone and tells nothing but which check fails.
 */
export function createOperatorRoutes(deps: { metrics: { token: string | null; behindProxy: boolean }; counts: () => Counts; checkReadiness: () => Promise<Readiness> }) {
  async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/api/health/ready') return ready(res);
    if (!metricsAllowed(req, deps.metrics)) return sendJson(res, 401, { error: { code: ERROR_CODES.unauthorized, message: 'Metrics need the metrics token.' } });
    if (pathname === '/api/metrics') return sendJson(res, 200, readMetrics(deps.counts(), (req.url ?? '').includes('gc=1')));
    await deps.checkReadiness(); // refreshes twofold_ready and twofold_schema_version for this scrape
    const text = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  async function ready(res: ServerResponse): Promise<void> {
    const { ready, checks } = await deps.checkReadiness();
    if (ready) return sendJson(res, 200, { ok: true, checks });
    const failing = Object.entries(checks)
      .filter(([, result]) => result !== 'ok')
      .map(([name]) => (name === 'store' ? 'the store does not answer' : 'Redis does not answer'));
    sendJson(res, 503, { error: { code: ERROR_CODES.notReady, message: `Not ready: ${failing.join(', and ')}.` }, checks });
  }

  return {
    handles: (pathname: string) => PATHS.has(pathname),
    serve(req: IncomingMessage, res: ServerResponse, pathname: string): void {
      serve(req, res, pathname).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: ERROR_CODES.internal, message: 'Something went wrong on the server.' } });
      });
    },
  };
}
