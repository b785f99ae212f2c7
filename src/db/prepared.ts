import type { PGlite } from '@electric-sql/pglite';
import { getTableColumns, type Table } from 'drizzle-orm';
import pg from 'pg';
import type { Executor } from './client.ts';

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
 * run). For the queries drizzle's builder cannot write, and for the statements a transaction runs while it
 * holds a contended lock (it waits for no query building then). On the database, or inside a transaction on
 * its connection. PGlite has no connections to keep a plan in and runs the text as it is.
 *
 * Rows come back as the driver gives them (column names as in SQL); `rowOf` turns a table's row into what
 * drizzle's select returns.
 */
export function preparedSql<R>(
  name: string,
  text: string,
): (db: Executor, values: unknown[]) => Promise<R[]> {
  if (names.has(name)) throw new Error(`prepared statement name used twice: ${name}`);
  names.add(name);
  return async (db, values) => {
    const client = clientOf(db);
    if (client instanceof pg.Pool || client instanceof pg.Client)
      return (await client.query<R & pg.QueryResultRow>({ name, text, values })).rows;
    return (await (client as Pick<PGlite, 'query'>).query<R>(text, values)).rows;
  };
}

/**
 * The driver's client an executor runs on: the database's (a pool, or PGlite), or a transaction's own (a pool's
 * connection, or PGlite's transaction). drizzle keeps it in the executor's session.
 */
function clientOf(db: Executor): unknown {
  const session = (db as unknown as { _: { session: { client?: unknown } } })._.session;
  if (!session?.client) throw new Error('preparedSql: no driver client behind this executor');
  return session.client;
}

/**
 * A row of the table as a prepared SQL statement returned it (`select *`, `returning *`: column names in SQL,
 * values as the driver parsed them) in the shape drizzle's select gives: property names, and each value
 * through its column's own mapping (a timestamp a Date, a bigint a number, JSON parsed).
 */
export function rowOf<T extends Table>(table: T, row: Record<string, unknown>): T['$inferSelect'] {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out;
}
