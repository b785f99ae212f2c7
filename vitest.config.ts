import { defineConfig } from 'vitest/config';
import pg from 'pg';

/**
 * Unit and integration tests run on PGlite always and on PostgreSQL when a server answers
 * (TEST_DATABASE_URL, else postgres://localhost:5432/test); with CI=true PostgreSQL is required.
 * Browser tests (tests/e2e) run once, against the embedded database.
 */
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@localhost:5432/test';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default defineConfig(async () => {
  const withPostgres = await postgresAnswers();
  if (!withPostgres && process.env.CI === 'true') {
    throw new Error(`PostgreSQL svarar inte på ${postgresUrl}, och med CI=true krävs det.`);
  }
  if (!withPostgres)
    console.warn(`Obs: PostgreSQL svarar inte på ${postgresUrl}; testerna körs bara mot PGlite.`);
  const unit = {
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  };
  return {
    test: {
      projects: [
        { test: { ...unit, name: 'pglite', env: { TEST_BACKEND: 'pglite' } } },
        ...(withPostgres
          ? [
              {
                test: {
                  ...unit,
                  name: 'postgresql',
                  env: { TEST_BACKEND: 'postgresql', TEST_DATABASE_URL: postgresUrl },
                },
              },
            ]
          : []),
        {
          test: {
            name: 'e2e',
            include: ['tests/e2e/**/*.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
