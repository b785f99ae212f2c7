import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db, Executor } from './client.ts';

/** What drizzle's `.prepare(name)` gives: the SQL text built once, run with new values. */
interface PreparedStatement<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

interface Preparable<R> {
  prepare(name: string): PreparedStatement<R>;
}

/**
 * A query that every request runs (the session, the counts on a start page), built once per database
 * instead of once per call. Building a query with drizzle's builder costs more CPU than PostgreSQL spends
 * running a small one; a prepared query keeps its SQL text, and its name lets PostgreSQL parse and plan it
 * once per connection. `build` writes the query with `sql.placeholder('x')` where the values go; the
 * returned function runs it with `{ x: … }`.
 *
 * The statement is kept per executor: the database's own for ordinary calls; a transaction's (a new
 * executor each time) builds it once for that transaction. Names must be unique in the application: one
 * name, one SQL text (PostgreSQL refuses a second text under a name a connection already knows).
 */
export function prepared<R, V extends Record<string, unknown> = Record<string, unknown>>(
  name: string,
  build: (db: Executor) => Preparable<R>,
): (db: Executor, values: V) => Promise<R> {
  if (names.has(name)) throw new Error(`prepared statement name used twice: ${name}`);
  names.add(name);
  const statements = new WeakMap<Executor, PreparedStatement<R>>();
  return (db, values) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db).prepare(name);
      statements.set(db, statement);
    }
    return statement.execute(values);
  };
}

const names = new Set<string>();

/**
 * A query written as SQL text with `$1`, `$2` … that a page asks on every request, named so that PostgreSQL
 * parses and plans it once per connection (a query over many tables costs the server more to plan than to
 * run). For the queries drizzle's builder cannot write; run on the database, not inside a transaction.
 * PGlite has no connections to keep a plan in and runs the text as it is.
 */
export function preparedSql<R>(name: string, text: string): (db: Db, values: unknown[]) => Promise<R[]> {
  if (names.has(name)) throw new Error(`prepared statement name used twice: ${name}`);
  names.add(name);
  return async (db, values) => {
    const client = (db as unknown as { $client: unknown }).$client;
    if (client instanceof pg.Pool)
      return (await client.query<R & pg.QueryResultRow>({ name, text, values })).rows;
    return (await (client as PGlite).query<R>(text, values)).rows;
  };
}
