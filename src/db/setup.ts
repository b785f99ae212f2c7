import type { Config } from '../config.ts';
import { seedDemo } from '../modules/demo/index.ts';
import { seedReferenceData } from '../modules/reference/service.ts';
import { openDatabase, type Database } from './client.ts';
import { migrate } from './migrate.ts';

/** Opens the configured database, applies migrations and loads reference data (and demo data in demo mode). */
export async function prepareDatabase(config: Config, opts: { seed?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    if (opts.seed !== false) {
      await seedReferenceData(database.db);
      if (config.demo) await seedDemo(database.db);
    }
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
