import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { Policies } from './platform/authz.ts';
import { orderModules, type ModuleDescriptor } from './platform/module.ts';

const here = fileURLToPath(import.meta.url);
const modulesDir = path.join(path.dirname(here), 'modules');
/** `index.ts` from source (tests, tsx), `index.js` compiled in dist/ (scripts/build.js). */
const indexFile = `index${path.extname(here)}`;

let loaded: Promise<ModuleDescriptor[]> | undefined;

/**
 * Every capability under src/modules/: each folder's index.ts exports `module`, its descriptor. They are found,
 * not listed, so adding a capability changes no central file; they come ordered by their dependencies.
 */
export function loadModules(): Promise<ModuleDescriptor[]> {
  loaded ??= (async () => {
    const names = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(modulesDir, d.name, indexFile)))
      .map((d) => d.name)
      .sort();
    const descriptors: ModuleDescriptor[] = [];
    for (const name of names) {
      const mod = (await import(pathToFileURL(path.join(modulesDir, name, indexFile)).href)) as {
        module?: ModuleDescriptor;
      };
      if (!mod.module)
        throw new Error(`src/modules/${name}/index.ts exporterar ingen modulbeskrivning (module)`);
      descriptors.push(mod.module);
    }
    return orderModules(descriptors);
  })();
  return loaded;
}

/** The one vocabulary of actions: every module's policies together. */
export async function loadPolicies(): Promise<Policies> {
  return new Policies((await loadModules()).map((m) => m.policies ?? {}));
}

/** Loads every installation's reference data, and the demo data in demo mode, module by module. */
export async function seedModules(database: Database, opts: { demo: boolean }): Promise<void> {
  const modules = await loadModules();
  for (const m of modules) await m.seed?.(database.db);
  if (opts.demo) for (const m of modules) await m.seedDemo?.(database.db);
}

/** Opens the configured database, applies migrations and loads reference data (and demo data in demo mode). */
export async function prepareDatabase(config: Config, opts: { seed?: boolean } = {}): Promise<Database> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(database.db);
    if (opts.seed !== false) await seedModules(database, { demo: config.demo });
    return database;
  } catch (err) {
    await database.close();
    throw err;
  }
}
