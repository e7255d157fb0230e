// `npm run build:server` (part of `npm run build`): server/ and the lib/ it imports, bundled to
// plain JavaScript in dist/, so `npm start` runs node on it instead of transpiling TypeScript at
// start-up through tsx.
//
// - Packages stay external (`packages: 'external'`): node loads them from node_modules as
//   before, so native modules (better-sqlite3), pdfkit's data files and Next find their files.
// - Code splitting keeps the lazy `import()`s lazy: the PostgreSQL store and the cluster code
//   (with pg and redis) load only when DATABASE_URL or REDIS_URL asks for them.
// - Every output file sits directly in dist/, one level below the project root like the files
//   of server/, so what the server finds from `import.meta.url` (the project root for .next/
//   and public/, better-sqlite3 for the checkpoint worker, the DejaVu fonts) is found the same.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist');

const result = await build({
  absWorkingDir: root,
  // The state worker is a file of its own: server/boards/stateWorkers.ts starts dist/stateWorker.mjs.
  entryPoints: { server: 'server/index.ts', backup: 'server/backup.ts', stateWorker: 'server/boards/stateWorker.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
// Files of an earlier build that this one did not write (chunks are named by their hash). Written
// over in place rather than deleted first, so a server already running from dist/ never finds it empty.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => path.resolve(root, file)));
for (const name of fs.readdirSync(outdir)) {
  const file = path.join(outdir, name);
  if (!written.has(file)) fs.rmSync(file, { recursive: true, force: true });
}
