import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { backendName, privateDatabase, writeElsewhere as writeToo } from '../../tests/helpers/db.ts';
import { keptUntilChanged } from './change-feed.ts';
import { mayWrite, queryRows, type Database, type Executor } from './client.ts';

describe('which statements may write', () => {
  it('knows writes, commits and CTEs that write from reads', () => {
    for (const text of [
      'insert into x values (1)',
      '  UPDATE x set a = 1',
      'delete from x',
      'commit',
      'truncate x',
      'with a as (select 1) insert into x select * from a',
      'with a as (delete from x returning *) select * from a',
    ])
      expect(mayWrite(text), text).toBe(true);
    for (const text of [
      'select 1',
      'begin',
      'rollback',
      'select * from x for update',
      'with updated_rows as (select updated_at from x) select * from updated_rows',
      'with sums(part) as (select 1 from regional_picture_submissions) select * from sums',
    ])
      expect(mayWrite(text), text).toBe(false);
  });
});

const until = (condition: () => boolean, ms = 5000) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > ms) reject(new Error('timed out'));
      else setTimeout(check, 10);
    };
    check();
  });

describe(`change feed (${backendName()})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let orgId: string;
  let reads = 0;
  const nameOf = keptUntilChanged(
    ['organisations'],
    async (db: Executor, id: string) => {
      reads++;
      const [row] = await queryRows<{ name: string }>(
        db,
        sql`select name from organisations where id = ${id}`,
      );
      return row?.name;
    },
    (id) => id,
  );

  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    const [row] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into organisations (type, name, county_code) values ('government_agency', 'Kept AB', '03') returning id`,
    );
    orgId = row!.id;
    // The feed listens from its first use; wait until it vouches for what it keeps.
    await nameOf(database.db, orgId);
    await until(() => database.changes.stamp(['organisations']) !== undefined);
  });
  afterAll(async () => drop());

  const writeElsewhere = (text: string) => writeToo(database, text);

  it('reads once while nothing it depends on changes', async () => {
    await database.changes.settled();
    await nameOf(database.db, orgId);
    const before = reads;
    for (let i = 0; i < 5; i++) expect(await nameOf(database.db, orgId)).toBe('Kept AB');
    expect(reads).toBe(before);
  });

  it("reads again at once after this process's own write to one of its tables, in a transaction or not", async () => {
    await nameOf(database.db, orgId);
    await database.db.execute(sql`update organisations set name = 'Nytt namn AB' where id = ${orgId}`);
    expect(await nameOf(database.db, orgId)).toBe('Nytt namn AB');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update organisations set name = 'Kept AB' where id = ${orgId}`);
    });
    expect(await nameOf(database.db, orgId)).toBe('Kept AB');
  });

  it('keeps its value across writes elsewhere to tables it does not depend on', async () => {
    // The earlier tests' own writes notify too; under load their notifications may still be on the way.
    await database.changes.settled();
    await nameOf(database.db, orgId);
    const before = reads;
    // Written by another process (on PGlite, which has one, by its one session).
    await writeElsewhere(`update rounds set title = title where false`);
    await writeElsewhere(
      `insert into audit_log (action, entity_type, entity_id) values ('x.y', 'event', 'e')`,
    );
    await database.changes.settled();
    expect(await nameOf(database.db, orgId)).toBe('Kept AB');
    expect(reads).toBe(before);
  });

  it('forgets everything when this process says it has written', async () => {
    await nameOf(database.db, orgId);
    const before = reads;
    database.changes.touch();
    await nameOf(database.db, orgId);
    expect(reads).toBe(before + 1);
  });

  it('keeps nothing for an executor without a feed (a transaction)', async () => {
    const before = reads;
    await database.db.transaction(async (tx) => {
      await nameOf(tx, orgId);
      await nameOf(tx, orgId);
    });
    expect(reads).toBe(before + 2);
  });

  it('keeps a value no longer than the time it names', async () => {
    let timed = 0;
    // The value is true for a second from its read (as an invitation count until the first expiry).
    const read = keptUntilChanged(
      ['organisations'],
      async () => {
        timed++;
        return Date.now() + 1000;
      },
      () => 'k',
      { until: (v) => v },
    );
    const first = await read(database.db);
    expect(await read(database.db)).toBe(first);
    expect(timed).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, first - Date.now() + 20));
    expect(await read(database.db)).toBeGreaterThan(first);
    expect(timed).toBe(2);
  });

  it.runIf(backendName() === 'postgresql')(
    'sees a write from another connection, and keeps nothing while it cannot listen',
    async () => {
      const url = (database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await nameOf(database.db, orgId);
        await admin.query(`update organisations set name = 'Annan AB' where id = $1`, [orgId]);
        await database.changes.settled();
        expect(await nameOf(database.db, orgId)).toBe('Annan AB');

        // The listening connection is cut: until it is back, every call reads.
        await admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and application_name = 'samverkan-change-feed'`,
        );
        await until(() => database.changes.stamp(['organisations']) === undefined);
        const before = reads;
        await nameOf(database.db, orgId);
        await nameOf(database.db, orgId);
        expect(reads).toBe(before + 2);
        // Back again (it reconnects by itself): kept, and still told of writes.
        await until(() => database.changes.stamp(['organisations']) !== undefined);
        await admin.query(`update organisations set name = 'Kept AB' where id = $1`, [orgId]);
        await database.changes.settled();
        expect(await nameOf(database.db, orgId)).toBe('Kept AB');
        const after = reads;
        await nameOf(database.db, orgId);
        expect(reads).toBe(after);
      } finally {
        await admin.end();
      }
    },
  );
});
