/**
 * The participant pages' weight and speed, from the existing production build
 * (.next; the benchmark builds nothing): the gzip size of the JavaScript each
 * page's HTML loads, and Lighthouse's mobile performance score on Debian's
 * chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ApiClient } from '../tests/helpers/apiClient';
import { ROOT, startServer, twofoldScript } from './processes';
import { round } from './stats';

export interface PageWeight {
  path: string;
  scripts: number;
  /** Sum of the gzip sizes of the <script src> files the HTML references, in KB (1,000 bytes); nomodule polyfills (which modern browsers skip) excluded. */
  js_gzip_kb: number;
  js_raw_kb: number;
  /** The nomodule polyfills, not counted above. */
  nomodule_gzip_kb: number;
  /** Inline scripts (the RSC payload), gzipped, for context. */
  inline_gzip_kb: number;
  /** Each counted chunk, largest first, with a guess at what it holds (telltale strings in it). */
  chunks: { file: string; gzip_kb: number; hints: string }[];
}

/** Telltale strings of the big libraries, to say what a hashed chunk holds. */
const TELLTALES: [RegExp, string][] = [
  [/Minified React error|react-dom/, 'react-dom'],
  [/next-router|__next_f/, 'next runtime'],
  [/Yjs was already imported/, 'yjs'],
  [/WebsocketProvider|messageAwareness|awareness/, 'y-websocket/y-protocols'],
  [/indexedDB/, 'indexeddb'],
  [/ZodError/, 'zod'],
  [/engine\.io|socket\.io/, 'socket.io-client'],
  [/qrcode/, 'qrcode'],
];

export interface PagesFigures {
  build_id: string | null;
  built_at: string | null;
  note: string | null;
  join: PageWeight | null;
  board: PageWeight | null;
  first_load_js_kb: number | null;
  lighthouse: { join: number | null; board: number | null; note: string | null; metrics?: Record<'join' | 'board', LighthouseMetrics | null> };
  /** Per participant page: the median of `runs` Lighthouse runs (score, and each metric's median). */
  lighthouse_pages: Partial<Record<LighthousePage, PageLighthouse>>;
}

export type LighthousePage = 'home' | 'join' | 'board' | 'present';

export interface PageLighthouse {
  score: number | null;
  lcp_ms: number | null;
  tbt_ms: number | null;
  cls: number | null;
  fcp_ms: number | null;
  si_ms: number | null;
  runs: (number | null)[];
}

const LIGHTHOUSE_RUNS = 3;

function medianOf(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

/** Lighthouse `runs` times on one page (each a fresh chromium); the median of the score and of each metric. */
async function lighthousePage(page: LighthousePage, url: string, storage: Record<string, string> | null): Promise<PageLighthouse> {
  const runs: { score: number | null; metrics: LighthouseMetrics }[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseScore(url, storage, path.join(REPORTS_DIR, `${page}-${i + 1}.json`)));
  const metric = (key: keyof LighthouseMetrics) => medianOf(runs.map((r) => r.metrics[key]));
  return {
    score: medianOf(runs.map((r) => r.score)),
    lcp_ms: metric('lcp_ms'),
    tbt_ms: metric('tbt_ms'),
    cls: metric('cls'),
    fcp_ms: metric('fcp_ms'),
    si_ms: metric('si_ms'),
    runs: runs.map((r) => r.score),
  };
}

/** The lab metrics behind the score, in ms (CLS unitless). */
export interface LighthouseMetrics {
  fcp_ms: number | null;
  lcp_ms: number | null;
  tbt_ms: number | null;
  si_ms: number | null;
  cls: number | null;
}

const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** Each run's full Lighthouse report (git-ignored), to see where the main thread's time went: bootup-time, long-tasks, layout-shifts… */
const REPORTS_DIR = path.join(ROOT, 'bench', 'results', 'profiles', 'lighthouse');
const kb = (bytes: number) => round(bytes / 1000, 1)!;

async function weigh(url: string, pagePath: string): Promise<PageWeight> {
  const res = await fetch(url + pagePath);
  if (!res.ok) throw new Error(`GET ${pagePath} → ${res.status}`);
  const html = await res.text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].map((m) => ({ src: m[2].replace(/&amp;/g, '&'), nomodule: /nomodule/i.test(m[1] + m[3]) }));
  const seen = new Set<string>();
  let gz = 0;
  let raw = 0;
  let nomodule = 0;
  const chunks: PageWeight['chunks'] = [];
  for (const { src, nomodule: skipped } of tags) {
    if (seen.has(src)) continue;
    seen.add(src);
    const body = Buffer.from(await (await fetch(new URL(src, url + pagePath))).arrayBuffer());
    const size = gzipSync(body, { level: 9 }).length;
    if (skipped) {
      nomodule += size;
      continue;
    }
    raw += body.length;
    gz += size;
    const text = body.toString('latin1');
    const holds = TELLTALES.filter(([re]) => re.test(text)).map(([, name]) => name);
    chunks.push({ file: src.split('/').pop()!.split('?')[0], gzip_kb: kb(size), hints: holds.join(', ') || 'app code' });
  }
  chunks.sort((a, b) => b.gzip_kb - a.gzip_kb);
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return {
    path: pagePath.replace(/\/[A-Z0-9]{8}/, '/<code>'),
    scripts: chunks.length,
    js_gzip_kb: kb(gz),
    js_raw_kb: kb(raw),
    nomodule_gzip_kb: kb(nomodule),
    inline_gzip_kb: kb(gzipSync(inline).length),
    chunks,
  };
}

