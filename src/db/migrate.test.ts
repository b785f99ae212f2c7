import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { openDatabase, queryRows } from './client.ts';
import { migrate } from './migrate.ts';

const journal = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../drizzle/meta/_journal.json'), 'utf8'),
) as { entries: { idx: number; tag: string }[] };
const tags = journal.entries.sort((a, b) => a.idx - b.idx).map((e) => e.tag);

// PGlite in memory: once, in the PGlite project (the PostgreSQL project's test is below).
describe.skipIf(process.env.TEST_BACKEND === 'postgresql')('migrate', () => {
  it('applies every migration once, in order, and nothing at the next start', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      expect(await migrate(database.db)).toEqual(tags);
      expect(await migrate(database.db)).toEqual([]);
      const rows = await queryRows<{ tag: string }>(database.db, sql`select tag from schema_migrations`);
      expect(rows.map((r) => r.tag).sort()).toEqual([...tags].sort());
    } finally {
      await database.close();
    }
  });
});

// Several processes starting at once on one server: the advisory lock. A start with everything applied does
// not wait for it (it used to take the lock once per migration, even with nothing to do).
describe.skipIf(process.env.TEST_BACKEND !== 'postgresql')('migrate on a shared PostgreSQL server', () => {
  it('applies each migration once when two processes start together; an up-to-date start does not wait for the lock', async () => {
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const name = `samverkan_migrate_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    const a = await openDatabase({ url: url.toString(), poolSize: 2 });
    const b = await openDatabase({ url: url.toString(), poolSize: 2 });
    const holder = new pg.Client({ connectionString: url.toString() });
    try {
      const [byA, byB] = await Promise.all([migrate(a.db), migrate(b.db)]);
      expect([...byA, ...byB].sort()).toEqual([...tags].sort());

      // Another process holds the migration lock (it is migrating, or stuck): an up-to-date start goes on.
      await holder.connect();
      await holder.query('select pg_advisory_lock(727274)');
      const waited = await Promise.race([
        migrate(a.db).then((applied) => ({ applied })),
        new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5000)),
      ]);
      expect(waited).toEqual({ applied: [] });
    } finally {
      await holder.end().catch(() => undefined);
      await a.close();
      await b.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
