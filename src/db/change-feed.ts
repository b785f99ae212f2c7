import type { PGlite } from '@electric-sql/pglite';
import { sharedReads } from './shared-reads.ts';
import pg from 'pg';

/**
 * What the database says has changed, followed per process so that a value read from a few tables can be
 * kept until one of those tables changes instead of being read (or fingerprinted) again on every request.
 *
 * Triggers (migration 0016) send `NOTIFY samverkan_changes, '<table>'` on every insert, update or delete of
 * a followed table, from any process, any service, any psql session. PostgreSQL delivers a notification at
 * commit, before the writer hears that its commit succeeded; this process counts each table's notifications.
 * A kept value stamped with the counts of its tables taken *before* its read was sent is still good while
 * those counts have not moved: any commit the read did not see notifies after the stamp.
 *
 * Whenever the feed cannot vouch for that (not yet listening, the listening connection lost, the database
 * closed), nothing is kept: every read goes to the database, as without the feed. Losing the connection
 * also forgets everything kept, since notifications may have been missed while it was down.
 *
 * `touch()` forgets everything kept in this process at once: the database client calls it as soon as a
 * statement that may write has been answered (client.ts, touchAfterWrites), so this process's next read never
 * waits on the delivery of its own write's notification. Other processes see the write when its notification arrives — on PostgreSQL
 * normally before the writer's own answer has left; `settled()` waits for it where that matters (tests).
 */
export interface ChangeFeed {
  /** The stamp of these tables now, or undefined when the feed cannot vouch for anything kept. */
  stamp(tables: readonly string[]): Stamp | undefined;
  /** Whether nothing of the stamp's tables has changed since it was taken. */
  unchanged(stamp: Stamp): boolean;
  /** Forgets everything kept (this process has written). */
  touch(): void;
  /** Resolves once every notification committed before the call has been counted. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface Stamp {
  epoch: number;
  tables: readonly string[];
  counts: number[];
}

export const CHANGE_CHANNEL = 'samverkan_changes';
const PROBE = '_probe:';

async function notifyFrom(connectionString: string, payload: string): Promise<void> {
  const other = new pg.Client({ connectionString });
  await other.connect();
  try {
    await other.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, payload]);
  } finally {
    await other.end().catch(() => undefined);
  }
}

function within(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no notification arrived')), ms);
    promise.then(() => {
      clearTimeout(timer);
      resolve();
    }, reject);
  });
}

/** Counts of notifications per table, and an epoch that moves whenever everything is forgotten. */
class Counts {
  epoch = 0;
  listening = false;
  private readonly byTable = new Map<string, number>();

  changed(table: string): void {
    this.byTable.set(table, (this.byTable.get(table) ?? 0) + 1);
  }

  forgetAll(): void {
    this.epoch++;
  }

  stamp(tables: readonly string[]): Stamp | undefined {
    if (!this.listening) return undefined;
    return { epoch: this.epoch, tables, counts: tables.map((t) => this.byTable.get(t) ?? 0) };
  }

