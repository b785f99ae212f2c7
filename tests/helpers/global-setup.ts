import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedModules } from '../../src/modules.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: a migrated, seeded data folder dump each worker loads (much faster than a fresh initdb) */
    pgliteDump: string;
    /** PostgreSQL: the URL of a fresh database made for this run */
    postgresUrl: string;
  }
}

/** Prepares one migrated database with reference data per run; workers share it and isolate by tenant. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const backend = project.config.env?.TEST_BACKEND ?? 'pglite';
  if (backend === 'postgresql') {
    const adminUrl = project.config.env?.TEST_DATABASE_URL ?? 'postgres://postgres@localhost:5432/test';
    const name = `samverkan_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await migrate(database.db);
    await seedModules(database, { demo: false });
    await database.close();
    project.provide('postgresUrl', url.toString());
    project.provide('pgliteDump', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const client = await PGlite.create();
  const database = await openDatabase({ pglite: client });
  await migrate(database.db);
  await seedModules(database, { demo: false });
  const dump = await client.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-test-')), 'db.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteDump', file);
  project.provide('postgresUrl', '');
  return async () => {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  };
}
