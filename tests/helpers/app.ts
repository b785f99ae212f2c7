import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { buildApp, type App } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import { testDatabase } from './db.ts';

export interface TestApp {
  app: App;
  config: Config;
  database: Database;
  /** everything the technical log wrote */
  logs: string[];
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): Config {
  return parseConfig({
    NODE_ENV: 'test',
    DEMO: 'false',
    SESSION_SECRET: 'test-secret-that-is-long-enough-for-the-check',
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-app-')),
    LOG_LEVEL: 'info',
    PUBLIC_URL: 'http://samverkan.test',
    ...overrides,
  });
}

/** Builds the real app on the worker's database, with its log captured so tests can read it. */
export async function buildTestApp(
  opts: { config?: Config; database?: Database; extend?: (app: App) => void } = {},
): Promise<TestApp> {
  const config = opts.config ?? testConfig();
  const database = opts.database ?? (await testDatabase());
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const app = await buildApp({ config, database, runJobs: false, logStream: stream });
  opts.extend?.(app);
  await app.ready();
  return {
    app,
    config,
    database,
    logs,
    close: async () => {
      await app.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
