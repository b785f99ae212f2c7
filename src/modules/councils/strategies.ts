import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { FormBody } from '../../platform/input.ts';
import { fields, isUuid, parseForm } from '../../platform/validation.ts';
import { choices } from './form-fields.ts';
import * as irepo from './interventions-repository.ts';
import { auditCouncil, lockCouncilFor } from './service.ts';
import * as srepo from './strategies-repository.ts';
import { strategyGoalKinds } from './tables.ts';

/**
 * A council's strategies: a span of years with visions and goal areas in order (seed 001: four visions for
 * 2024–2030), and the interventions that serve each. The county's admin keeps them while the council is active.
 */

const year = (what: string) =>
  z.coerce
    .number({ error: `Ange ${what} som ett årtal` })
    .int(`Ange ${what} som ett årtal`)
    .min(2000, `Ange ${what} som ett årtal från 2000`)
    .max(2100, `Ange ${what} som ett årtal till och med 2100`);

export const strategyInputSchema = z
  .object({
    name: fields.requiredText('Ange strategins namn', 200, 'Namnet'),
    fromYear: year('första året'),
    toYear: year('sista året'),
    description: fields.optionalText(10_000, 'Beskrivningen'),
  })
  .superRefine((v, ctx) => {
    if (v.toYear < v.fromYear)
      ctx.addIssue({ code: 'custom', path: ['toYear'], message: 'Sista året kan inte vara före det första' });
  });
export type StrategyInput = z.input<typeof strategyInputSchema>;

export const goalInputSchema = z.object({
  kind: z.enum(strategyGoalKinds, { message: 'Välj vision eller målområde' }),
  title: fields.requiredText('Ange visionen eller målområdet', 300, 'Texten'),
  text: fields.optionalText(5_000, 'Beskrivningen'),
});
export type GoalInput = z.input<typeof goalInputSchema>;

export async function addStrategy(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: StrategyInput | FormBody,
) {
  const input = parseForm(strategyInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const strategy = await srepo.insertStrategy(tx, { councilId: council.id, ...input });
    await auditCouncil(tx, actor, council, {
      action: 'council.strategy_added',
      after: { strategy: strategy.name, fromYear: strategy.fromYear, toYear: strategy.toYear },
    });
    return strategy;
  });
}

/** Adds a vision or a goal area last in a strategy of an active council. */
export async function addStrategyGoal(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  strategyId: string,
  raw: GoalInput | FormBody,
) {
  const input = parseForm(goalInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const strategy = await srepo.findStrategy(tx, council.id, strategyId);
    if (!strategy) throw new NotFoundError();
    const goal = await srepo.insertGoal(tx, { strategyId: strategy.id, ...input });
    await auditCouncil(tx, actor, council, {
      action: 'council.strategy_goal_added',
      after: { strategy: strategy.name, goal: goal.title },
    });
    return goal;
  });
}

/** The visions and goal areas an intervention of an active council serves become these. */
export async function setInterventionGoals(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: { goalIds?: string | string[] } | FormBody,
) {
  const { goalIds } = parseForm(z.object({ goalIds: choices('Välj bland strategiernas mål') }), raw);
  await db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const intervention = isUuid(interventionId)
      ? await irepo.findIntervention(tx, council.id, interventionId)
      : undefined;
    if (!intervention) throw new NotFoundError();
    const goals = await srepo.listGoals(
      tx,
      (await srepo.listStrategies(tx, council.id)).map((s) => s.id),
    );
    const chosen = goals.filter((g) => goalIds.includes(g.id));
    if (chosen.length !== new Set(goalIds).size)
      throw new ValidationError({ goalIds: 'Välj bland strategiernas mål' });
    await irepo.setGoals(
      tx,
      intervention.id,
      chosen.map((g) => g.id),
    );
    await auditCouncil(tx, actor, council, {
      action: 'council.intervention_goals_set',
      after: { intervention: intervention.name, goals: chosen.map((g) => g.title) },
    });
  });
}

/** The council's strategies with their visions and goal areas in order, and the interventions under each. */
export async function strategiesOf(db: Db, councilId: string) {
  const strategies = await srepo.listStrategies(db, councilId);
  const goals = await srepo.listGoals(
    db,
    strategies.map((s) => s.id),
  );
  const linked = await srepo.interventionsByGoal(
    db,
    goals.map((g) => g.id),
  );
  return strategies.map((strategy) => ({
    strategy,
    goals: goals
      .filter((g) => g.strategyId === strategy.id)
      .map((goal) => ({ goal, interventions: linked.get(goal.id) ?? [] })),
  }));
}
export type StrategiesOf = Awaited<ReturnType<typeof strategiesOf>>;
