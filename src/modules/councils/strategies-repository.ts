import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import {
  councilInterventionGoals,
  councilInterventions,
  councilStrategies,
  councilStrategyGoals,
} from './tables.ts';

export type StrategyRow = typeof councilStrategies.$inferSelect;
export type GoalRow = typeof councilStrategyGoals.$inferSelect;

export function listStrategies(db: Executor, councilId: string): Promise<StrategyRow[]> {
  return db
    .select()
    .from(councilStrategies)
    .where(eq(councilStrategies.councilId, councilId))
    .orderBy(sql`${councilStrategies.fromYear} desc`, asc(councilStrategies.name));
}

export async function findStrategy(
  db: Executor,
  councilId: string,
  id: string,
): Promise<StrategyRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(councilStrategies)
    .where(and(eq(councilStrategies.councilId, councilId), eq(councilStrategies.id, id)));
  return row;
}

export async function insertStrategy(
  tx: Executor,
  values: typeof councilStrategies.$inferInsert,
): Promise<StrategyRow> {
  const [row] = await tx.insert(councilStrategies).values(values).returning();
  return row!;
}

/** The visions and goal areas of strategies, each strategy's in order. */
export function listGoals(db: Executor, strategyIds: string[]): Promise<GoalRow[]> {
  if (strategyIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(councilStrategyGoals)
    .where(inArray(councilStrategyGoals.strategyId, strategyIds))
    .orderBy(asc(councilStrategyGoals.sortOrder), asc(councilStrategyGoals.title));
}

/** Adds a vision or goal area last in its strategy's order. */
export async function insertGoal(
  tx: Executor,
  values: typeof councilStrategyGoals.$inferInsert,
): Promise<GoalRow> {
  const [row] = await tx
    .insert(councilStrategyGoals)
    .values({
      ...values,
      sortOrder: sql`(select coalesce(max(sort_order), -1) + 1 from council_strategy_goals where strategy_id = ${values.strategyId})`,
    })
    .returning();
  return row!;
}

/** The interventions linked to each goal of the strategies: goal id → the interventions' ids and names. */
export async function interventionsByGoal(
  db: Executor,
  goalIds: string[],
): Promise<Map<string, Array<{ id: string; name: string }>>> {
  const out = new Map<string, Array<{ id: string; name: string }>>();
  if (goalIds.length === 0) return out;
  const rows = await db
    .select({
      goalId: councilInterventionGoals.goalId,
      id: councilInterventions.id,
      name: councilInterventions.name,
    })
    .from(councilInterventionGoals)
    .innerJoin(councilInterventions, eq(councilInterventions.id, councilInterventionGoals.interventionId))
    .where(inArray(councilInterventionGoals.goalId, goalIds))
    .orderBy(asc(councilInterventions.name));
  for (const r of rows) out.set(r.goalId, [...(out.get(r.goalId) ?? []), { id: r.id, name: r.name }]);
  return out;
}