  unchanged(stamp: Stamp): boolean {
    if (!this.listening || stamp.epoch !== this.epoch) return false;
    for (let i = 0; i < stamp.tables.length; i++) {
      if ((this.byTable.get(stamp.tables[i]!) ?? 0) !== stamp.counts[i]) return false;
    }
    return true;
  }
}

/**
 * Follows a PostgreSQL server on a connection of its own (not the pool's), listening from the first time it
 * is asked, and vouching for nothing until a notification sent from another connection has arrived on it;
 * reconnects after losing it, with a pause that grows to 5 s.
 */
export function postgresChangeFeed(connectionString: string): ChangeFeed {
  const counts = new Counts();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client | undefined> | undefined;
  let closed = false;
  let pause = 100;

  const retryLater = () => {
    if (!closed) setTimeout(() => void connect(), pause).unref();
    pause = Math.min(pause * 2, 5000);
  };
  const connect = (): Promise<pg.Client | undefined> => {
    connecting ??= (async () => {
      const c = new pg.Client({
        connectionString,
        options: '-c TimeZone=UTC',
        application_name: 'samverkan-change-feed',
      });
      const lost = () => {
        if (client !== c) return;
        client = undefined;
        counts.listening = false;
        counts.forgetAll();
        c.end().catch(() => undefined);
        retryLater();
      };
      const probe = `${PROBE}${Math.random().toString(36).slice(2)}`;
      let probed: () => void = () => undefined;
      const arrived = new Promise<void>((resolve) => (probed = resolve));
      c.on('notification', (n) => {
        if (n.channel !== CHANGE_CHANNEL || !n.payload) return;
        if (n.payload === probe) probed();
        else counts.changed(n.payload);
      });
      c.on('error', lost);
      c.on('end', lost);
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANGE_CHANNEL}`);
        // Proof that notifications reach this connection, sent from another: behind a pooler that does not
        // keep a session (PgBouncer in transaction mode) they would not, and nothing may then be kept.
        await notifyFrom(connectionString, probe);
        await within(arrived, 2000);
        if (closed) {
          await c.end();
          return undefined;
        }
        client = c;
        counts.forgetAll();
        counts.listening = true;
        pause = 100;
        return c;
      } catch {
        c.end().catch(() => undefined);
        retryLater();
        return undefined;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  return {
    stamp(tables) {
      if (!client && !connecting && !closed) void connect();
      return counts.stamp(tables);
    },
    unchanged: (stamp) => counts.unchanged(stamp),
    touch: () => counts.forgetAll(),
    async settled() {
      const c = client ?? (await connect());
      // The listening backend sends every notification committed before this query, ahead of its answer.
      await c?.query('select 1');
    },
    async close() {
      closed = true;
      counts.listening = false;
      counts.forgetAll();
      const c = client ?? (await connecting);
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}

/** Follows an embedded PGlite: one session, whose own commits deliver their notifications with their result. */
export function pgliteChangeFeed(pglite: PGlite): ChangeFeed {
  const counts = new Counts();
  let unlisten: Promise<(() => Promise<void>) | undefined> | undefined;
  let closed = false;
  const listen = () => {
    unlisten ??= pglite
      .listen(CHANGE_CHANNEL, (payload) => counts.changed(payload))
      .then((stop) => {
        if (closed) return undefined;
        counts.forgetAll();
        counts.listening = true;
        return () => stop();
      })
      .catch(() => undefined);
    return unlisten;
  };
  return {
    stamp(tables) {
      if (!closed) void listen();
      return counts.stamp(tables);
    },
    unchanged: (stamp) => counts.unchanged(stamp),
    touch: () => counts.forgetAll(),
    async settled() {
      await listen();
    },
    async close() {
      closed = true;
      counts.listening = false;
      counts.forgetAll();
      const stop = await unlisten;
      if (stop && !pglite.closed) await stop().catch(() => undefined);
    },
  };
}

/** The feed of each open database, found by the executor the repositories are given. */
const feeds = new WeakMap<object, ChangeFeed>();

export function registerChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}

interface KeptRead<V> {
  stamp: Stamp;
  value: V;
  /** when the value stops being true by itself (an invitation expires), in ms since the epoch */
  until: number;
}

/**
 * A read kept per process until one of the tables it reads changes (see `ChangeFeed`), or until the time its
 * value names (`until`, for what expires by the clock). Misses are shared by `sharedReads`; without a feed
 * for the executor (a transaction, a database opened without one) every call reads. Bounded by count, the
 * least recently used dropped first. `tables` must name every table the read's answer depends on.
 */
export function keptUntilChanged<D extends object, A extends unknown[], V>(
  tables: readonly string[],
  read: (db: D, ...args: A) => Promise<V>,
  keyOf: (...args: A) => string,
  options: { maxEntries?: number; until?: (value: V) => number } = {},
): (db: D, ...args: A) => Promise<V> {
  const maxEntries = options.maxEntries ?? 1024;
  const shared = sharedReads(read, keyOf);
  const byDb = new WeakMap<object, Map<string, KeptRead<V>>>();
  return async (db, ...args) => {
    const feed = changeFeedOf(db);
    if (!feed) return read(db, ...args);
    let kept = byDb.get(db);
    if (!kept) {
      kept = new Map();
      byDb.set(db, kept);
    }
    const key = keyOf(...args);
    const hit = kept.get(key);
    if (hit && feed.unchanged(hit.stamp) && Date.now() < hit.until) {
      kept.delete(key);
      kept.set(key, hit);
      return hit.value;
    }
    const stamp = feed.stamp(tables);
    const value = await shared(db, ...args);
    if (stamp) {
      kept.delete(key);
      kept.set(key, { stamp, value, until: options.until?.(value) ?? Infinity });
      if (kept.size > maxEntries) kept.delete(kept.keys().next().value as string);
    } else if (hit) kept.delete(key);
    return value;
  };
}
