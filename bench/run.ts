/**
 * `npm run bench -- NAME` runs one benchmark, `npm run bench` all of them. Prints a table per benchmark
 * and, as the last line, one JSON object: {"bench","backend","results":[{name,value,unit,baseline,ratio,…}]}.
 *
 * Backend: BENCH_BACKEND=pglite|postgresql forces one. Otherwise PostgreSQL when DATABASE_URL is set or a
 * local server answers at postgres://postgres@localhost:5432/test, else PGlite in memory. On PostgreSQL
 * the run creates its own database (samverkan_bench_<pid>) on that server and drops it at the end.
 */
import pg from 'pg';
import { openDatabase, type Backend, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedModules } from '../src/modules.ts';
import type { BenchContext, Benchmark, Result } from './types.ts';

/** Every benchmark, in the order `npm run bench` runs them; each is the module bench/<name>.ts. */
const BENCHMARKS = {
  http: () => import('./http.ts'),
  lagesbild: () => import('./lagesbild.ts'),
  events: () => import('./events.ts'),
  start: () => import('./start.ts'),
  public: () => import('./public.ts'),
} satisfies Record<string, () => Promise<Partial<Benchmark>>>;

const LOCAL_POSTGRES = 'postgres://postgres@localhost:5432/test';

interface Outcome {
  bench: string;
  results: Result[];
  error?: string;
  seconds: number;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function loadBenchmark(name: keyof typeof BENCHMARKS): Promise<Benchmark> {
  const mod: Partial<Benchmark> = await BENCHMARKS[name]();
  if (mod.name !== name || typeof mod.run !== 'function') {
    throw new Error(`bench/${name}.ts must export name = '${name}' and run(ctx)`);
  }
  return { name: mod.name, run: mod.run };
}

/** Answers whether a PostgreSQL server accepts a connection at the URL within two seconds. */
async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function chooseBackend(): Promise<{ backend: Backend; serverUrl?: string }> {
  const forced = process.env.BENCH_BACKEND;
  const configured = process.env.DATABASE_URL || undefined;
  if (forced === 'pglite') return { backend: 'pglite' };
  if (forced && forced !== 'postgresql')
    throw new Error(`BENCH_BACKEND must be pglite or postgresql, not ${forced}`);
  if (configured) return { backend: 'postgresql', serverUrl: configured };
  if (await answers(LOCAL_POSTGRES)) return { backend: 'postgresql', serverUrl: LOCAL_POSTGRES };
  if (forced === 'postgresql')
    throw new Error(`BENCH_BACKEND=postgresql but no server answers at ${LOCAL_POSTGRES}`);
  return { backend: 'pglite' };
}

interface RunDatabase {
  database: Database;
  /** closes the database and, on PostgreSQL, drops the run's database */
  dispose(): Promise<void>;
}

async function openRunDatabase(choice: { backend: Backend; serverUrl?: string }): Promise<RunDatabase> {
  if (choice.backend === 'pglite' || !choice.serverUrl) {
    const database = await openDatabase({ dataDir: 'memory' });
    return { database, dispose: () => database.close() };
  }
  const adminUrl = new URL(choice.serverUrl);
  if (!adminUrl.username) adminUrl.username = 'postgres';
  const dbName = `samverkan_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  let database: Database | undefined;
  const dispose = async (): Promise<void> => {
    await database?.close().catch(() => undefined);
    await dropWhenIdle(admin, dbName);
    await admin.end();
  };
  try {
    database = await openDatabase({ url: url.toString(), poolSize: 10 });
    return { database, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/**
 * pg's Pool.end() resolves before its connections have closed, and a forced drop would kill them under
 * the pool, which then throws. So drop politely a few times first and force only as the last resort.
 */
async function dropWhenIdle(admin: pg.Client, dbName: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await admin.query(`drop database if exists ${dbName}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.query(`drop database if exists ${dbName} with (force)`);
}

function printTable(outcome: Outcome, backend: Backend): void {
  const head = ['figure', 'value', 'unit', 'baseline', 'ratio', 'details'];
  const rows = outcome.results.map((r) => {
    const { name, value, unit, baseline, ratio, ...extra } = r;
    const details = Object.entries(extra)
      .filter(([, v]) => typeof v === 'number' || (typeof v === 'string' && v.length <= 40))
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    return [name, String(value), unit, String(baseline), ratio.toFixed(2), details];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 1 || i === 3 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(`\n${outcome.bench} on ${backend} (${outcome.seconds.toFixed(1)} s)`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  if (outcome.error) console.log(`FAILED: ${outcome.error}`);
}

function jsonLine(bench: string, backend: Backend, outcomes: Outcome[]): string {
  const results = outcomes.flatMap((o) =>
    outcomes.length > 1 ? o.results.map((r) => ({ bench: o.bench, ...r })) : o.results,
  );
  const errors = outcomes.filter((o) => o.error).map((o) => ({ bench: o.bench, error: o.error }));
  return JSON.stringify({
    bench,
    backend,
    results,
    ...(errors.length === 1 && outcomes.length === 1 ? { error: errors[0]!.error } : {}),
    ...(errors.length > 0 && outcomes.length > 1 ? { errors } : {}),
  });
}

async function main(): Promise<number> {
  const requested = process.argv.slice(2).filter((a) => a !== '--');
  const known = Object.keys(BENCHMARKS) as (keyof typeof BENCHMARKS)[];
  const unknown = requested.filter((n) => !(known as string[]).includes(n));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${known.join(', ')}`);
    return 2;
  }
  const names = requested.length > 0 ? (requested as typeof known) : known;
  const choice = await chooseBackend();
  log(`bench: ${names.join(', ')} on ${choice.backend}`);

  const start = process.hrtime.bigint();
  const run = await openRunDatabase(choice);
  const stop = (): void => {
    // Ctrl-C: drop the run's database before leaving.
    void run.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  const outcomes: Outcome[] = [];
  try {
    await migrate(run.database.db);
    await seedModules(run.database, { demo: false });
    log(`bench: database ready in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`);
    const ctx: BenchContext = { database: run.database, backend: run.database.backend, log };
    for (const name of names) {
      const began = process.hrtime.bigint();
      const outcome: Outcome = { bench: name, results: [], seconds: 0 };
      try {
        const benchmark = await loadBenchmark(name);
        outcome.results = await benchmark.run(ctx);
      } catch (err) {
        outcome.error = err instanceof Error ? err.message : String(err);
        if (process.env.BENCH_DEBUG && err instanceof Error) log(err.stack ?? err.message);
      }
      outcome.seconds = Number(process.hrtime.bigint() - began) / 1e9;
      outcomes.push(outcome);
      printTable(outcome, choice.backend);
      if (names.length > 1) console.log(jsonLine(name, choice.backend, [outcome]));
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await run.dispose();
  }
  console.log(jsonLine(names.length > 1 ? 'all' : names[0]!, choice.backend, outcomes));
  return outcomes.some((o) => o.error) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
