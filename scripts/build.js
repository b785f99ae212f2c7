/**
 * Compiles the TypeScript of src/ and bench/ to plain JavaScript in dist/, which `npm start`, `npm run worker`,
 * `npm run cli` and `npm run bench` run (scripts/launch.js): a start loads JavaScript, with no loader
 * transpiling every file on the way. `node scripts/build.js` (`npm run build`) compiles when needed, for an
 * image built ahead of its first start.
 *
 * dist/ mirrors src/ file by file at the same depth (src/db/migrate.ts → dist/db/migrate.js), so every path a
 * module finds from its own place (`import.meta.url`: drizzle/ and public/ beside src/, the JSON beside the
 * code, the module folders) holds in both; the other files under src/ (JSON) are copied beside the code.
 * bench/ goes to dist/bench/. Tests (`*.test.ts`) are neither compiled nor counted: they run from source.
 *
 * Never stale: dist/.build-key holds a hash of every source file's path, size and modification time (one stat
 * per file, a few milliseconds), of tsconfig.json, of this file and of the installed esbuild. A start compares
 * it and compiles when anything differs — a file changed, added or removed — under a lock, so two processes
 * starting at once do not compile over each other.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @import { Plugin } from 'esbuild' */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each source folder and where its JavaScript goes, relative to the root. */
const UNITS = /** @type {const} */ ([
  ['src', 'dist'],
  ['bench', 'dist/bench'],
]);
const OUT = 'dist';
const KEY_FILE = '.build-key';
const LOCK_FILE = '.build-lock';
const TS = /\.tsx?$/;
const TEST = /\.test\.tsx?$/;

/**
 * Every file of a unit that goes into the build, as paths relative to the root, sorted.
 * @param {string} root
 * @param {string} dir relative to the root
 * @returns {string[]}
 */
