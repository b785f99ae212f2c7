import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { FormBody } from '../../platform/input.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { optionalChoice, optionalDate, requiredChoice } from './form-fields.ts';
import * as repo from './repository.ts';
import * as prepo from './priorities-repository.ts';
import type { PriorityRow } from './priorities-repository.ts';
import { auditCouncil, lockCouncilFor, lockCouncilToAnswer } from './service.ts';
import { handlingStates } from './tables.ts';
import { isAgendaTarget, listFrom } from './targets.ts';

/**
 * A council's priorities (samverkansområden), decided by it with their validity, goals and targets, their
 * intervention areas (insatsområden), and how each member organisation handles each priority in its own
 * governance (seed 003). The county's admin keeps the priorities; a member answers for its own organisation.
 * Every change locks the council and asks its rule under the lock, and is in the audit log.
 */

export const priorityInputSchema = z
  .object({
    name: fields.requiredText('Ange samverkansområdets namn', 200, 'Namnet'),
    description: fields.optionalText(10_000, 'Beskrivningen'),
    decisionId: optionalChoice('Välj ett av rådets beslut'),
    validFrom: fields.date({ a: 'när beslutet börjar gälla', the: 'startdatumet' }),
    validUntil: optionalDate({ a: 'när beslutet slutar gälla', the: 'slutdatumet' }),
    rusGoals: fields.optionalText(5_000, 'Målen i den regionala utvecklingsstrategin'),
    agendaTargets: fields
      .optionalText(1_000, 'Agenda 2030-delmålen')
      .transform((v) => listFrom(v, 'items'))
      .superRefine((targets, ctx) => {
        const wrong = targets.filter((t) => !isAgendaTarget(t));
        if (wrong.length > 0)
          ctx.addIssue({
            code: 'custom',
            message: `${wrong.join(', ')} är inget delmål i Agenda 2030: skriv målets nummer (1–17), en punkt och delmålet, till exempel 10.2 eller 16.a`,
          });
      }),
  })
  .superRefine((v, ctx) => {
    if (v.validUntil && v.validFrom && v.validUntil < v.validFrom)
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'Slutdatumet kan inte vara före startdatumet',
      });
  });
export type PriorityInput = z.input<typeof priorityInputSchema>;

export const areaInputSchema = z.object({
  name: fields.requiredText('Ange insatsområdets namn', 200, 'Namnet'),
  purpose: fields.optionalText(10_000, 'Syftet'),
  targetGroup: fields.optionalText(2_000, 'Målgruppen'),
});
export type AreaInput = z.input<typeof areaInputSchema>;

export const handlingInputSchema = z.object({
  priorityId: requiredChoice('Välj ett samverkansområde'),
  organisationId: requiredChoice('Välj en organisation'),
  state: z.enum(handlingStates, { message: 'Välj hur organisationen hanterar området' }),
  comment: fields.optionalText(2_000, 'Kommentaren'),
});
export type HandlingInput = z.input<typeof handlingInputSchema>;

async function priorityColumns(db: Db, councilId: string, input: z.output<typeof priorityInputSchema>) {
  if (input.decisionId) {
    const decisions = await prepo.listDecisionChoices(db, councilId);
    if (!decisions.some((d) => d.id === input.decisionId))
      throw new ValidationError({ decisionId: 'Välj ett av rådets beslut' });
  }
  return {
    name: input.name,
    description: input.description,
    decisionId: input.decisionId || null,
    validFrom: input.validFrom,
    validUntil: input.validUntil || null,
    rusGoals: listFrom(input.rusGoals, 'lines'),
    agendaTargets: input.agendaTargets,
  };
}

const auditedPriority = (p: PriorityRow) => ({
  priority: p.name,
  validFrom: p.validFrom,
  validUntil: p.validUntil,
  agendaTargets: p.agendaTargets,
});

/** Adds a collaboration area the council has decided, while the council is active. */
export async function addPriority(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: PriorityInput | FormBody,
): Promise<PriorityRow> {
  const input = parseForm(priorityInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const priority = await prepo.insertPriority(tx, {
      councilId: council.id,
      ...(await priorityColumns(tx, council.id, input)),
    });
    await auditCouncil(tx, actor, council, {
      action: 'council.priority_added',
      after: auditedPriority(priority),
    });
    return priority;
  });
}

/** Changes a collaboration area of an active council. */
export async function editPriority(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  priorityId: string,
  raw: PriorityInput | FormBody,
): Promise<PriorityRow> {
  const input = parseForm(priorityInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const before = await prepo.findPriority(tx, council.id, priorityId);
    if (!before) throw new NotFoundError();
    const priority = await prepo.updatePriority(tx, before.id, await priorityColumns(tx, council.id, input));
    await auditCouncil(tx, actor, council, {
      action: 'council.priority_edited',
      before: auditedPriority(before),
      after: auditedPriority(priority),
    });
    return priority;
  });
}

/** Adds an intervention area under a collaboration area of an active council. */
export async function addInterventionArea(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  priorityId: string,
  raw: AreaInput | FormBody,
) {
  const input = parseForm(areaInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const priority = await prepo.findPriority(tx, council.id, priorityId);
    if (!priority) throw new NotFoundError();
    const area = await prepo.insertArea(tx, { priorityId: priority.id, ...input });
    await auditCouncil(tx, actor, council, {
      action: 'council.intervention_area_added',
      after: { priority: priority.name, area: area.name },
    });
    return area;
  });
}

/**
 * Records how a member organisation handles a priority in its own governance: the county's admin for any
 * member, a council member for their own organisation; the latest answer stands (the audit log keeps the one
 * it replaced).
 */
export async function recordHandling(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: HandlingInput | FormBody,
): Promise<void> {
  const input = parseForm(handlingInputSchema, raw);
  await db.transaction(async (tx) => {
    const council = await lockCouncilToAnswer(tx, actor, countyCode, councilId, input.organisationId);
    const priority = await prepo.findPriority(tx, council.id, input.priorityId);
    if (!priority) throw new ValidationError({ priorityId: 'Välj ett av rådets samverkansområden' });
    const members = await repo.listMembers(tx, council.id);
    if (!members.some((m) => m.organisationId === input.organisationId))
      throw new ValidationError({ organisationId: 'Välj en av rådets medlemsorganisationer' });
    const before = await prepo.upsertHandling(tx, {
      priorityId: priority.id,
      organisationId: input.organisationId,
      state: input.state,
      comment: input.comment,
      updatedBy: actor.id,
    });
    await auditCouncil(tx, actor, council, {
      action: 'council.handling_recorded',
      ...(before ? { before: { handling: before.state, comment: before.comment } } : {}),
      after: {
        priority: priority.name,
        organisationId: input.organisationId,
        handling: input.state,
        comment: input.comment,
      },
    });
  });
}

export { prioritiesOf, type PrioritiesOf } from './priorities-repository.ts';

/** The matrix of the council's current member organisations × its priorities, with each answer given. */
export async function handlingMatrix(db: Db, councilId: string) {
  const [priorities, members] = await Promise.all([
    prepo.listPriorities(db, councilId),
    repo.listMembers(db, councilId),
  ]);
  const answers = await prepo.listHandling(
    db,
    priorities.map((p) => p.id),
  );
  const byKey = new Map(answers.map((a) => [`${a.organisationId}\0${a.priorityId}`, a]));
  return {
    priorities,
    members,
    answerOf: (organisationId: string, priorityId: string) => byKey.get(`${organisationId}\0${priorityId}`),
  };
}
export type HandlingMatrix = Awaited<ReturnType<typeof handlingMatrix>>;
