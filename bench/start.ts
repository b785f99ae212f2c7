/**
 * `npm start` to the first 200: the time a person waits after typing the command on an installed checkout
 * whose data folder exists (a warm install: dependencies installed, the compiled program and stylesheet up
 * to date, the database migrated and its demo data loaded by an earlier start). Measured from spawning
 * `node scripts/launch.js server` (what `npm start` runs, without npm's own start) to the first 200 on `/`,
 * the median of five starts. The baseline is the same wait for a bare node:http server started the same way.
 * The first start on an empty data folder (migrating and loading the demo data) is reported beside it.
 *
 * It starts the server on the embedded database (the default `npm start`), whatever the run's backend.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { median, result, round, type BenchContext, type Result } from './types.ts';

export const name = 'start';

let ROOT = import.meta.dirname;
while (!fs.existsSync(path.join(ROOT, 'package.json'))) ROOT = path.dirname(ROOT);
const RUNS = Number(process.env.BENCH_START_RUNS ?? 5);

export async function run(ctx: BenchContext): Promise<Result[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-start-'));
  try {
    const cold = await timeToFirst200(['scripts/launch.js', 'server'], dataDir);
    ctx.log(`start: first start on an empty data folder ${Math.round(cold)} ms`);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await timeToFirst200(['scripts/launch.js', 'server'], dataDir));
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) bare.push(await timeToFirst200(['-e', BARE_SERVER], dataDir));
    ctx.log(`start: warm ${warm.map(Math.round).join(', ')} ms; bare ${bare.map(Math.round).join(', ')} ms`);
    return [
      result('warm_start_to_first_200_ms', median(warm), 'ms', median(bare), 'lower', {
        runs: RUNS,
        times_ms: warm.map(round),
        baseline_times_ms: bare.map(round),
        first_start_on_empty_data_folder_ms: round(cold),
        database: 'pglite (the data folder)',
        goal_ms: 3000,
        meets_goal: median(warm) < 3000,
      }),
    ];
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A bare server answering 200 on the port it is given: the least a Node program takes to be reachable. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')`;

/** Spawns `node …args`, polls `/` until it answers 200, stops the process and waits for it to end. */
async function timeToFirst200(args: string[], dataDir: string): Promise<number> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`the server ended (${child.exitCode}): ${stderr.slice(-500)}`);
      if ((await statusOf(port)) === 200) return Number(process.hrtime.bigint() - started) / 1e6;
      if (Number(process.hrtime.bigint() - started) > 120e9) throw new Error('no 200 within 120 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    await stop(child);
  }
}

function statusOf(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
