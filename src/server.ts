import { buildApp } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { prepareDatabase } from './modules.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './modules/demo/index.ts';

// Started by scripts/launch.js (`npm start`), which compiled this file to dist/ and built the stylesheet when
// their sources had changed. The start time reported is from the process's start (performance.now()).
try {
  const config = parseConfig();
  const database = await prepareDatabase(config);
  const app = await buildApp({ config, database });
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite i ${config.dataDir}`;
  const lines = [
    `Samverkan kör på ${config.publicUrl} (databas: ${where}, start ${Math.round(performance.now())} ms)`,
  ];
  if (config.demo) {
    lines.push(`Demoläge – alla demokonton har lösenordet "${DEMO_PASSWORD}":`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(36)} ${a.description}`);
  }
  console.log(lines.join('\n'));
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
