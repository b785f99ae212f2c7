import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { enqueueMail, mailDirOf } from './platform/mail.ts';

const root = path.resolve(import.meta.dirname, '..');

// A separate worker process needs a database server it can share with the web processes: PostgreSQL.
describe.skipIf(process.env.TEST_BACKEND !== 'postgresql')('npm run worker', () => {
  it('sends mail that a web process enqueued, from its own process', async () => {
    // A database of its own: the other test files' job runners would otherwise take the job.
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const name = `samverkan_worker_${process.pid}_${Date.now()}`;
    await admin.query(`create database ${name}`);
    const url = new URL(inject('postgresUrl'));
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    await migrate(database.db);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-'));
    const to = `worker.${Date.now()}@example.se`;
    await enqueueMail(database.db, { to, subject: 'Från workern', text: 'Hej' });
    const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        DATA_DIR: dataDir,
        SESSION_SECRET: 'x'.repeat(40),
        DEMO: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout.on('data', (d: Buffer) => (output += d.toString()));
    worker.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const deadline = Date.now() + 30_000;
      let found = false;
      while (!found && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        const dir = mailDirOf(dataDir);
        found =
          fs.existsSync(dir) &&
          fs.readdirSync(dir).some((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes(to));
      }
      expect(found, output).toBe(true);
      expect(output).toContain('worker kör');
    } finally {
      worker.kill('SIGTERM');
      await new Promise((r) => worker.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
