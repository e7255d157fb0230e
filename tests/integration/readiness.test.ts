import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../helpers/apiClient';
import { withServer } from '../helpers/server';
import { startRedis } from '../helpers/services';
import { createTestDatabase } from '../helpers/testDatabase';
import { eventually } from '../helpers/wait';

type ReadyBody = { ok?: true; checks: Record<string, string>; error?: { code: string; message: string } };

const ready = (api: ApiClient) => api.request<ReadyBody>('GET', '/api/health/ready');

/** Runs SQL as the run's PostgreSQL superuser (to shut a database's door and open it again). */
async function asAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe('[R49] GET /api/health/ready', () => {
  it('answers 200 while the SQLite store reads, 503 not_ready once it cannot; /api/health stays 200 (liveness)', async () => {
    await withServer({ databaseUrl: null }, async ({ server, api }) => {
      expect(await ready(api)).toMatchObject({ status: 200, body: { ok: true, checks: { store: 'ok' } } });
      await server.store.close();
      const res = await ready(api);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'not_ready', message: 'Not ready: the store does not answer.' }, checks: { store: 'failing' } });
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect((await api.request('GET', '/api/health')).status).toBe(200);
    });
  });

  it('follows PostgreSQL: 503 while the database refuses connections, 200 again when it takes them', { timeout: 30_000 }, async () => {
    const url = await createTestDatabase();
    const name = new URL(url).pathname.slice(1);
    await withServer({ databaseUrl: url }, async ({ api }) => {
      expect(await ready(api)).toMatchObject({ status: 200, body: { checks: { store: 'ok' } } });
      try {
        await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
        const res = await ready(api);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ error: { code: 'not_ready' }, checks: { store: 'failing' } });
      } finally {
        await asAdmin(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      }
      await eventually(async () => expect(await ready(api)).toMatchObject({ status: 200, body: { ok: true, checks: { store: 'ok' } } }));
    });
  });

  it('follows Redis on one of several nodes: 503 while it is down, 200 once the node is back on it', { timeout: 60_000 }, async () => {
    const redis = await startRedis();
    try {
      await withServer({ databaseUrl: await createTestDatabase(), cluster: { redisUrl: redis.url, nodeId: 'ready' } }, async ({ api }) => {
        expect(await ready(api)).toMatchObject({ status: 200, body: { ok: true, checks: { store: 'ok', redis: 'ok' } } });
        await redis.stop();
        await eventually(async () => {
          const res = await ready(api);
          expect(res.status).toBe(503);
          expect(res.body).toEqual({ error: { code: 'not_ready', message: 'Not ready: Redis does not answer.' }, checks: { store: 'ok', redis: 'failing' } });
        }, 15_000);
        await redis.restart();
        await eventually(async () => expect(await ready(api)).toMatchObject({ status: 200, body: { checks: { store: 'ok', redis: 'ok' } } }), 15_000);
      });
    } finally {
      await redis.stop();
    }
  });
});
