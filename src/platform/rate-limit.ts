import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { RateLimitedError } from './errors.ts';

export interface Limit {
  /** at most this many hits … */
  max: number;
  /** … per window of this many seconds */
  windowSeconds: number;
}

/**
 * Database-backed fixed-window limits, shared by every web process. Keys are HMAC-hashed, so no e-mail
 * address or IP address is stored.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  private hash(key: string): string {
    return createHmac('sha256', this.secret).update(key).digest('base64url');
  }

  /** Counts a hit; throws RateLimitedError when the window is full. */
  async hit(key: string, limit: Limit): Promise<void> {
    const row = await this.record(key, limit);
    if (Number(row.hits) > limit.max) throw new RateLimitedError(Math.max(1, Number(row.retry)));
  }

  /** Throws RateLimitedError when the window already holds `max` hits; counts nothing. */
  async check(key: string, limit: Limit): Promise<void> {
    const [row] = await queryRows<{ hits: number; retry: number }>(
      this.db,
      sql`select hits, extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int as retry
          from rate_limits where key = ${this.hash(key)}
            and window_start >= now() - make_interval(secs => ${limit.windowSeconds})`,
    );
    if (row && Number(row.hits) >= limit.max) throw new RateLimitedError(Math.max(1, Number(row.retry)));
  }

  /** Counts a hit without refusing it (login counts failures, and checks before the next try). */
  async record(key: string, limit: Limit): Promise<{ hits: number; retry: number }> {
    const k = this.hash(key);
    const result = await queryRows<{ hits: number; retry: number }>(
      this.db,
      sql`
      insert into rate_limits (key, window_start, hits) values (${k}, now(), 1)
      on conflict (key) do update set
        hits = case when rate_limits.window_start < now() - make_interval(secs => ${limit.windowSeconds})
          then 1 else rate_limits.hits + 1 end,
        window_start = case when rate_limits.window_start < now() - make_interval(secs => ${limit.windowSeconds})
          then now() else rate_limits.window_start end
      returning hits, extract(epoch from (window_start + make_interval(secs => ${limit.windowSeconds}) - now()))::int as retry`,
    );
    return result[0]!;
  }

  async reset(key: string): Promise<void> {
    await this.db.execute(sql`delete from rate_limits where key = ${this.hash(key)}`);
  }

  static async purge(db: Db): Promise<void> {
    await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  }
}