function sourceFiles(root, dir) {
  /** @type {string[]} */
  const files = [];
  /** @param {string} rel */
  const walk = (rel) => {
    let entries;
    try {
      entries = fs.readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const child = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(child);
      else if (e.isFile() && !TEST.test(e.name)) files.push(child);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * What the build is made of, as one hash: every source file's path, size and modification time, and the same
 * of tsconfig.json (esbuild reads its JSX settings), this file and esbuild's package.
 * @param {string} [root]
 * @returns {string}
 */
export function sourceKey(root = ROOT) {
  const hash = crypto.createHash('sha256');
  /** @param {string} label @param {string} file */
  const add = (label, file) => {
    let stamp = 'missing';
    try {
      const s = fs.statSync(file);
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'ENOENT') throw err;
    }
    hash.update(`${label}\0${stamp}\n`);
  };
  for (const [src] of UNITS) for (const rel of sourceFiles(root, src)) add(rel, path.join(root, rel));
  add('tsconfig.json', path.join(root, 'tsconfig.json'));
  add('build.js', fileURLToPath(import.meta.url));
  add('esbuild', createRequire(import.meta.url).resolve('esbuild/package.json'));
  return hash.digest('hex');
}

/**
 * The key of the build in dist/, or undefined when there is none (or it was left half done).
 * @param {string} [root]
 * @returns {string | undefined}
 */
export function builtKey(root = ROOT) {
  try {
    return fs.readFileSync(path.join(root, OUT, KEY_FILE), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Whether dist/ was compiled from the sources as they are now.
 * @param {string} [root]
 */
export function isFresh(root = ROOT) {
  return builtKey(root) === sourceKey(root);
}

/**
 * Where a source file's output goes (TypeScript becomes .js), or undefined for a file outside src/ and bench/.
 * @param {string} root
 * @param {string} file absolute
 */
function outputOf(root, file) {
  for (const [src, out] of UNITS) {
    const rel = path.relative(path.join(root, src), file);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return path.join(root, out, rel.replace(TS, '.js'));
  }
  return undefined;
}

/**
 * Keeps every import as an import (nothing is bundled) and points a relative one at the compiled file:
 * `./x.ts` becomes `./x.js`, and bench's `../src/app.ts` becomes `../app.js`.
 * @param {string} root
 * @returns {Plugin}
 */
function relink(root) {
  return {
    name: 'relink',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (!/^\.\.?\//.test(args.path)) return { path: args.path, external: true };
        const target = path.resolve(args.resolveDir, args.path);
        const from = outputOf(root, args.importer);
        const to = outputOf(root, target);
        if (!from) return { errors: [{ text: `${args.importer} lies outside src/ and bench/` }] };
        if (!to && TS.test(target)) {
          return {
            errors: [{ text: `${args.path}: TypeScript outside src/ and bench/ is not compiled` }],
          };
        }
        let rel = path
          .relative(path.dirname(from), to ?? target)
          .split(path.sep)
          .join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return { path: rel, external: true };
      });
    },
  };
}

/**
 * Compiles src/ and bench/ into a fresh dist/ (the other files of src/ copied beside the code) and writes the
 * key last, so a build that stops half way is never taken for a finished one.
 * @param {string} [root]
 * @param {string} [key] the sources' key, taken before reading them: a file changed during the build makes the next start compile again
 */
export async function build(root = ROOT, key = sourceKey(root)) {
  const { build: esbuild } = await import('esbuild');
  const outDir = path.join(root, OUT);
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of fs.readdirSync(outDir))
    if (name !== LOCK_FILE) fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
  /** @type {{ in: string, out: string }[]} */
  const entryPoints = [];
  for (const [src] of UNITS) {
    for (const rel of sourceFiles(root, src)) {
      const file = path.join(root, rel);
      const out = /** @type {string} */ (outputOf(root, file));
      if (TS.test(rel) && !rel.endsWith('.d.ts'))
        entryPoints.push({ in: file, out: path.relative(root, out).replace(/\.js$/, '') });
      else if (!TS.test(rel) && !rel.endsWith('.md')) {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.copyFileSync(file, out);
      }
    }
  }
  await esbuild({
    absWorkingDir: root,
    entryPoints,
    outdir: root,
    // "bundle" only so the plugin sees every import; it marks each one external, so each file stays one file.
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // The files keep the paths they were found at, as the plugin maps them.
    preserveSymlinks: true,
    logLevel: 'warning',
    plugins: [relink(root)],
  });
  fs.writeFileSync(path.join(outDir, KEY_FILE), key);
  return entryPoints.length;
}

/**
 * Compiles when dist/ is not fresh, under an exclusive lock (flock, released by the system when its holder
 * dies), checking again once it holds the lock: another process may have just compiled. Returns whether it
 * compiled.
 * @param {string} [root]
 * @param {(line: string) => void} [log]
 * @returns {Promise<boolean>}
 */
export async function ensureBuilt(root = ROOT, log = (line) => console.error(line)) {
  if (isFresh(root)) return false;
  const outDir = path.join(root, OUT);
  fs.mkdirSync(outDir, { recursive: true });
  // flock(2) through fs-ext, as the PGlite data folder's lock (src/db/lock.ts).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- the rule does not see a JSDoc cast
  const { flockSync } = /** @type {{ flockSync(this: void, fd: number, how: 'ex' | 'un'): void }} */ (
    createRequire(import.meta.url)('fs-ext')
  );
  const fd = fs.openSync(path.join(outDir, LOCK_FILE), 'a+');
  try {
    flockSync(fd, 'ex');
    const key = sourceKey(root);
    if (builtKey(root) === key) return false;
    const began = Date.now();
    const files = await build(root, key);
    log(`TypeScript kompilerad till ${OUT}/: ${files} filer på ${Date.now() - began} ms`);
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  if (!(await ensureBuilt())) console.log(`${OUT}/ är redan kompilerad från källorna som de är nu`);
}
