import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedModules } from '../../src/modules.ts';

let shared: Promise<Database> | undefined;

/** The worker's database: PGlite loaded from the run's dump, or the run's PostgreSQL database. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    if (process.env.TEST_BACKEND === 'postgresql') {
      return openDatabase({ url: inject('postgresUrl'), poolSize: 4 });
    }
    return freshPglite();
  })();
  return shared;
}

/** A private PGlite with migrations and reference data, for tests that need a database of their own. */
export async function freshPglite(): Promise<Database> {
  const dump = inject('pgliteDump');
  const client = await PGlite.create(dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {});
  const database = await openDatabase({ pglite: client });
  return { ...database, close: () => client.close() };
}

/**
 * A migrated, seeded database of the run's backend for one test file alone: PGlite from the dump, or a new
 * PostgreSQL database (dropped by `drop`). For tests that run the job queue, which takes every due job: on
 * the shared PostgreSQL database the other files' jobs would be taken too, and theirs ours.
 */
export async function privateDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.TEST_BACKEND !== 'postgresql') {
    const database = await freshPglite();
    return { database, drop: () => database.close() };
  }
  const admin = new pg.Client({ connectionString: inject('postgresUrl') });
  await admin.connect();
  const name = `samverkan_private_${process.pid}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`create database ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await migrate(database.db);
  await seedModules(database, { demo: false });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const backendName = (): string => process.env.TEST_BACKEND ?? 'pglite';

/**
 * Runs a statement as another process would: on PostgreSQL on a connection of its own (not this process's
 * pool, whose writes this process sees at once), on PGlite by its one session. Then waits until this process's
 * change feed has heard of it, as a page in this process would a moment later.
 */
export async function writeElsewhere(
  database: Database,
  text: string,
  values: unknown[] = [],
): Promise<void> {
  if (database.backend !== 'postgresql') {
    await database.db.execute(sql.raw(bind(text, values)));
  } else {
    const url = (database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query(text, values);
    } finally {
      await other.end();
    }
  }
  await database.changes.settled();
}

/** $1, $2 … as SQL literals, for PGlite's raw execute (tests only: the values are the test's own). */
function bind(text: string, values: unknown[]): string {
  return text.replace(
    /\$(\d+)/g,
    (_, n: string) => `'${String(values[Number(n) - 1]).replaceAll("'", "''")}'`,
  );
}
