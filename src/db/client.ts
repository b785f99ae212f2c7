import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';

/** Queries are written with the query builder and the modules' tables; no relational schema is registered. */
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository function can run on: the database or an open transaction. */
export type Executor = Db | Tx;
export type Backend = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  backend: Backend;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used */
  url?: string | undefined;
  /** PGlite data folder; 'memory' for an in-memory instance (tests) */
  dataDir?: string | undefined;
  /** PGlite: an existing instance (tests share one per worker) */
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    // A URL without a user name (postgres://localhost/test) connects as 'postgres', not as the OS user.
    const url = new URL(opts.url);
    if (!url.username) url.username = 'postgres';
    // Every connection speaks UTC; deadlines are converted to Europe/Stockholm in the application.
    const pool = new pg.Pool({
      connectionString: url.toString(),
      max: opts.poolSize ?? 10,
      options: '-c TimeZone=UTC',
    });
    // An idle connection that the server closes (a restart, a failover, an administrator) is dropped
    // from the pool and replaced on next use; without this listener it would end the process.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool) as unknown as Db;
    return { db, backend: 'postgresql', close: () => pool.end() };
  }
  if (opts.pglite) {
    const db = drizzlePglite(opts.pglite) as unknown as Db;
    return { db, backend: 'pglite', close: async () => undefined };
  }
  const dir = opts.dataDir ?? 'memory';
  if (dir === 'memory') {
    const client = await PGlite.create();
    const db = drizzlePglite(client) as unknown as Db;
    return { db, backend: 'pglite', close: () => client.close() };
  }
  const pgDir = path.join(dir, 'pglite');
  fs.mkdirSync(pgDir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const client = await PGlite.create(pgDir);
    const db = drizzlePglite(client) as unknown as Db;
    return {
      db,
      backend: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Runs raw SQL and returns its rows: the same shape on PGlite and node-postgres. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: { rows: T[] } = (await db.execute(query)) as never;
  return result.rows;
}
