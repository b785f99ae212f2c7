import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../tests/helpers/db.ts';
import { queryRows, type Database } from '../db/client.ts';
import { enqueueJob, JobRunner } from './jobs.ts';

const kind = () => `test.${Math.random().toString(36).slice(2)}`;

async function jobRow(db: Database['db'], id: number) {
  const [row] = await queryRows<{
    done_at: Date | null;
    failed_at: Date | null;
    attempts: number;
    payload: unknown;
    last_error: string | null;
  }>(db, sql`select done_at, failed_at, attempts, payload, last_error from jobs where id = ${id}`);
  return row!;
}

describe('job queue', () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  it('keeps no job from a transaction that rolled back', async () => {
    const k = kind();
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, k, { n: 1 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const rows = await queryRows(database.db, sql`select id from jobs where kind = ${k}`);
    expect(rows).toHaveLength(0);
  });

  it('runs a committed job once, then forgets its payload', async () => {
    const k = kind();
    const seen: unknown[] = [];
    const id = await database.db.transaction((tx) => enqueueJob(tx, k, { to: 'a@example.se' }));
    const runner = new JobRunner(database.db, { [k]: async (p) => void seen.push(p) });
    await runner.runDue();
    await runner.runDue();
    expect(seen).toEqual([{ to: 'a@example.se' }]);
    const row = await jobRow(database.db, id);
    expect(row.done_at).not.toBeNull();
    expect(row.payload).toEqual({});
  });

  it('retries a failing job later and gives up after its attempts, without personal data in the error', async () => {
    const k = kind();
    const id = await enqueueJob(database.db, k, {}, { maxAttempts: 2 });
    const runner = new JobRunner(database.db, {
      [k]: async () => {
        throw new Error('SMTP refused anna@example.se');
      },
    });
    await runner.runDue();
    let row = await jobRow(database.db, id);
    expect(row.attempts).toBe(1);
    expect(row.failed_at).toBeNull();
    expect(row.last_error).toBe('SMTP refused [e-post]');
    await database.db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    await runner.runDue();
    row = await jobRow(database.db, id);
    expect(row.attempts).toBe(2);
    expect(row.failed_at).not.toBeNull();
  });

  it('lets two workers share the queue without running a job twice', async () => {
    const k = kind();
    for (let i = 0; i < 30; i++) await enqueueJob(database.db, k, { i });
    const ran: number[] = [];
    const handler = async (p: unknown) => {
      ran.push((p as { i: number }).i);
      await new Promise((r) => setTimeout(r, 2));
    };
    const a = new JobRunner(database.db, { [k]: handler }, { batchSize: 3 });
    const b = new JobRunner(database.db, { [k]: handler }, { batchSize: 3 });
    await Promise.all([a.runDue(), b.runDue()]);
    expect(ran.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});
