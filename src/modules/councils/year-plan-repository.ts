import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import { councilYearSteps, yearStepKinds } from './tables.ts';

export type YearStepRow = typeof councilYearSteps.$inferSelect;

/** The steps of a council's year, in the yearly model's order. */
export function listYearSteps(db: Executor, councilId: string, year: number): Promise<YearStepRow[]> {
  return db
    .select()
    .from(councilYearSteps)
    .where(and(eq(councilYearSteps.councilId, councilId), eq(councilYearSteps.year, year)))
    .orderBy(
      sql`array_position(array[${sql.join(
        yearStepKinds.map((k) => sql`${k}`),
        sql`, `,
      )}]::text[], ${councilYearSteps.kind}::text)`,
      asc(councilYearSteps.id),
    );
}

export async function findYearStep(
  db: Executor,
  councilId: string,
  stepId: string,
): Promise<YearStepRow | undefined> {
  if (!isUuid(stepId)) return undefined;
  const [row] = await db
    .select()
    .from(councilYearSteps)
    .where(and(eq(councilYearSteps.id, stepId), eq(councilYearSteps.councilId, councilId)));
  return row;
}

/** Inserts the steps a year lacks; a step the year already has stays as it is. Returns the new ones. */
export function insertMissingYearSteps(
  tx: Executor,
  steps: Array<typeof councilYearSteps.$inferInsert>,
): Promise<YearStepRow[]> {
  if (steps.length === 0) return Promise.resolve([]);
  return tx
    .insert(councilYearSteps)
    .values(steps)
    .onConflictDoNothing({
      target: [councilYearSteps.councilId, councilYearSteps.year, councilYearSteps.kind],
    })
    .returning();
}

export async function updateYearStep(
  tx: Executor,
  id: string,
  values: Partial<Omit<typeof councilYearSteps.$inferInsert, 'id' | 'councilId' | 'year' | 'kind'>>,
): Promise<YearStepRow> {
  const [row] = await tx.update(councilYearSteps).set(values).where(eq(councilYearSteps.id, id)).returning();
  return row!;
}
