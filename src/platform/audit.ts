import type { Executor } from '../db/client.ts';
import { auditLog } from './tables.ts';

export interface AuditEntry {
  actorId: string | null;
  countyCode?: string | null;
  /** past tense, e.g. 'user.invited' */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The audit_log row of an entry: what recordAudit inserts, for a statement that writes the entry with its change. */
export function auditRow(entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    actorId: entry.actorId,
    countyCode: entry.countyCode ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

/** Records a domain action. Call it with the transaction that makes the change, so both commit or neither. */
export async function recordAudit(tx: Executor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(entry));
}
