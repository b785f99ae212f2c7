import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.ts';

let shared: Promise<Database> | undefined;

/** The worker's database: PGlite loaded from the run's dump, or the run's PostgreSQL database. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    if (process.env.TEST_BACKEND === 'postgresql') {
      return openDatabase({ url: inject('postgresUrl'), poolSize: 4 });
    }
    return freshPglite();
  })();
  return shared;
}

/** A private PGlite with migrations and reference data, for tests that need a database of their own. */
export async function freshPglite(): Promise<Database> {
  const dump = inject('pgliteDump');
  const client = await PGlite.create(dump ? { loadDataDir: new Blob([fs.readFileSync(dump)]) } : {});
  const database = await openDatabase({ pglite: client });
  return { ...database, close: () => client.close() };
}

export const backendName = (): string => process.env.TEST_BACKEND ?? 'pglite';