/** Lighthouse (npm) mobile performance of `url`; for the board, the participant's token is put into localStorage first. */
async function lighthouseScore(url: string, storage: Record<string, string> | null, reportFile: string): Promise<{ score: number | null; metrics: LighthouseMetrics }> {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const puppeteer = await import('puppeteer-core');
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    if (storage) {
      // A page of the origin without scripts, so nothing the measured page needs is cached.
      await page.goto(new URL('/api/health', url).href);
      await page.evaluate((entries: [string, string][]) => entries.forEach(([k, v]) => localStorage.setItem(k, v)), Object.entries(storage));
    }
    const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: storage !== null }, undefined, page);
    await browser.disconnect();
    const lhr = result?.lhr;
    if (lhr) {
      fs.mkdirSync(path.dirname(reportFile), { recursive: true });
      fs.writeFileSync(reportFile, JSON.stringify(lhr));
    }
    const score = lhr?.categories.performance?.score;
    const value = (id: string, digits = 0) => round(lhr?.audits[id]?.numericValue ?? null, digits);
    return {
      score: typeof score === 'number' ? Math.round(score * 100) : null,
      metrics: {
        fcp_ms: value('first-contentful-paint'),
        lcp_ms: value('largest-contentful-paint'),
        tbt_ms: value('total-blocking-time'),
        si_ms: value('speed-index'),
        cls: value('cumulative-layout-shift', 3),
      },
    };
  } finally {
    chrome.kill();
  }
}

export async function measurePages(opts: { lighthouse: boolean }): Promise<PagesFigures> {
  const buildIdFile = path.join(ROOT, '.next', 'BUILD_ID');
  const empty: PagesFigures = {
    build_id: null,
    built_at: null,
    note: null,
    join: null,
    board: null,
    first_load_js_kb: null,
    lighthouse: { join: null, board: null, note: 'not measured' },
    lighthouse_pages: {},
  };
  if (!fs.existsSync(buildIdFile)) return { ...empty, note: '.next is missing: run `npm run build` first (the benchmark builds nothing)' };
  const figures: PagesFigures = { ...empty, build_id: fs.readFileSync(buildIdFile, 'utf8').trim(), built_at: fs.statSync(buildIdFile).mtime.toISOString() };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-bench-pages-'));
  const server = await startServer('twofold (pages)', twofoldScript().script, { DATA_DIR: dataDir, PAGES: 'on', LOG_LEVEL: 'info' });
  try {
    const api = new ApiClient(server.url);
    const { code, a } = await api.coupleInWorkshop(['Ana', 'Ben']);
    figures.join = await weigh(server.url, `/join/${code}`);
    figures.board = await weigh(server.url, `/w/${code}`);
    figures.first_load_js_kb = Math.max(figures.join.js_gzip_kb, figures.board.js_gzip_kb);
    if (!opts.lighthouse) {
      figures.lighthouse.note = 'skipped (--quick or --skip-lighthouse)';
    } else if (!fs.existsSync(CHROMIUM)) {
      figures.lighthouse.note = `no chromium at ${CHROMIUM}`;
    } else {
      try {
        const pagesToRun: [LighthousePage, string, Record<string, string> | null][] = [
          ['home', '/', null],
          ['join', `/join/${code}`, null],
          ['board', `/w/${code}`, { [`twofold:token:${code}`]: a.token }],
          ['present', `/present/${code}`, null],
        ];
        for (const [page, pagePath, storage] of pagesToRun) {
          const measured = await lighthousePage(page, server.url + pagePath, storage);
          figures.lighthouse_pages[page] = measured;
          console.log(`  Lighthouse ${page}: ${measured.score} (runs ${measured.runs.join(', ')}), LCP ${measured.lcp_ms} ms, TBT ${measured.tbt_ms} ms, CLS ${measured.cls}`);
        }
        const { join, board } = figures.lighthouse_pages;
        figures.lighthouse.join = join?.score ?? null;
        figures.lighthouse.board = board?.score ?? null;
        figures.lighthouse.note = `Lighthouse 12 defaults: mobile form factor, simulated slow 4G and 4x CPU slowdown; median of ${LIGHTHOUSE_RUNS} runs per page`;
      } catch (err) {
        figures.lighthouse.note = `lighthouse failed: ${err instanceof Error ? err.message : String(err)}`;
      }
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}
