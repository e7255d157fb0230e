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
import { ApiClient } from '../tests/helpers/api';
import { ROOT, startServer } from './processes';
import { round } from './stats';

export interface PageWeight {
  path: string;
  scripts: number;
  /** Sum of the gzip sizes of the <script src> files the HTML references, in KB (1,000 bytes). */
  js_gzip_kb: number;
  js_raw_kb: number;
  /** Inline scripts (the RSC payload), gzipped with the HTML, for context. */
  inline_gzip_kb: number;
}

export interface PagesFigures {
  build_id: string | null;
  built_at: string | null;
  note: string | null;
  join: PageWeight | null;
  board: PageWeight | null;
  first_load_js_kb: number | null;
  lighthouse: { join: number | null; board: number | null; note: string | null };
}

const CHROMIUM = '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const kb = (bytes: number) => round(bytes / 1000, 1)!;

async function weigh(url: string, pagePath: string): Promise<PageWeight> {
  const res = await fetch(url + pagePath);
  if (!res.ok) throw new Error(`GET ${pagePath} → ${res.status}`);
  const html = await res.text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&')))];
  let gz = 0;
  let raw = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, url + pagePath))).arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
  return { path: pagePath.replace(/\/[A-Z0-9]{8}/, '/<code>'), scripts: srcs.length, js_gzip_kb: kb(gz), js_raw_kb: kb(raw), inline_gzip_kb: kb(gzipSync(inline).length) };
}

/** Lighthouse (npm) mobile performance of `url`; for the board, the participant's token is put into localStorage first. */
async function lighthouseScore(url: string, storage: Record<string, string> | null): Promise<number | null> {
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
    const score = result?.lhr.categories.performance?.score;
    return typeof score === 'number' ? Math.round(score * 100) : null;
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
  };
  if (!fs.existsSync(buildIdFile)) return { ...empty, note: '.next is missing: run `npm run build` first (the benchmark builds nothing)' };
  const figures: PagesFigures = { ...empty, build_id: fs.readFileSync(buildIdFile, 'utf8').trim(), built_at: fs.statSync(buildIdFile).mtime.toISOString() };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'twofold-bench-pages-'));
  const server = await startServer('twofold (pages)', 'server/index.ts', { DATA_DIR: dataDir, PAGES: 'on', LOG_LEVEL: 'info' });
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
        figures.lighthouse.join = await lighthouseScore(`${server.url}/join/${code}`, null);
        figures.lighthouse.board = await lighthouseScore(`${server.url}/w/${code}`, { [`twofold:token:${code}`]: a.token });
        figures.lighthouse.note = 'Lighthouse 12 defaults: mobile form factor, simulated slow 4G and 4x CPU slowdown; one run per page';
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
