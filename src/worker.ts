import { createJobRunner } from './app.ts';
import { ConfigError, parseConfig } from './config.ts';
import { DataDirLockedError } from './db/lock.ts';
import { prepareDatabase } from './modules.ts';
import { redactPersonalData } from './platform/logging.ts';

/** A separate background-job process for scale-out (run web processes with WORKER=off). */
try {
  const config = parseConfig();
  const database = await prepareDatabase(config, { seed: false });
  const runner = await createJobRunner(database.db, config, (err, kind) =>
    console.error(
      `Jobb ${kind} misslyckades: ${redactPersonalData(err instanceof Error ? err.message : String(err))}`,
    ),
  );
  runner.start();
  console.log(`Samverkan worker kör (databas: ${database.backend})`);
  const shutdown = async () => {
    await runner.stop();
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
