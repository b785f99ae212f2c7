import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import { auditLog } from '../../platform/tables.ts';
import { users } from '../accounts/index.ts';

export interface AuditRow {
  id: number;
  occurredAt: Date;
  actorEmail: string | null;
  countyCode: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export async function listAudit(db: Executor, limit = 200): Promise<AuditRow[]> {
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorEmail: users.email,
      countyCode: auditLog.countyCode,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export interface QueueStats {
  pending: number;
  failed: number;
  done: number;
}

export async function queueStats(db: Executor): Promise<QueueStats> {
  const result = await queryRows<unknown>(
    db,
    sql`select
    count(*) filter (where done_at is null and failed_at is null)::int as pending,
    count(*) filter (where failed_at is not null)::int as failed,
    count(*) filter (where done_at is not null)::int as done
    from jobs`,
  );
  const r = result[0] as { pending: number; failed: number; done: number };
  return { pending: Number(r.pending), failed: Number(r.failed), done: Number(r.done) };
}
