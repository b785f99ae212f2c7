import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

/** Every table in foreign-key order: a restore inserts in this order. */
export const BACKUP_TABLES = [
  'counties',
  'municipalities',
  'organisations',
  'boundaries',
  'users',
  'memberships',
  'sessions',
  'password_resets',
  'invitations',
  'questionnaires',
  'questionnaire_versions',
  'rounds',
  'occasions',
  'respondents',
  'occasion_notices',
  'responses',
  'response_versions',
  'regional_pictures',
  'regional_picture_submissions',
  'national_pictures',
  'event_series',
  'events',
  'event_organisers',
  'event_programme_items',
  'event_registrations',
  'event_evaluations',
  'event_evaluation_invitations',
  'event_evaluation_answers',
  // Uploaded files' metadata; their bytes are in FILES_DIR, backed up as a folder (docs/architecture.md).
  'files',
  'councils',
  'council_members',
  'council_bodies',
  'council_representatives',
  'council_meetings',
  'council_agenda_items',
  'council_attendance',
  'council_decisions',
  'council_documents',
  'council_document_versions',
  'council_priorities',
  'council_intervention_areas',
  'council_interventions',
  'council_intervention_participants',
  'council_financing_lines',
  'council_milestones',
  'council_progress_reports',
  'council_priority_handling',
  'council_strategies',
  'council_strategy_goals',
  'council_intervention_goals',
  'council_year_steps',
  'site_settings',
  'site_pages',
  'site_page_revisions',
  'site_page_files',
  'site_redirects',
  'site_contacts',
  'site_news',
  'site_banners',
  // The search index, whose text vector is generated again on restore.
  'search_documents',
  'audit_log',
  'jobs',
  'rate_limits',
  'kept_forms',
] as const;

export interface Backup {
  format: 'samverkan-backup';
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

export async function listUserTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'schema_migrations'
        order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** Reads every table as JSON rows (PostgreSQL's own row_to_json, so types round-trip exactly). */
export async function createBackup(db: Db): Promise<Backup> {
  const tables: Record<string, unknown[]> = {};
  const migrations = await queryRows<{ tag: string }>(
    db,
    sql`select tag from schema_migrations order by tag`,
  );
  await db.transaction(async (tx) => {
    // One snapshot for all tables.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const table of BACKUP_TABLES) {
      const rows = await queryRows<{ row: unknown }>(
        tx,
        sql`select row_to_json(t) as row from ${sql.identifier(table)} t order by row_to_json(t)::text`,
      );
      tables[table] = rows.map((r) => r.row);
    }
  });
  return {
    format: 'samverkan-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    migrations: migrations.map((m) => m.tag),
    tables,
  };
}

export class RestoreError extends Error {}

/** Restores a backup into a migrated, empty database, in one transaction; sequences continue after the data. */
export async function restoreBackup(db: Db, backup: Backup): Promise<Record<string, number>> {
  if (backup.format !== 'samverkan-backup' || backup.version !== 1) {
    throw new RestoreError('Filen är ingen säkerhetskopia från Samverkan (okänt format eller version)');
  }
  const migrations = (
    await queryRows<{ tag: string }>(db, sql`select tag from schema_migrations order by tag`)
  ).map((m) => m.tag);
  if (JSON.stringify(migrations) !== JSON.stringify(backup.migrations)) {
    throw new RestoreError(
      `Databasens schema (${migrations.at(-1) ?? 'inget'}) och säkerhetskopians (${backup.migrations.at(-1) ?? 'inget'}) skiljer sig`,
    );
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    for (const table of BACKUP_TABLES) {
      const [{ n }] = (await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )) as [{ n: number }];
      if (Number(n) > 0)
        throw new RestoreError(
          `Databasen är inte tom (tabellen ${table} har rader); återställ till en tom databas`,
        );
    }
    for (const table of BACKUP_TABLES) {
      const rows = backup.tables[table] ?? [];
      counts[table] = rows.length;
      // Generated columns (the search index's tsvector) are computed again, never inserted.
      const columns = sql.join(
        (
          await queryRows<{ name: string }>(
            tx,
            sql`select column_name as name from information_schema.columns
                 where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
                 order by ordinal_position`,
          )
        ).map((c) => sql.identifier(c.name)),
        sql`, `,
      );
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = JSON.stringify(rows.slice(i, i + 500));
        await tx.execute(
          sql`insert into ${sql.identifier(table)} (${columns}) select ${columns} from json_populate_recordset(null::${sql.identifier(table)}, ${chunk}::json)`,
        );
      }
    }
    for (const [table, column] of [
      ['audit_log', 'id'],
      ['jobs', 'id'],
      ['event_registrations', 'seq'],
    ] as const) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
      );
    }
  });
  return counts;
}

export function writeBackupFile(file: string, backup: Backup): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(backup));
  fs.renameSync(`${file}.tmp`, file);
}

export function readBackupFile(file: string): Backup {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Backup;
  } catch (err) {
    throw new RestoreError(`Kunde inte läsa ${file}: ${(err as Error).message}`);
  }
}
