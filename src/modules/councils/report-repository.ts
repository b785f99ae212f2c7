import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { organisations } from '../reference/index.ts';
import {
  councilFinancingLines,
  councilInterventionAreas,
  councilInterventionParticipants,
  councilInterventions,
  councilMembers,
  councilMilestones,
  councilPriorities,
  councilPriorityHandling,
  councilProgressReports,
} from './tables.ts';

/**
 * The yearly follow-up report's reads: a council's priorities in force during a year, their intervention
 * areas and interventions, and for each intervention what the year holds (financing, milestones, progress
 * reports), with the members' handling of each priority. Read only; the report's model is follow-up.ts.
 */

/** The first and last day of a year, as the date columns hold them. */
export const yearSpan = (year: number) => ({ first: `${year}-01-01`, last: `${year}-12-31` });

export type PriorityRow = typeof councilPriorities.$inferSelect;
export type AreaRow = typeof councilInterventionAreas.$inferSelect;
export type ProgressReportRow = typeof councilProgressReports.$inferSelect;
export type MilestoneRow = typeof councilMilestones.$inferSelect;

/** The priorities decided for some part of the year, in the council's order. */
export function listPrioritiesOfYear(db: Executor, councilId: string, year: number): Promise<PriorityRow[]> {
  const { first, last } = yearSpan(year);
  return db
    .select()
    .from(councilPriorities)
    .where(
      and(
        eq(councilPriorities.councilId, councilId),
        lte(councilPriorities.validFrom, last),
        or(isNull(councilPriorities.validUntil), gte(councilPriorities.validUntil, first)),
      ),
    )
    .orderBy(asc(councilPriorities.sortOrder), asc(councilPriorities.name));
}

export function listAreasOf(db: Executor, priorityIds: string[]): Promise<AreaRow[]> {
  if (priorityIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilInterventionAreas)
    .where(inArray(councilInterventionAreas.priorityId, priorityIds))
    .orderBy(asc(councilInterventionAreas.sortOrder), asc(councilInterventionAreas.name));
}

export interface InterventionOfYear {
  id: string;
  areaId: string;
  name: string;
  description: string;
  owner: string;
  startsOn: string | null;
  endsOn: string | null;
  status: (typeof councilInterventions.$inferSelect)['status'];
}

/**
 * The council's interventions in the areas that run during the year, or that reported progress for it (an
 * intervention that ended the year before may still report on it), by name.
 */
export function listInterventionsOfYear(
  db: Executor,
  councilId: string,
  areaIds: string[],
  year: number,
): Promise<InterventionOfYear[]> {
  if (areaIds.length === 0) return Promise.resolve([]);
  const { first, last } = yearSpan(year);
  return db
    .select({
      id: councilInterventions.id,
      areaId: councilInterventions.areaId,
      name: councilInterventions.name,
      description: councilInterventions.description,
      owner: organisations.name,
      startsOn: councilInterventions.startsOn,
      endsOn: councilInterventions.endsOn,
      status: councilInterventions.status,
    })
    .from(councilInterventions)
    .innerJoin(organisations, eq(organisations.id, councilInterventions.ownerOrganisationId))
    .where(
      and(
        eq(councilInterventions.councilId, councilId),
        inArray(councilInterventions.areaId, areaIds),
        or(
          and(
            or(isNull(councilInterventions.startsOn), lte(councilInterventions.startsOn, last)),
            or(isNull(councilInterventions.endsOn), gte(councilInterventions.endsOn, first)),
          ),
          sql`exists (select 1 from ${councilProgressReports} where ${councilProgressReports.interventionId} = ${councilInterventions.id} and ${periodInYear(year)})`,
        ),
      ),
    )
    .orderBy(asc(councilInterventions.name));
}

/** A report period of the year: "2025" itself, or a part of it ("2025-H1", "2025-T3", "2025-Q2"). */
const periodInYear = (year: number) =>
  sql`(${councilProgressReports.period} = ${String(year)} or ${councilProgressReports.period} like ${`${year}-%`})`;

export function listParticipantsOf(
  db: Executor,
  interventionIds: string[],
): Promise<Array<{ interventionId: string; name: string }>> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  return db
    .select({ interventionId: councilInterventionParticipants.interventionId, name: organisations.name })
    .from(councilInterventionParticipants)
    .innerJoin(organisations, eq(organisations.id, councilInterventionParticipants.organisationId))
    .where(inArray(councilInterventionParticipants.interventionId, interventionIds))
    .orderBy(asc(organisations.name));
}

