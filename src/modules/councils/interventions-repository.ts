import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  councilFinancingLines,
  councilInterventionGoals,
  councilInterventionParticipants,
  councilInterventions,
  councilMilestones,
  councilProgressReports,
} from './tables.ts';

export type InterventionRow = typeof councilInterventions.$inferSelect;
export type FinancingRow = typeof councilFinancingLines.$inferSelect;
export type MilestoneRow = typeof councilMilestones.$inferSelect;
export type ProgressRow = typeof councilProgressReports.$inferSelect;

/** One intervention of a council (another council's is none). */
export async function findIntervention(
  db: Executor,
  councilId: string,
  interventionId: string,
): Promise<InterventionRow | undefined> {
  const [row] = await db
    .select()
    .from(councilInterventions)
    .where(and(eq(councilInterventions.councilId, councilId), eq(councilInterventions.id, interventionId)));
  return row;
}

/** The intervention locked for a change its state decides (after its council's lock). */
export async function lockIntervention(tx: Executor, id: string): Promise<InterventionRow | undefined> {
  const [row] = await tx
    .select()
    .from(councilInterventions)
    .where(eq(councilInterventions.id, id))
    .for('update');
  return row;
}

export async function insertIntervention(
  tx: Executor,
  values: typeof councilInterventions.$inferInsert,
): Promise<InterventionRow> {
  const [row] = await tx.insert(councilInterventions).values(values).returning();
  return row!;
}

export async function updateIntervention(
  tx: Executor,
  id: string,
  values: Partial<typeof councilInterventions.$inferInsert>,
): Promise<InterventionRow> {
  const [row] = await tx
    .update(councilInterventions)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(councilInterventions.id, id))
    .returning();
  return row!;
}

export async function listParticipants(db: Executor, interventionId: string): Promise<string[]> {
  const rows = await db
    .select({ organisationId: councilInterventionParticipants.organisationId })
    .from(councilInterventionParticipants)
    .where(eq(councilInterventionParticipants.interventionId, interventionId));
  return rows.map((r) => r.organisationId);
}

/** The intervention's participants become these. */
export async function setParticipants(tx: Executor, interventionId: string, organisationIds: string[]) {
  await tx
    .delete(councilInterventionParticipants)
    .where(eq(councilInterventionParticipants.interventionId, interventionId));
  if (organisationIds.length > 0)
    await tx
      .insert(councilInterventionParticipants)
      .values(organisationIds.map((organisationId) => ({ interventionId, organisationId })));
}

export function listFinancing(db: Executor, interventionIds: string[]): Promise<FinancingRow[]> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilFinancingLines)
    .where(inArray(councilFinancingLines.interventionId, interventionIds))
    .orderBy(asc(councilFinancingLines.fromOn));
}

export async function insertFinancing(
  tx: Executor,
  values: typeof councilFinancingLines.$inferInsert,
): Promise<FinancingRow> {
  const [row] = await tx.insert(councilFinancingLines).values(values).returning();
  return row!;
}

/** Deletes a financing line of the intervention; undefined when it has no such line. */
export async function deleteFinancing(
  tx: Executor,
  interventionId: string,
  lineId: string,
): Promise<FinancingRow | undefined> {
  const [row] = await tx
    .delete(councilFinancingLines)
    .where(
      and(eq(councilFinancingLines.interventionId, interventionId), eq(councilFinancingLines.id, lineId)),
    )
    .returning();
  return row;
}

export function listMilestones(db: Executor, interventionId: string): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(councilMilestones)
    .where(eq(councilMilestones.interventionId, interventionId))
    .orderBy(asc(councilMilestones.dueOn), asc(councilMilestones.title));
}

export async function insertMilestone(
  tx: Executor,
  values: typeof councilMilestones.$inferInsert,
): Promise<MilestoneRow> {
  const [row] = await tx.insert(councilMilestones).values(values).returning();
  return row!;
}

/** Marks a milestone of the intervention done on a date; undefined when it has no such milestone. */
export async function markMilestoneDone(
  tx: Executor,
  interventionId: string,
  milestoneId: string,
  doneOn: string | null,
): Promise<MilestoneRow | undefined> {
  const [row] = await tx
    .update(councilMilestones)
    .set({ doneOn })
    .where(and(eq(councilMilestones.interventionId, interventionId), eq(councilMilestones.id, milestoneId)))
    .returning();
  return row;
}

/** Deletes a milestone of the intervention; undefined when it has no such milestone. */
export async function deleteMilestone(
  tx: Executor,
  interventionId: string,
  milestoneId: string,
): Promise<MilestoneRow | undefined> {
  const [row] = await tx
    .delete(councilMilestones)
    .where(and(eq(councilMilestones.interventionId, interventionId), eq(councilMilestones.id, milestoneId)))
    .returning();
  return row;
}

/** The progress reports of interventions, the latest period first. */
export function listProgress(db: Executor, interventionIds: string[]): Promise<ProgressRow[]> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilProgressReports)
    .where(inArray(councilProgressReports.interventionId, interventionIds))
    .orderBy(sql`${councilProgressReports.period} desc`);
}

/** Writes the report of a period, replacing the one of that period; gives the replaced one, if any. */
export async function upsertProgress(
  tx: Executor,
  values: typeof councilProgressReports.$inferInsert,
): Promise<{ report: ProgressRow; replaced: ProgressRow | undefined }> {
  const [replaced] = await tx
    .select()
    .from(councilProgressReports)
    .where(
      and(
        eq(councilProgressReports.interventionId, values.interventionId),
        eq(councilProgressReports.period, values.period),
      ),
    )
    .for('update');
  const [report] = await tx
    .insert(councilProgressReports)
    .values(values)
    .onConflictDoUpdate({
      target: [councilProgressReports.interventionId, councilProgressReports.period],
      set: {
        text: values.text,
        figures: values.figures,
        status: values.status,
        reportedBy: values.reportedBy,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  return { report: report!, replaced };
}

export async function listGoalIds(db: Executor, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .select()
    .from(councilInterventionGoals)
    .where(inArray(councilInterventionGoals.interventionId, interventionIds));
}

/** The intervention serves these goals of the council's strategies. */
export async function setGoals(tx: Executor, interventionId: string, goalIds: string[]) {
  await tx
    .delete(councilInterventionGoals)
    .where(eq(councilInterventionGoals.interventionId, interventionId));
  if (goalIds.length > 0)
    await tx.insert(councilInterventionGoals).values(goalIds.map((goalId) => ({ interventionId, goalId })));
}
