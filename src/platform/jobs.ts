import { sql } from 'drizzle-orm';
import { queryRows, type Db, type Executor } from '../db/client.ts';
import { jobs } from './tables.ts';
import { redactPersonalData } from './logging.ts';

export interface JobContext {
  jobId: number;
  attempt: number;
}
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

export interface JobOptions {
  runAt?: Date;
  maxAttempts?: number;
}

/** The jobs row of a job: what enqueueJob inserts, for a statement that writes the job with its change. */
export function jobRow(
  kind: string,
  payload: Record<string, unknown>,
  opts: JobOptions = {},
): typeof jobs.$inferInsert {
  return {
    kind,
    payload,
    ...(opts.runAt ? { runAt: opts.runAt } : {}),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
  };
}

/** Enqueues a job in the caller's transaction: it exists exactly when the change that caused it commits. */
export async function enqueueJob(
  tx: Executor,
  kind: string,
  payload: Record<string, unknown>,
  opts: JobOptions = {},
): Promise<number> {
  const [row] = await tx
    .insert(jobs)
    .values(jobRow(kind, payload, opts))
    .returning({ id: jobs.id });
  return row!.id;
}

interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

/** Claims due jobs; SKIP LOCKED lets any number of workers share the queue without taking the same job. */
async function claimDueJobs(db: Db, limit: number): Promise<ClaimedJob[]> {
  const result = await queryRows<unknown>(
    db,
    sql`
    update jobs set attempts = attempts + 1, locked_until = now() + interval '5 minutes'
    where id in (
      select id from jobs
      where done_at is null and failed_at is null and run_at <= now()
        and (locked_until is null or locked_until < now())
      order by run_at, id
      limit ${limit}
      for update skip locked)
    returning id, kind, payload, attempts, max_attempts`,
  );
  return (result as unknown as ClaimedJob[]).map((r) => ({ ...r, id: Number(r.id) }));
}

async function completeJob(db: Db, id: number): Promise<void> {
  // The payload may carry personal data (a recipient's address); once done it is no longer needed.
  await db.execute(
    sql`update jobs set done_at = now(), locked_until = null, payload = '{}'::jsonb, last_error = null where id = ${id}`,
  );
}

async function failJob(db: Db, job: ClaimedJob, error: unknown): Promise<void> {
  const message = redactPersonalData(error instanceof Error ? error.message : String(error)).slice(0, 500);
  if (job.attempts >= job.max_attempts) {
    await db.execute(
      sql`update jobs set failed_at = now(), locked_until = null, last_error = ${message} where id = ${job.id}`,
    );
  } else {
    const delaySeconds = Math.min(3600, 2 ** job.attempts * 5);
    await db.execute(sql`update jobs set locked_until = null, last_error = ${message},
      run_at = now() + make_interval(secs => ${delaySeconds}) where id = ${job.id}`);
  }
}

/** Deletes what is no longer needed: finished jobs after a week, failed ones after 30 days. */
export async function purgeOldJobs(db: Db): Promise<void> {
  await db.execute(sql`delete from jobs where done_at < now() - interval '7 days'
    or failed_at < now() - interval '30 days'`);
}

export interface JobRunnerOptions {
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (err: unknown, kind: string) => void;
  /** periodic clean-up tasks (expired sessions, tokens, old jobs) */
  maintenance?: Array<(db: Db) => Promise<void>>;
  maintenanceIntervalMs?: number;
}

export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private lastMaintenance = 0;
  private stopped = true;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly opts: JobRunnerOptions = {},
  ) {}

  /** Runs every due job once; returns how many ran. Tests call this directly. */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const batch = await claimDueJobs(this.db, this.opts.batchSize ?? 10);
      if (batch.length === 0) return count;
      for (const job of batch) {
        const handler = this.handlers[job.kind];
        try {
          if (!handler) throw new Error(`Ingen hanterare för jobbtypen ${job.kind}`);
          await handler(job.payload, { jobId: job.id, attempt: job.attempts });
          await completeJob(this.db, job.id);
        } catch (err) {
          this.opts.onError?.(err, job.kind);
          await failJob(this.db, job, err);
        }
        count++;
      }
    }
  }

  private async tick(): Promise<void> {
    await this.runDue();
    const every = this.opts.maintenanceIntervalMs ?? 10 * 60_000;
    if (Date.now() - this.lastMaintenance > every) {
      this.lastMaintenance = Date.now();
      for (const task of this.opts.maintenance ?? []) await task(this.db);
    }
  }

  start(): void {
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .catch((err: unknown) => this.opts.onError?.(err, 'runner'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(loop, this.opts.pollIntervalMs ?? 1000);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
