import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import {
  councilAgendaItems,
  councilAttendance,
  councilDocuments,
  councilMeetings,
  type AttendanceStatus,
} from './tables.ts';

export type MeetingRow = typeof councilMeetings.$inferSelect;
export type AgendaItemRow = typeof councilAgendaItems.$inferSelect;
export type AttendanceRow = typeof councilAttendance.$inferSelect;

/** A meeting of the council by id (another council's, or none: undefined). */
export async function findMeeting(
  db: Executor,
  councilId: string,
  meetingId: string,
): Promise<MeetingRow | undefined> {
  if (!isUuid(meetingId)) return undefined;
  const [row] = await db
    .select()
    .from(councilMeetings)
    .where(and(eq(councilMeetings.id, meetingId), eq(councilMeetings.councilId, councilId)));
  return row;
}

/** The council's meetings of the bodies named, the latest first. */
export function listMeetings(
  db: Executor,
  councilId: string,
  bodyIds: readonly string[],
): Promise<MeetingRow[]> {
  if (bodyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilMeetings)
    .where(and(eq(councilMeetings.councilId, councilId), inArray(councilMeetings.bodyId, [...bodyIds])))
    .orderBy(desc(councilMeetings.startsAt));
}

export async function insertMeeting(
  tx: Executor,
  values: typeof councilMeetings.$inferInsert,
): Promise<MeetingRow> {
  const [row] = await tx.insert(councilMeetings).values(values).returning();
  return row!;
}

export async function updateMeeting(
  tx: Executor,
  id: string,
  values: Partial<typeof councilMeetings.$inferInsert>,
): Promise<MeetingRow> {
  const [row] = await tx
    .update(councilMeetings)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(councilMeetings.id, id))
    .returning();
  return row!;
}

export function listAgenda(db: Executor, meetingId: string): Promise<AgendaItemRow[]> {
  return db
    .select()
    .from(councilAgendaItems)
    .where(eq(councilAgendaItems.meetingId, meetingId))
    .orderBy(asc(councilAgendaItems.position));
}

export async function insertAgendaItem(
  tx: Executor,
  meetingId: string,
  title: string,
): Promise<AgendaItemRow> {
  const [row] = await tx
    .insert(councilAgendaItems)
    .values({
      meetingId,
      title,
      position: sql`(select coalesce(max(position), 0) + 1 from council_agenda_items where meeting_id = ${meetingId})`,
    })
    .returning();
  return row!;
}

export async function updateAgendaItem(
  tx: Executor,
  id: string,
  values: Partial<Pick<AgendaItemRow, 'title' | 'notes' | 'decisionId'>>,
): Promise<AgendaItemRow> {
  const [row] = await tx
    .update(councilAgendaItems)
    .set(values)
    .where(eq(councilAgendaItems.id, id))
    .returning();
  return row!;
}

/** Swaps two items' places (through a free position: the pair is unique per meeting). */
export async function swapAgendaItems(tx: Executor, a: AgendaItemRow, b: AgendaItemRow): Promise<void> {
  await tx.update(councilAgendaItems).set({ position: -1 }).where(eq(councilAgendaItems.id, a.id));
  await tx.update(councilAgendaItems).set({ position: a.position }).where(eq(councilAgendaItems.id, b.id));
  await tx.update(councilAgendaItems).set({ position: b.position }).where(eq(councilAgendaItems.id, a.id));
}

export function listAttendance(db: Executor, meetingId: string): Promise<AttendanceRow[]> {
  return db.select().from(councilAttendance).where(eq(councilAttendance.meetingId, meetingId));
}

/** Records each person's attendance (the last word stands). */
export async function saveAttendance(
  tx: Executor,
  meetingId: string,
  rows: Array<{ representativeId: string; status: AttendanceStatus }>,
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(councilAttendance)
    .values(rows.map((r) => ({ meetingId, ...r })))
    .onConflictDoUpdate({
      target: [councilAttendance.meetingId, councilAttendance.representativeId],
      set: { status: sql`excluded.status` },
    });
}

/** The meeting's papers: the council's current documents linked to it, by title. */
export function listMeetingPapers(db: Executor, meetingId: string) {
  return db
    .select({ id: councilDocuments.id, title: councilDocuments.title, kind: councilDocuments.kind })
    .from(councilDocuments)
    .where(and(eq(councilDocuments.meetingId, meetingId), eq(councilDocuments.status, 'current')))
    .orderBy(asc(councilDocuments.title));
}
