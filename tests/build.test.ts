import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { builtKey, ensureBuilt, isFresh, sourceKey } from '../scripts/build.js';

const repo = path.resolve(import.meta.dirname, '..');

/** A checkout of its own in a temporary folder: its sources, and the repository's packages. */
function scratchRoot(prefix: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.copyFileSync(path.join(repo, 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'));
  return root;
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** What a compiled module exports, read in a Node process of its own (as `npm start` would load it, and afresh). */
function load<T>(file: string): T {
  const script = `process.stdout.write(JSON.stringify({ ...(await import(${JSON.stringify(pathToFileURL(file).href)})) }))`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  ) as T;
}

const quiet = () => undefined;

// Nothing here touches a database: once, in the PGlite project.
describe.skipIf(process.env.TEST_BACKEND === 'postgresql')(
  'the build that npm start runs (scripts/build.js)',
  () => {
    let root: string;
    beforeAll(() => {
      root = scratchRoot('samverkan-build-');
      write(root, 'src/data.json', '{ "county": "03" }\n');
      write(
        root,
        'src/views/greeting.tsx',
        'export function Greeting({ name }: { name: string }) {\n  return <p class="hej">Hej {name}</p>;\n}\n',
      );
      write(
        root,
        'src/main.ts',
        [
          "import { readFileSync } from 'node:fs';",
          "import type { Stats } from 'node:fs';",
          "import { Greeting } from './views/greeting.tsx';",
          'export type Unused = Stats;',
          "export const data = JSON.parse(readFileSync(new URL('./data.json', import.meta.url), 'utf8')) as { county: string };",
          "export const html = Greeting({ name: 'Uppsala' }) as string;",
          '',
        ].join('\n'),
      );
      write(root, 'src/main.test.ts', "import './main.ts';\n");
      write(root, 'bench/run.ts', "export { html } from '../src/main.ts';\n");
    });
    afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

    it('compiles src/ beside itself in dist/: imports, JSX and the files the code reads; tests stay out', async () => {
      expect(isFresh(root)).toBe(false);
      expect(await ensureBuilt(root, quiet)).toBe(true);
      expect(isFresh(root)).toBe(true);
      expect(await ensureBuilt(root, quiet)).toBe(false);

      const main = load<{ html: string; data: { county: string } }>(path.join(root, 'dist/main.js'));
      expect(main.html).toBe('<p class="hej">Hej Uppsala</p>');
      expect(main.data.county).toBe('03');
      expect(fs.readFileSync(path.join(root, 'dist/main.js'), 'utf8')).toContain('./views/greeting.js');
      expect(fs.existsSync(path.join(root, 'dist/main.test.js'))).toBe(false);
      const bench = load<{ html: string }>(path.join(root, 'dist/bench/run.js'));
      expect(bench.html).toBe(main.html);
    });

    it('notices a changed source file and never leaves the old code to run', async () => {
      await ensureBuilt(root, quiet);
      const file = path.join(root, 'src/views/greeting.tsx');
      // The same size, so only the modification time tells (a second later, as an editor would).
      const text = fs.readFileSync(file, 'utf8').replace('Hej', 'Hoj');
      fs.writeFileSync(file, text);
      const later = new Date(fs.statSync(file).mtimeMs + 1000);
      fs.utimesSync(file, later, later);
      expect(isFresh(root)).toBe(false);

      expect(await ensureBuilt(root, quiet)).toBe(true);
      const main = load<{ html: string }>(path.join(root, 'dist/main.js'));
      expect(main.html).toBe('<p class="hej">Hoj Uppsala</p>');
    });

    it('notices a file added, a file removed, a changed tsconfig and a build left half done; not a changed test', async () => {
      await ensureBuilt(root, quiet);
      const fresh = sourceKey(root);

      write(root, 'src/main.test.ts', "import './main.ts';\n// another test\n");
      expect(sourceKey(root)).toBe(fresh);

      write(root, 'src/extra.ts', 'export const extra = 1;\n');
      expect(isFresh(root)).toBe(false);
      await ensureBuilt(root, quiet);
      expect(fs.existsSync(path.join(root, 'dist/extra.js'))).toBe(true);

      fs.rmSync(path.join(root, 'src/extra.ts'));
      expect(isFresh(root)).toBe(false);
      await ensureBuilt(root, quiet);
      expect(fs.existsSync(path.join(root, 'dist/extra.js'))).toBe(false);

      const tsconfig = path.join(root, 'tsconfig.json');
      fs.appendFileSync(tsconfig, '\n');
      expect(isFresh(root)).toBe(false);
      await ensureBuilt(root, quiet);

      fs.rmSync(path.join(root, 'dist/.build-key'));
      expect(builtKey(root)).toBeUndefined();
      expect(isFresh(root)).toBe(false);
    });

    it('fails the build on an import of TypeScript it does not compile', async () => {
      write(root, 'src/outside.ts', "export { x } from '../scripts/helper.ts';\n");
      write(root, 'scripts/helper.ts', 'export const x = 1;\n');
      try {
        await expect(ensureBuilt(root, quiet)).rejects.toThrow(/outside src\/ and bench\//);
        expect(isFresh(root)).toBe(false);
      } finally {
        fs.rmSync(path.join(root, 'src/outside.ts'));
      }
    });
  },
);

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The real tree, compiled and started as `npm start` starts it: the migrations (drizzle/), the module folders,
// the boundaries JSON beside the code and the stylesheet (public/) must all be found from dist/. On PostgreSQL,
// in a database of its own (PGlite's first start, with its migrations and reference data, takes far longer).
describe.skipIf(process.env.TEST_BACKEND !== 'postgresql')('the compiled server', () => {
  it('starts from dist/ and serves its pages and assets', { timeout: 120_000 }, async () => {
    const root = scratchRoot('samverkan-dist-');
    for (const dir of ['src', 'bench'])
      fs.cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    for (const dir of ['drizzle', 'public']) fs.symlinkSync(path.join(repo, dir), path.join(root, dir));
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const name = `samverkan_dist_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    const port = await freePort();
    try {
      expect(await ensureBuilt(root, quiet)).toBe(true);
      const server = spawn(process.execPath, [path.join(root, 'dist/server.js')], {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: url.toString(),
          DATA_DIR: path.join(root, 'data'),
          PORT: String(port),
          HOST: '127.0.0.1',
          SESSION_SECRET: 'x'.repeat(40),
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (d: Buffer) => (output += d.toString()));
      server.stderr.on('data', (d: Buffer) => (output += d.toString()));
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        const base = `http://127.0.0.1:${port}`;
        const deadline = Date.now() + 100_000;
        while (!output.includes('Samverkan kör på') && server.exitCode === null && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 200));
        expect(output, output).toContain('Samverkan kör på');

        const home = await fetch(`${base}/`);
        expect(home.status).toBe(200);
        expect(await home.text()).toContain('/static/build/app.css');
        const css = await fetch(`${base}/static/build/app.css`);
        expect(css.status).toBe(200);
        expect((await css.text()).length).toBeGreaterThan(10_000);
        // A county's page: the reference data (seeded by the modules found in dist/modules/) is there.
        const county = await fetch(`${base}/uppsala/`);
        expect(county.status).toBe(200);
        expect(await county.text()).toContain('Uppsala');
      } finally {
        server.kill('SIGTERM');
        await exited;
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
