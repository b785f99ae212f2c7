import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../tests/helpers/db.ts';
import type { Database } from './client.ts';
import { prepared } from './prepared.ts';

describe('a prepared query', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  const places = sql`(values ('03', 'Uppsala län'), ('24', 'Västerbottens län'), ('25', 'Norrbottens län')) as c(code, name)`;
  const countyName = prepared('test_county_name', (db) =>
    db
      .select({ name: sql<string>`c.name` })
      .from(places)
      .where(sql`c.code = ${sql.placeholder('code')}`),
  );

  it('runs with new values each time, on the database and inside a transaction', async () => {
    expect(await countyName(database.db, { code: '03' })).toEqual([{ name: 'Uppsala län' }]);
    expect(await countyName(database.db, { code: '25' })).toEqual([{ name: 'Norrbottens län' }]);
    expect(await countyName(database.db, { code: 'xx' })).toEqual([]);
    const inTx = await database.db.transaction(async (tx) => [
      await countyName(tx, { code: '24' }),
      await countyName(tx, { code: '03' }),
    ]);
    expect(inTx).toEqual([[{ name: 'Västerbottens län' }], [{ name: 'Uppsala län' }]]);
  });

  it('is built once per database', async () => {
    let builds = 0;
    const counted = prepared('test_built_once', (db) => {
      builds++;
      return db.select({ one: sql<number>`1` }).from(places);
    });
    await counted(database.db, {});
    await counted(database.db, {});
    await counted(database.db, {});
    expect(builds).toBe(1);
  });

  it('refuses a name given twice', () => {
    expect(() => prepared('test_county_name', (db) => db.select({ one: sql`1` }).from(places))).toThrow(
      /twice/,
    );
  });
});
