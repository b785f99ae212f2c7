import { and, asc, desc, eq, like } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import { councilAgendaItems, councilDecisions, councilMeetings } from './tables.ts';

export type DecisionRow = typeof councilDecisions.$inferSelect;

/** The council's decision register, the latest first. */
export function listDecisions(db: Executor, councilId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(councilDecisions)
    .where(eq(councilDecisions.councilId, councilId))
    .orderBy(desc(councilDecisions.decidedOn), desc(councilDecisions.createdAt));
}

/** A decision of the council by id (another council's, or none: undefined). */
export async function findDecision(
  db: Executor,
  councilId: string,
  decisionId: string,
): Promise<DecisionRow | undefined> {
  if (!isUuid(decisionId)) return undefined;
  const [row] = await db
    .select()
    .from(councilDecisions)
    .where(and(eq(councilDecisions.id, decisionId), eq(councilDecisions.councilId, councilId)));
  return row;
}

/** The numbers the council has given in a year ("2025:1", "2025:2" …). */
export async function numbersOfYear(db: Executor, councilId: string, year: string): Promise<string[]> {
  const rows = await db
    .select({ number: councilDecisions.number })
    .from(councilDecisions)
    .where(and(eq(councilDecisions.councilId, councilId), like(councilDecisions.number, `${year}:%`)));
  return rows.map((r) => r.number);
}

export async function numberTaken(db: Executor, councilId: string, number: string): Promise<boolean> {
  const [row] = await db
    .select({ id: councilDecisions.id })
    .from(councilDecisions)
    .where(and(eq(councilDecisions.councilId, councilId), eq(councilDecisions.number, number)));
  return row !== undefined;
}

export async function insertDecision(
  tx: Executor,
  values: typeof councilDecisions.$inferInsert,
): Promise<DecisionRow> {
  const [row] = await tx.insert(councilDecisions).values(values).returning();
  return row!;
}

/** The earlier decision ends: replaced by the later one, valid until the day that one was decided at the latest. */
export async function markReplaced(
  tx: Executor,
  id: string,
  values: { replacedById: string; validUntil: string },
): Promise<void> {
  await tx.update(councilDecisions).set(values).where(eq(councilDecisions.id, id));
}

/** The agenda items of the council's meetings, to link a decision to the one it was taken under. */
export function listAgendaChoices(db: Executor, councilId: string) {
  return db
    .select({
      itemId: councilAgendaItems.id,
      itemTitle: councilAgendaItems.title,
      meetingId: councilMeetings.id,
      meetingTitle: councilMeetings.title,
      startsAt: councilMeetings.startsAt,
      bodyId: councilMeetings.bodyId,
      decisionId: councilAgendaItems.decisionId,
    })
    .from(councilAgendaItems)
    .innerJoin(councilMeetings, eq(councilMeetings.id, councilAgendaItems.meetingId))
    .where(and(eq(councilMeetings.councilId, councilId)))
    .orderBy(desc(councilMeetings.startsAt), asc(councilAgendaItems.position));
}

export async function linkAgendaItem(tx: Executor, itemId: string, decisionId: string): Promise<void> {
  await tx.update(councilAgendaItems).set({ decisionId }).where(eq(councilAgendaItems.id, itemId));
}

/** The agenda item a decision was taken under, with its meeting. */
export async function agendaItemOf(db: Executor, decisionId: string) {
  const [row] = await db
    .select({
      itemTitle: councilAgendaItems.title,
      meetingId: councilMeetings.id,
      meetingTitle: councilMeetings.title,
      bodyId: councilMeetings.bodyId,
    })
    .from(councilAgendaItems)
    .innerJoin(councilMeetings, eq(councilMeetings.id, councilAgendaItems.meetingId))
    .where(eq(councilAgendaItems.decisionId, decisionId));
  return row;
}
