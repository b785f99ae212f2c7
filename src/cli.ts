import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from './config.ts';
import { createBackup, readBackupFile, restoreBackup, RestoreError, writeBackupFile } from './db/backup.ts';
import type { Database } from './db/client.ts';
import { DataDirLockedError } from './db/lock.ts';
import { loadModules, prepareDatabase, seedModules } from './modules.ts';
import { reindexAll } from './platform/search.ts';
import { createInvitation, ensureUser, inviteSchema } from './modules/accounts/index.ts';
import { ValidationError } from './platform/errors.ts';
import { parseForm } from './platform/validation.ts';
import { seedDemo } from './modules/demo/index.ts';
import {
  BoundaryFileError,
  importBoundaries,
  listOrganisations,
  listOrganisationsSorted,
  organisationTypes,
  type OrganisationType,
} from './modules/reference/index.ts';
import { readFileSync } from 'node:fs';
import { createFiles } from './platform/files.ts';
import { RateLimiter } from './platform/rate-limit.ts';
import { roles, type Role } from './platform/roles.ts';

const USAGE = `Samverkan – administration från kommandoraden

  npm run cli -- migrate
  npm run cli -- list-organisations [--county 03] [--type municipality]
  npm run cli -- create-user --email E --name N --role R --org ORG [--password P] [--county 03]
  npm run cli -- invite --email E --role R --org ORG --county 03
  npm run cli -- backup --out fil.json
  npm run cli -- restore --in fil.json        (till en tom databas)
  npm run cli -- import-boundaries --kommuner kommuner.geojson [--lan lan.geojson]
  npm run cli -- seed-demo
  npm run cli -- search reindex         (sökindexet byggs om från sidor, nyheter, evenemang och dokument, t.ex. efter restore)

ORG är en organisations id, kommunkod (0380), organisationsnummer eller exakta namn.
Roller: ${roles.join(', ')}
Typer: ${organisationTypes.join(', ')}`;

class UsageError extends Error {}

function required(values: Record<string, string | undefined>, name: string): string {
  const v = values[name];
  if (!v) throw new UsageError(`--${name} saknas`);
  return v;
}

async function findOrg(database: Database, ref: string) {
  const all = await listOrganisations(database.db);
  const org = all.find(
    (o) => o.id === ref || o.municipalityCode === ref || o.orgNumber === ref || o.name === ref,
  );
  if (!org) throw new UsageError(`Ingen organisation matchar "${ref}"`);
  return org;
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      password: { type: 'string' },
      county: { type: 'string' },
      type: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      kommuner: { type: 'string' },
      lan: { type: 'string' },
    },
  });
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return;
  }
  const config = parseConfig();
  // A restore goes into an empty database: no reference data is seeded first.
  const database = await prepareDatabase(config, { seed: command !== 'restore' && command !== 'migrate' });
  try {
    switch (command) {
      case 'migrate':
        console.log('Databasen är migrerad.');
        break;
      case 'list-organisations': {
        const type = values.type as OrganisationType | undefined;
        if (type && !organisationTypes.includes(type)) throw new UsageError(`Okänd typ ${type}`);
        const orgs = await listOrganisationsSorted(database.db, { countyCode: values.county, type });
        for (const o of orgs) {
          console.log(
            [
              o.id,
              o.type.padEnd(17),
              (o.countyCode ?? '--').padEnd(2),
              (o.orgNumber ?? '').padEnd(11),
              o.name,
            ].join('  '),
          );
        }
        console.log(`${orgs.length} organisationer`);
        break;
      }
      case 'create-user': {
        const role = required(values, 'role') as Role;
        if (!roles.includes(role)) throw new UsageError(`Okänd roll ${role}`);
        const org = await findOrg(database, required(values, 'org'));
        const national = role === 'system_admin' || role === 'national_coordinator';
        const email = required(values, 'email').toLowerCase();
        const outcome = await ensureUser(database.db, null, {
          email,
          name: required(values, 'name'),
          password: values.password ?? null,
          role,
          organisationId: org.id,
          countyCode: national ? null : (values.county ?? org.countyCode),
        });
        // Say exactly what changed: a second run changes nothing and says so.
        const who = outcome.userCreated ? `Skapade användaren ${email}` : `Användaren ${email} fanns redan`;
        const what = outcome.membershipCreated
          ? `och har nu rollen ${role} i ${org.name}.`
          : `och hade redan rollen ${role} i ${org.name} – inget ändrades.`;
        console.log(`${who} (${outcome.id}) ${what}`);
        if (!outcome.userCreated && values.password)
          console.log(
            'Lösenordet ändrades inte: en befintlig användare byter lösenord via "Glömt lösenord".',
          );
        break;
      }
      case 'invite': {
        const org = await findOrg(database, required(values, 'org'));
        const countyCode = required(values, 'county');
        await createInvitation(
          {
            db: database.db,
            backend: database.backend,
            config,
            rateLimiter: new RateLimiter(database.db, config.sessionSecret),
            files: createFiles(database.db, config),
          },
          { id: null, name: 'Systemadministratören' },
          countyCode,
          parseForm(inviteSchema, { email: values.email, organisationId: org.id, role: values.role }),
        );
        console.log('Inbjudan är skapad och e-postmeddelandet ligger i kön.');
        break;
      }
      case 'backup': {
        const out = required(values, 'out');
        const backup = await createBackup(database.db);
        writeBackupFile(out, backup);
        const rows = Object.values(backup.tables).reduce((s, t) => s + t.length, 0);
        console.log(`Säkerhetskopian är skriven till ${out} (${rows} rader).`);
        break;
      }
      case 'restore': {
        const counts = await restoreBackup(database.db, readBackupFile(required(values, 'in')));
        console.log(
          `Återställt: ${Object.entries(counts)
            .map(([t, n]) => `${t} ${n}`)
            .join(', ')}`,
        );
        break;
      }
      case 'import-boundaries': {
        const files: Array<['municipality' | 'county', string | undefined]> = [
          ['municipality', values.kommuner],
          ['county', values.lan],
        ];
        if (!values.kommuner && !values.lan) throw new UsageError('Ange --kommuner och/eller --lan');
        for (const [kind, file] of files) {
          if (!file) continue;
          const n = await importBoundaries(database.db, kind, readFileSync(file, 'utf8'));
          console.log(
            `${n} ${kind === 'municipality' ? 'kommungränser' : 'länsgränser'} importerade från ${file}.`,
          );
        }
        break;
      }
      case 'seed-demo': {
        // The accounts and rounds (they say whether they were there), then every module's demo data as a demo
        // start adds it (the events too), each only where it is missing.
        const fresh = await seedDemo(database.db);
        await seedModules(database, { demo: true });
        console.log(fresh ? 'Demodata är inlagd.' : 'Demodata fanns redan.');
        break;
      }
      case 'search': {
        // After a restore: the search index written again from the pages, news, events and documents.
        if (rest[0] !== 'reindex') throw new UsageError('Ange: search reindex');
        const counts = await reindexAll(database.db, await loadModules());
        console.log(
          `Sökindexet är uppbyggt: ${Object.entries(counts)
            .map(([kind, n]) => `${kind} ${n}`)
            .join(', ')}.`,
        );
        break;
      }
      default:
        throw new UsageError(`Okänt kommando: ${command}`);
    }
  } finally {
    await database.close();
  }
}

try {
  await run(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (err instanceof ValidationError) {
    console.error(
      Object.entries(err.fieldErrors)
        .map(([f, m]) => `--${f}: ${m}`)
        .join('\n'),
    );
    process.exit(2);
  }
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof RestoreError ||
    err instanceof BoundaryFileError
  ) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
