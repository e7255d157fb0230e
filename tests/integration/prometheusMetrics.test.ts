import { LATEST_SCHEMA_VERSION } from '../../server/store/migrations';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { addEntry, listEntries } from '../../lib/board/schema';
import { BRING_NEED } from '../../lib/catalogue/catalogue';
import { connectControl, participantAuth } from '../helpers/controlClient';
import { serverForFile } from '../helpers/server';
import { eventually } from '../helpers/wait';
import { connectBoard } from '../helpers/yjsClient';

const METRICS_TOKEN = 'metrics-token-for-the-test';
const { server, api } = await serverForFile({ metricsToken: METRICS_TOKEN });

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * The Prometheus text format (0.0.4), strictly: every line is a comment (`# HELP`, `# TYPE`) or a
 * sample `name{label="value",…} number`, and every sample belongs to a declared metric. (Values
 * are read as Prometheus reads them, Go's ParseFloat: prom-client writes NaN as `Nan`, which it takes.)
 */
function parse(text: string): { samples: Sample[]; types: Map<string, string> } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
    if (!m) throw new Error(`not a Prometheus line: ${line}`);
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  for (const s of samples) {
    const family = s.name.replace(/_(bucket|sum|count)$/, '');
    if (!types.has(s.name) && !types.has(family)) throw new Error(`sample ${s.name} has no # TYPE`);
  }
  return { samples, types };
}

async function scrape() {
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  const { samples, types } = parse(text);
  const value = (name: string, labels: Record<string, string> = {}) => {
    const found = samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
    if (!found) throw new Error(`no sample ${name} ${JSON.stringify(labels)}`);
    return found.value;
  };
  return { text, samples, types, value };
}

/** A GET from 127.0.0.2: loopback as a packet goes, but not the address the metrics routes trust. */
function getFromOtherAddress(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${server.url}${path}`, { localAddress: '127.0.0.2', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('GET /metrics (Prometheus)', () => {
  it('is the text format, with the process, event-loop and Twofold metrics', async () => {
    const { types, value } = await scrape();
    for (const [name, type] of Object.entries({
      process_cpu_user_seconds_total: 'counter',
      process_resident_memory_bytes: 'gauge',
      nodejs_eventloop_lag_p99_seconds: 'gauge',
      nodejs_heap_size_used_bytes: 'gauge',
      twofold_board_connections: 'gauge',
      twofold_control_sockets: 'gauge',
      twofold_live_boards: 'gauge',
      twofold_people_online: 'gauge',
      twofold_updates_stored_total: 'counter',
      twofold_store_write_seconds: 'histogram',
      twofold_store_write_failures_total: 'counter',
      twofold_relay_seconds: 'histogram',
      twofold_rate_limit_rejections_total: 'counter',
      twofold_schema_version: 'gauge',
      twofold_ready: 'gauge',
    })) {
      expect(types.get(name), name).toBe(type);
    }
    expect(value('twofold_schema_version')).toBe(LATEST_SCHEMA_VERSION);
    expect(value('twofold_ready', { check: 'store' })).toBe(1);
  });

  it('moves with edits, connections and refusals', async () => {
    const before = await scrape();
    const { a, b, code } = await api.coupleInWorkshop(['Ana', 'Ben']);
    const [meA, meB] = await Promise.all([api.me(a.token), api.me(b.token)]);
    const boardA = connectBoard(meA.board!);
    const boardB = connectBoard(meB.board!);
    const phone = connectControl(server.url, participantAuth(a.token));
    try {
      await Promise.all([boardA.synced(), boardB.synced()]);
      await eventually(() => expect(phone.latest.self).not.toBeNull());
      const EDITS = 20;
      for (let i = 0; i < EDITS; i++) addEntry((i % 2 ? boardB : boardA).doc, { id: `e${i}`, exercise: BRING_NEED.id, column: 'bring', author: i % 2 ? 'b' : 'a', createdAt: i }, `entry ${i}`);
      await eventually(() => expect([boardA, boardB].map((d) => listEntries(d.doc, BRING_NEED.id).length)).toEqual([EDITS, EDITS]));
      // Wrong room codes from one address: the 21st within a minute is refused.
      for (let i = 0; i < 21; i++) await api.request('GET', '/api/workshops/ZZZZZZZZ');
      expect((await api.request('GET', `/api/workshops/${code}`)).status).toBe(429);

      const after = await scrape();
      const grew = (name: string, labels?: Record<string, string>) => after.value(name, labels) - before.value(name, labels);
      expect(grew('twofold_updates_stored_total')).toBeGreaterThanOrEqual(EDITS);
      expect(grew('twofold_store_write_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(grew('twofold_store_write_seconds_sum')).toBeGreaterThan(0);
      expect(grew('twofold_relay_seconds_count')).toBeGreaterThanOrEqual(EDITS);
      expect(after.value('twofold_relay_seconds_bucket', { le: '+Inf' })).toBe(after.value('twofold_relay_seconds_count'));
      expect(grew('twofold_rate_limit_rejections_total', { limit: 'guesses' })).toBeGreaterThanOrEqual(2);
      expect(after.value('twofold_board_connections')).toBe(2);
      expect(after.value('twofold_control_sockets')).toBe(1);
      expect(after.value('twofold_people_online')).toBe(1);
      expect(after.value('twofold_live_boards')).toBe(1);
      expect(grew('twofold_store_write_failures_total')).toBe(0);
      // [R50] Labels are fixed words; nothing of the round (names, codes, ids, secrets) is in the figures.
      const labelKeys = new Set(after.samples.filter((x) => x.name.startsWith('twofold_')).flatMap((x) => Object.keys(x.labels)));
      expect([...labelKeys].sort()).toEqual(['check', 'le', 'limit']);
      for (const secret of ['Ana', 'Ben', code, a.token, b.token, meA.couple!.id, meA.couple!.pairCode, a.participantId]) expect(after.text).not.toContain(secret);
    } finally {
      boardA.destroy();
      boardB.destroy();
      phone.close();
    }
    await eventually(async () => expect((await scrape()).value('twofold_board_connections')).toBe(0));
  });

  it('[R50] answers other addresses only with METRICS_TOKEN, like GET /api/metrics', async () => {
    for (const path of ['/metrics', '/api/metrics']) {
      expect(await getFromOtherAddress(path)).toBe(401);
      expect(await getFromOtherAddress(path, { authorization: 'Bearer not-the-token-at-all' })).toBe(401);
      expect(await getFromOtherAddress(path, { authorization: `Bearer ${METRICS_TOKEN}` })).toBe(200);
    }
    expect(await getFromOtherAddress('/api/health/ready')).toBe(200);
  });
});
