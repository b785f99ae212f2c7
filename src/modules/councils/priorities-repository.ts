import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import { organisations } from '../reference/index.ts';
import {
  councilDecisions,
  councilInterventionAreas,
  councilInterventions,
  councilPriorities,
  councilPriorityHandling,
} from './tables.ts';

export type PriorityRow = typeof councilPriorities.$inferSelect;
export type AreaRow = typeof councilInterventionAreas.$inferSelect;
export type HandlingRow = typeof councilPriorityHandling.$inferSelect;

/** A council's priorities in their order. */
export function listPriorities(db: Executor, councilId: string): Promise<PriorityRow[]> {
  return db
    .select()
    .from(councilPriorities)
    .where(eq(councilPriorities.councilId, councilId))
    .orderBy(asc(councilPriorities.sortOrder), asc(councilPriorities.createdAt));
}

/** One priority of a council (another council's is none). */
export async function findPriority(
  db: Executor,
  councilId: string,
  priorityId: string,
): Promise<PriorityRow | undefined> {
  if (!isUuid(priorityId)) return undefined;
  const [row] = await db
    .select()
    .from(councilPriorities)
    .where(and(eq(councilPriorities.councilId, councilId), eq(councilPriorities.id, priorityId)));
  return row;
}

export async function insertPriority(
  tx: Executor,
  values: typeof councilPriorities.$inferInsert,
): Promise<PriorityRow> {
  const [row] = await tx
    .insert(councilPriorities)
    .values({
      ...values,
      sortOrder: sql`(select coalesce(max(sort_order), -1) + 1 from council_priorities where council_id = ${values.councilId})`,
    })
    .returning();
  return row!;
}

export async function updatePriority(
  tx: Executor,
  id: string,
  values: Partial<typeof councilPriorities.$inferInsert>,
): Promise<PriorityRow> {
  const [row] = await tx
    .update(councilPriorities)
    .set(values)
    .where(eq(councilPriorities.id, id))
    .returning();
  return row!;
}

/** The intervention areas of priorities, each priority's in order. */
export function listAreas(db: Executor, priorityIds: string[]): Promise<AreaRow[]> {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilInterventionAreas)
    .where(inArray(councilInterventionAreas.priorityId, priorityIds))
    .orderBy(asc(councilInterventionAreas.sortOrder), asc(councilInterventionAreas.name));
}

export async function insertArea(
  tx: Executor,
  values: typeof councilInterventionAreas.$inferInsert,
): Promise<AreaRow> {
  const [row] = await tx
    .insert(councilInterventionAreas)
    .values({
      ...values,
      sortOrder: sql`(select coalesce(max(sort_order), -1) + 1 from council_intervention_areas where priority_id = ${values.priorityId})`,
    })
    .returning();
  return row!;
}

/** An area with its priority, when the priority is the council's. */
export async function findArea(
  db: Executor,
  councilId: string,
  areaId: string,
): Promise<{ area: AreaRow; priority: PriorityRow } | undefined> {
  const [row] = await db
    .select({ area: councilInterventionAreas, priority: councilPriorities })
    .from(councilInterventionAreas)
    .innerJoin(councilPriorities, eq(councilPriorities.id, councilInterventionAreas.priorityId))
    .where(and(eq(councilInterventionAreas.id, areaId), eq(councilPriorities.councilId, councilId)));
  return row;
}

/** The council's decisions, newest first, for the priority's choice of the decision behind it. */
export function listDecisionChoices(
  db: Executor,
  councilId: string,
): Promise<Array<{ id: string; number: string; title: string; decidedOn: string }>> {
  return db
    .select({
      id: councilDecisions.id,
      number: councilDecisions.number,
      title: councilDecisions.title,
      decidedOn: councilDecisions.decidedOn,
    })
    .from(councilDecisions)
    .where(eq(councilDecisions.councilId, councilId))
    .orderBy(sql`${councilDecisions.decidedOn} desc`, asc(councilDecisions.number));
}

/** Every answer on how the member organisations handle the council's priorities. */
export function listHandling(
  db: Executor,
  priorityIds: string[],
): Promise<Array<HandlingRow & { organisationName: string }>> {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      priorityId: councilPriorityHandling.priorityId,
      organisationId: councilPriorityHandling.organisationId,
      state: councilPriorityHandling.state,
      comment: councilPriorityHandling.comment,
      updatedBy: councilPriorityHandling.updatedBy,
      updatedAt: councilPriorityHandling.updatedAt,
      organisationName: organisations.name,
    })
    .from(councilPriorityHandling)
    .innerJoin(organisations, eq(organisations.id, councilPriorityHandling.organisationId))
    .where(inArray(councilPriorityHandling.priorityId, priorityIds));
}

/** The organisation's answer for a priority, the latest standing; the one it replaced, if any. */
export async function upsertHandling(
  tx: Executor,
  values: typeof councilPriorityHandling.$inferInsert,
): Promise<HandlingRow | undefined> {
  const [before] = await tx
    .select()
    .from(councilPriorityHandling)
    .where(
      and(
        eq(councilPriorityHandling.priorityId, values.priorityId),
        eq(councilPriorityHandling.organisationId, values.organisationId),
      ),
    );
  await tx
    .insert(councilPriorityHandling)
    .values(values)
    .onConflictDoUpdate({
      target: [councilPriorityHandling.priorityId, councilPriorityHandling.organisationId],
      set: {
        state: values.state,
        comment: values.comment,
        updatedBy: values.updatedBy,
        updatedAt: sql`now()`,
      },
    });
  return before;
}

/** The interventions of the council (all, or the public ones), in their areas' order. */
export function listInterventions(
  db: Executor,
  councilId: string,
  opts: { publicOnly?: boolean } = {},
): Promise<Array<typeof councilInterventions.$inferSelect & { ownerName: string }>> {
  return db
    .select({
      id: councilInterventions.id,
      councilId: councilInterventions.councilId,
      areaId: councilInterventions.areaId,
      name: councilInterventions.name,
      description: councilInterventions.description,
      ownerOrganisationId: councilInterventions.ownerOrganisationId,
      startsOn: councilInterventions.startsOn,
      endsOn: councilInterventions.endsOn,
      status: councilInterventions.status,
      public: councilInterventions.public,
      indicators: councilInterventions.indicators,
      createdAt: councilInterventions.createdAt,
      updatedAt: councilInterventions.updatedAt,
      ownerName: organisations.name,
    })
    .from(councilInterventions)
    .innerJoin(organisations, eq(organisations.id, councilInterventions.ownerOrganisationId))
    .where(
      and(
        eq(councilInterventions.councilId, councilId),
        opts.publicOnly ? eq(councilInterventions.public, true) : undefined,
      ),
    )
    .orderBy(asc(councilInterventions.createdAt));
}

/** A council's priorities with their areas and the interventions in each (the public ones only, when asked). */
export async function prioritiesOf(db: Executor, councilId: string, opts: { publicOnly?: boolean } = {}) {
  const priorities = await listPriorities(db, councilId);
  const [areas, interventions] = await Promise.all([
    listAreas(
      db,
      priorities.map((p) => p.id),
    ),
    listInterventions(db, councilId, opts),
  ]);
  return priorities.map((priority) => ({
    priority,
    areas: areas
      .filter((a) => a.priorityId === priority.id)
      .map((area) => ({ area, interventions: interventions.filter((i) => i.areaId === area.id) })),
  }));
}
export type PrioritiesOf = Awaited<ReturnType<typeof prioritiesOf>>;
