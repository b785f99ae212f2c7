import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

interface JournalEntry {
  idx: number;
  tag: string;
}

function readMigrations(): { tag: string; statements: string[] }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => ({
      tag: e.tag,
      statements: fs
        .readFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

/**
 * Applies drizzle-kit's committed migrations in order, each in its own transaction, the same way on
 * PGlite and PostgreSQL. An advisory lock lets several processes start at once on one server. A start with
 * every migration applied asks one question (which are applied) instead of a locked transaction for each.
 */
export async function migrate(db: Db): Promise<string[]> {
  const [{ present } = { present: false }] = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('schema_migrations') is not null as present`,
  );
  if (!present) {
    // Under the lock: two processes creating it at once on a fresh database collide in the catalogue.
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
      await tx.execute(
        sql`create table if not exists schema_migrations (tag text primary key, applied_at timestamptz not null default now())`,
      );
    });
  }
  const appliedBefore = new Set(
    (await queryRows<{ tag: string }>(db, sql`select tag from schema_migrations`)).map((r) => r.tag),
  );
  const applied: string[] = [];
  for (const m of readMigrations()) {
    if (appliedBefore.has(m.tag)) continue;
    // Not applied when asked: under the lock, ask again (another process may be applying it now).
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(727274)`);
      const done = await queryRows<unknown>(tx, sql`select 1 from schema_migrations where tag = ${m.tag}`);
      if (done.length > 0) return;
      for (const statement of m.statements) await tx.execute(sql.raw(statement));
      await tx.execute(sql`insert into schema_migrations (tag) values (${m.tag})`);
      applied.push(m.tag);
    });
  }
  return applied;
}