export interface FinancingOfYear {
  interventionId: string;
  funder: string;
  amountSek: number | null;
  description: string;
  fromOn: string;
  untilOn: string | null;
  takenOverBy: string | null;
}

/** The financing lines that pay for some part of the year, in the order they start. */
export function listFinancingOfYear(
  db: Executor,
  interventionIds: string[],
  year: number,
): Promise<FinancingOfYear[]> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  const { first, last } = yearSpan(year);
  const funder = alias(organisations, 'funder');
  const successor = alias(organisations, 'successor');
  return db
    .select({
      interventionId: councilFinancingLines.interventionId,
      funder: funder.name,
      amountSek: councilFinancingLines.amountSek,
      description: councilFinancingLines.description,
      fromOn: councilFinancingLines.fromOn,
      untilOn: councilFinancingLines.untilOn,
      takenOverBy: successor.name,
    })
    .from(councilFinancingLines)
    .innerJoin(funder, eq(funder.id, councilFinancingLines.funderOrganisationId))
    .leftJoin(successor, eq(successor.id, councilFinancingLines.takenOverByOrganisationId))
    .where(
      and(
        inArray(councilFinancingLines.interventionId, interventionIds),
        lte(councilFinancingLines.fromOn, last),
        or(isNull(councilFinancingLines.untilOn), gte(councilFinancingLines.untilOn, first)),
      ),
    )
    .orderBy(asc(councilFinancingLines.fromOn), asc(funder.name));
}

/** The milestones due in the year or done in it, by due date. */
export function listMilestonesOfYear(
  db: Executor,
  interventionIds: string[],
  year: number,
): Promise<MilestoneRow[]> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  const { first, last } = yearSpan(year);
  return db
    .select()
    .from(councilMilestones)
    .where(
      and(
        inArray(councilMilestones.interventionId, interventionIds),
        or(
          and(gte(councilMilestones.dueOn, first), lte(councilMilestones.dueOn, last)),
          and(gte(councilMilestones.doneOn, first), lte(councilMilestones.doneOn, last)),
        ),
      ),
    )
    .orderBy(asc(councilMilestones.dueOn), asc(councilMilestones.title));
}

/** The progress reports whose period falls in the year, in the periods' order. */
export function listReportsOfYear(
  db: Executor,
  interventionIds: string[],
  year: number,
): Promise<ProgressReportRow[]> {
  if (interventionIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilProgressReports)
    .where(and(inArray(councilProgressReports.interventionId, interventionIds), periodInYear(year)))
    .orderBy(asc(councilProgressReports.period));
}

export interface HandlingOfYear {
  priorityId: string;
  organisationId: string;
  organisation: string;
  state: (typeof councilPriorityHandling.$inferSelect)['state'] | null;
  comment: string;
}

/**
 * Each member organisation of the council during the year against each priority: its recorded handling, or
 * none (state null) where it has not answered.
 */
export async function listHandlingOfYear(
  db: Executor,
  councilId: string,
  priorityIds: string[],
  year: number,
): Promise<HandlingOfYear[]> {
  if (priorityIds.length === 0) return [];
  const { first, last } = yearSpan(year);
  const rows = await db
    .select({
      priorityId: councilPriorities.id,
      organisationId: councilMembers.organisationId,
      organisation: organisations.name,
      state: councilPriorityHandling.state,
      comment: councilPriorityHandling.comment,
    })
    .from(councilMembers)
    .innerJoin(organisations, eq(organisations.id, councilMembers.organisationId))
    .innerJoin(councilPriorities, inArray(councilPriorities.id, priorityIds))
    .leftJoin(
      councilPriorityHandling,
      and(
        eq(councilPriorityHandling.priorityId, councilPriorities.id),
        eq(councilPriorityHandling.organisationId, councilMembers.organisationId),
      ),
    )
    .where(
      and(
        eq(councilMembers.councilId, councilId),
        lte(councilMembers.joinedOn, last),
        or(isNull(councilMembers.leftOn), gte(councilMembers.leftOn, first)),
      ),
    );
  return rows.map((r) => ({ ...r, comment: r.comment ?? '' }));
}
