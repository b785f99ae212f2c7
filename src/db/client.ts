import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import { type ChangeFeed, pgliteChangeFeed, postgresChangeFeed, registerChangeFeed } from './change-feed.ts';

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
  /** what the database says has changed, for reads kept until then (`keptUntilChanged`) */
  changes: ChangeFeed;
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
    const changes = postgresChangeFeed(url.toString());
    pool.on('connect', (client) => touchAfterWrites(client, changes));
    const db = drizzlePg(pool) as unknown as Db;
    registerChangeFeed(db, changes);
    return {
      db,
      backend: 'postgresql',
      changes,
      close: async () => {
        await changes.close();
        await pool.end();
      },
    };
  }
  // An instance given (tests share one per worker) stays open when this database closes.
  if (opts.pglite) return onPglite(opts.pglite, async () => undefined);
  const dir = opts.dataDir ?? 'memory';
  if (dir === 'memory') {
    const client = await PGlite.create();
    return onPglite(client, () => client.close());
  }
  const pgDir = path.join(dir, 'pglite');
  fs.mkdirSync(pgDir, { recursive: true });
  const release = acquireDataDirLock(dir);
  try {
    const client = await PGlite.create(pgDir);
    return onPglite(client, async () => {
      await client.close();
      release();
    });
  } catch (err) {
    release();
    throw err;
  }
}

/** The database on a PGlite instance, with its change feed; `closeClient` runs after the feed has stopped. */
function onPglite(client: PGlite, closeClient: () => Promise<void>): Database {
  const db = drizzlePglite(client) as unknown as Db;
  const changes = pgliteChangeFeed(client);
  registerChangeFeed(db, changes);
  return {
    db,
    backend: 'pglite',
    changes,
    close: async () => {
      await changes.close();
      await closeClient();
    },
  };
}

/**
 * Makes each write this process commits through the client forget what the process keeps (`touch`) as soon as
 * the database has answered it: the process's next read never waits on the notification of its own write
 * arriving on the feed's connection. A transaction's statements inside it touch too (harmless), its commit last.
 */
function touchAfterWrites(client: pg.PoolClient, changes: ChangeFeed): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: unknown } | null)?.text;
    if (typeof text !== 'string' || !mayWrite(text)) return query(...args);
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = (...result: unknown[]) => {
        changes.touch();
        (last as (...r: unknown[]) => void)(...result);
      };
      return query(...args);
    }
    const answered = query(...args) as Promise<unknown> | undefined;
    answered?.then(
      () => changes.touch(),
      () => changes.touch(),
    );
    return answered;
  };
}

const WRITES = /^\s*(insert|update|delete|merge|truncate|commit|end|copy|alter|create|drop|call|do)\b/i;
const WITH_WRITES = /^\s*with\b[\s\S]*\b(insert|update|delete)\b/i;

/** Whether a statement may change a table: it starts with a write, or is a WITH that holds one. */
export function mayWrite(text: string): boolean {
  return WRITES.test(text) || WITH_WRITES.test(text);
}

/** Runs raw SQL and returns its rows: the same shape on PGlite and node-postgres. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: { rows: T[] } = (await db.execute(query)) as never;
  return result.rows;
}
