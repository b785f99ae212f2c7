/**
 * `node scripts/launch.js server|worker|cli|bench [args…]`: what `npm start`, `npm run worker`, `npm run cli`
 * and `npm run bench` run. It compiles src/ (and bench/) to dist/ when a source changed since the last build
 * (scripts/build.js; otherwise a stat of each file), builds the stylesheet when its sources changed (server),
 * and runs the compiled program in this same process: one Node start, no TypeScript loader.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, ROOT } from './build.js';
import { ensureCss } from './build-css.js';

/** @type {Record<string, string>} */
const PROGRAMS = {
  server: 'dist/server.js',
  worker: 'dist/worker.js',
  cli: 'dist/cli.js',
  bench: 'dist/bench/run.js',
};

const [program = '', ...args] = process.argv.slice(2);
const entry = PROGRAMS[program];
if (!entry) {
  console.error(`Användning: node scripts/launch.js ${Object.keys(PROGRAMS).join('|')} [argument…]`);
  process.exit(2);
}
if (program === 'server') await ensureCss();
await ensureBuilt();
const file = path.join(ROOT, entry);
// The program reads its own arguments from process.argv.slice(2), as if started as `node dist/<program>.js …`.
process.argv = [process.argv[0] ?? process.execPath, file, ...args];
await import(pathToFileURL(file).href);
