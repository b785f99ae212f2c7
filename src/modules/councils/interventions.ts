import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { FormBody } from '../../platform/input.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { fields, isUuid, parseForm } from '../../platform/validation.ts';
import { choices, optionalChoice, optionalDate, requiredChoice } from './form-fields.ts';
import * as lifecycle from './lifecycle.ts';
import * as irepo from './interventions-repository.ts';
import type { InterventionRow } from './interventions-repository.ts';
import { interventionStatusLabels } from './labels.ts';
import * as prepo from './priorities-repository.ts';
import { listOrganisationsByIds } from '../reference/index.ts';
import * as repo from './repository.ts';
import * as srepo from './strategies-repository.ts';
import type { CouncilRow } from './repository.ts';
import { auditCouncil, lockCouncilFor, lockCouncilToAnswer, resourceOf } from './service.ts';
import { interventionStatuses, type InterventionStatus, type ProgressFigure } from './tables.ts';
import { isKoladaKpi, isReportPeriod, listFrom } from './targets.ts';

/**
 * Interventions (insatser) in a council's intervention areas: their owner and participants, period, status
 * (one lifecycle: lifecycle.interventionMayMove), indicators, financing lines, milestones and progress reports
 * per period. The county's admin keeps them; a council member of the owning organisation reports progress.
 * Every change locks the council (then the intervention) and asks its rule under the lock, and is audited.
 */

export const interventionInputSchema = z
  .object({
    areaId: requiredChoice('Välj insatsområde'),
    name: fields.requiredText('Ange insatsens namn', 200, 'Namnet'),
    description: fields.optionalText(10_000, 'Beskrivningen'),
    ownerOrganisationId: requiredChoice('Välj vilken organisation som äger insatsen'),
    participantIds: choices('Välj deltagande organisationer i listan'),
    startsOn: optionalDate({ a: 'startdatum', the: 'startdatumet' }),
    endsOn: optionalDate({ a: 'slutdatum', the: 'slutdatumet' }),
    status: z.enum(interventionStatuses, { message: 'Välj status' }).default('planned'),
    public: z
      .string({ error: 'Kryssa i eller låt bli' })
      .optional()
      .transform((v) => v === 'yes'),
    indicators: fields
      .optionalText(1_000, 'Indikatorerna')
      .transform((v) => listFrom(v, 'items').map((k) => k.toUpperCase()))
      .superRefine((kpis, ctx) => {
        const wrong = kpis.filter((k) => !isKoladaKpi(k));
        if (wrong.length > 0)
          ctx.addIssue({
            code: 'custom',
            message: `${wrong.join(', ')} är inget nyckeltal i Kolada: skriv N eller U och fem siffror, till exempel N00945`,
          });
      }),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Slutdatumet kan inte vara före startdatumet',
      });
  });
export type InterventionInput = z.input<typeof interventionInputSchema>;

/** "1 200 000", "1200000 kr" → 1200000; '' → null. */
const kronor = z
  .string({ error: 'Ange beloppet i kronor' })
  .trim()
  .optional()
  .transform((v) => (v ?? '').replace(/\s|kr$|kronor$/gi, ''))
  .refine((v) => v === '' || /^\d{1,12}$/.test(v), {
    message: 'Ange beloppet i hela kronor, till exempel 1 200 000',
  })
  .transform((v) => (v === '' ? null : Number(v)));

export const financingInputSchema = z
  .object({
    funderOrganisationId: requiredChoice('Välj vem som finansierar'),
    amountSek: kronor,
    description: fields.optionalText(2_000, 'Vad finansieringen täcker'),
    fromOn: fields.date({ a: 'från när', the: 'startdatumet' }),
    untilOn: optionalDate({ a: 'till när', the: 'slutdatumet' }),
    takenOverByOrganisationId: optionalChoice('Välj vem som tar över i listan'),
  })
  .superRefine((v, ctx) => {
    if (v.untilOn && v.fromOn && v.untilOn < v.fromOn)
      ctx.addIssue({
        code: 'custom',
        path: ['untilOn'],
        message: 'Slutdatumet kan inte vara före startdatumet',
      });
  });
export type FinancingInput = z.input<typeof financingInputSchema>;

export const milestoneInputSchema = z.object({
  title: fields.requiredText('Ange delmålet', 300, 'Delmålet'),
  dueOn: fields.date({ a: 'när delmålet ska vara nått', the: 'datumet' }),
});
export type MilestoneInput = z.input<typeof milestoneInputSchema>;

export const milestoneDoneSchema = z.object({
  milestoneId: requiredChoice('Välj delmål'),
  doneOn: fields.date({ a: 'när delmålet nåddes', the: 'datumet' }),
});

/** How many figures a report's form offers. */
export const FIGURE_ROWS = 4;

const number = /^-?\d+([.,]\d+)?$/;

/** The figures typed in the form's rows (figureLabel0, figureValue0, figureUnit0 …), the empty ones left out. */
function figuresOf(raw: Record<string, unknown>, ctx: z.RefinementCtx): ProgressFigure[] {
  const figures: ProgressFigure[] = [];
  for (let i = 0; i < FIGURE_ROWS; i++) {
    const text = (k: string) => {
      const v = raw[`figure${k}${i}`];
      return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
    };
    const [label, value, unit] = [text('Label'), text('Value').replace(/\s/g, ''), text('Unit')];
    if (!label && !value && !unit) continue;
    if (!label)
      ctx.addIssue({ code: 'custom', path: [`figureLabel${i}`], message: 'Ange vad siffran visar' });
    else if (label.length > 100)
      ctx.addIssue({ code: 'custom', path: [`figureLabel${i}`], message: 'Skriv högst 100 tecken' });
    if (!number.test(value))
      ctx.addIssue({
        code: 'custom',
        path: [`figureValue${i}`],
        message: 'Ange ett tal, till exempel 42 eller 3,5',
      });
    if (unit.length > 40)
      ctx.addIssue({ code: 'custom', path: [`figureUnit${i}`], message: 'Skriv högst 40 tecken' });
    figures.push({ label, value: Number(value.replace(',', '.')), unit });
  }
  return figures;
}

const progressFields = {
  period: z.string({ error: 'Ange perioden' }).trim().toUpperCase().refine(isReportPeriod, {
    message: 'Ange perioden som ett år (2025), ett halvår (2025-H1) eller ett tertial (2025-T2)',
  }),
  text: fields.requiredText('Beskriv hur arbetet har gått', 10_000, 'Texten'),
  status: z.enum(interventionStatuses, { message: 'Välj insatsens status efter perioden' }),
};

export const progressInputSchema = z
  .looseObject(progressFields)
  .transform((v, ctx) => ({ period: v.period, text: v.text, status: v.status, figures: figuresOf(v, ctx) }));
export type ProgressInput = { period: string; text: string; status: string } & Record<string, string>;
export interface Progress {
  period: string;
  text: string;
  status: InterventionStatus;
  figures: ProgressFigure[];
}

/** The intervention of the council, locked after the council (else 404). */
async function lockedIntervention(tx: Executor, council: CouncilRow, interventionId: string) {
  const intervention = isUuid(interventionId) ? await irepo.lockIntervention(tx, interventionId) : undefined;
  if (!intervention || intervention.councilId !== council.id) throw new NotFoundError();
  return intervention;
}

/** The organisations the intervention names must be the council's current members. */
async function checkMembers(tx: Executor, councilId: string, named: Record<string, string[]>) {
  const members = new Set((await repo.listMembers(tx, councilId)).map((m) => m.organisationId));
  const errors: Record<string, string> = {};
  for (const [field, ids] of Object.entries(named))
    if (ids.some((id) => !members.has(id))) errors[field] = 'Välj bland rådets medlemsorganisationer';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

const auditedIntervention = (i: InterventionRow) => ({
  intervention: i.name,
  organisationId: i.ownerOrganisationId,
  interventionStatus: i.status,
  public: i.public,
});

/** Adds an intervention in one of an active council's intervention areas. */
export async function addIntervention(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: InterventionInput | FormBody,
): Promise<InterventionRow> {
  const input = parseForm(interventionInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const area = await prepo.findArea(tx, council.id, input.areaId);
    if (!area) throw new ValidationError({ areaId: 'Välj ett av rådets insatsområden' });
    await checkMembers(tx, council.id, {
      ownerOrganisationId: [input.ownerOrganisationId],
      participantIds: input.participantIds,
    });
    const { participantIds, ...columns } = input;
    const intervention = await irepo.insertIntervention(tx, {
      ...columns,
      councilId: council.id,
      startsOn: input.startsOn || null,
      endsOn: input.endsOn || null,
    });
    await irepo.setParticipants(
      tx,
      intervention.id,
      participantIds.filter((id) => id !== input.ownerOrganisationId),
    );
    await auditCouncil(tx, actor, council, {
      action: 'council.intervention_added',
      after: { ...auditedIntervention(intervention), area: area.area.name },
    });
    return intervention;
  });
}

/** Changes an intervention of an active council; its status moves only as its lifecycle lets it. */
export async function editIntervention(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: InterventionInput | FormBody,
): Promise<InterventionRow> {
  const input = parseForm(interventionInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const before = await lockedIntervention(tx, council, interventionId);
    const area = await prepo.findArea(tx, council.id, input.areaId);
    if (!area) throw new ValidationError({ areaId: 'Välj ett av rådets insatsområden' });
    const verdict = lifecycle.interventionMayMove(resourceOf(council), before.status, input.status);
    if (verdict !== true) throw new ValidationError({ status: verdict });
    await checkMembers(tx, council.id, {
      ownerOrganisationId: [input.ownerOrganisationId],
      participantIds: input.participantIds,
    });
    const { participantIds, ...columns } = input;
    const intervention = await irepo.updateIntervention(tx, before.id, {
      ...columns,
      startsOn: input.startsOn || null,
      endsOn: input.endsOn || null,
    });
    await irepo.setParticipants(
      tx,
      intervention.id,
      participantIds.filter((id) => id !== input.ownerOrganisationId),
    );
    await auditCouncil(tx, actor, council, {
      action: 'council.intervention_edited',
      before: auditedIntervention(before),
      after: auditedIntervention(intervention),
    });
    return intervention;
  });
}

/** Adds a financing line to an intervention of an active council. */
export async function addFinancingLine(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: FinancingInput | FormBody,
) {
  const input = parseForm(financingInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const intervention = await lockedIntervention(tx, council, interventionId);
    await checkMembers(tx, council.id, {
      funderOrganisationId: [input.funderOrganisationId],
      takenOverByOrganisationId: input.takenOverByOrganisationId ? [input.takenOverByOrganisationId] : [],
    });
    const line = await irepo.insertFinancing(tx, {
      interventionId: intervention.id,
      funderOrganisationId: input.funderOrganisationId,
      amountSek: input.amountSek,
      description: input.description,
      fromOn: input.fromOn,
      untilOn: input.untilOn || null,
      takenOverByOrganisationId: input.takenOverByOrganisationId || null,
    });
    await auditCouncil(tx, actor, council, {
      action: 'council.financing_added',
      after: {
        intervention: intervention.name,
        organisationId: line.funderOrganisationId,
        amountSek: line.amountSek,
        fromOn: line.fromOn,
        untilOn: line.untilOn,
      },
    });
    return line;
  });
}

/** Adds a milestone to an intervention of an active council. */
export async function addMilestone(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: MilestoneInput | FormBody,
) {
  const input = parseForm(milestoneInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const intervention = await lockedIntervention(tx, council, interventionId);
    const milestone = await irepo.insertMilestone(tx, { interventionId: intervention.id, ...input });
    await auditCouncil(tx, actor, council, {
      action: 'council.milestone_added',
      after: { intervention: intervention.name, milestone: milestone.title, dueOn: milestone.dueOn },
    });
    return milestone;
  });
}

/** Removes a financing line of an intervention of an active council (a line of another intervention: 404). */
export async function removeFinancingLine(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  lineId: string,
) {
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const intervention = await lockedIntervention(tx, council, interventionId);
    const line = isUuid(lineId) ? await irepo.deleteFinancing(tx, intervention.id, lineId) : undefined;
    if (!line) throw new NotFoundError();
    await auditCouncil(tx, actor, council, {
      action: 'council.financing_removed',
      before: {
        intervention: intervention.name,
        organisationId: line.funderOrganisationId,
        amountSek: line.amountSek,
        fromOn: line.fromOn,
        untilOn: line.untilOn,
      },
    });
    return line;
  });
}

/** Removes a milestone of an intervention of an active council (a milestone of another intervention: 404). */
export async function removeMilestone(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  milestoneId: string,
) {
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const intervention = await lockedIntervention(tx, council, interventionId);
    const milestone = isUuid(milestoneId)
      ? await irepo.deleteMilestone(tx, intervention.id, milestoneId)
      : undefined;
    if (!milestone) throw new NotFoundError();
    await auditCouncil(tx, actor, council, {
      action: 'council.milestone_removed',
      before: { intervention: intervention.name, milestone: milestone.title, dueOn: milestone.dueOn },
    });
    return milestone;
  });
}

/** Marks a milestone done: the admin, or a council member of the owning organisation. */
export async function markMilestoneDone(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: { milestoneId?: string; doneOn?: string },
) {
  const input = parseForm(milestoneDoneSchema, raw);
  return db.transaction(async (tx) => {
    const owner = await ownerOf(tx, countyCode, councilId, interventionId);
    const council = await lockCouncilToAnswer(tx, actor, countyCode, councilId, owner);
    const intervention = await lockedIntervention(tx, council, interventionId);
    const milestone = await irepo.markMilestoneDone(tx, intervention.id, input.milestoneId, input.doneOn);
    if (!milestone) throw new ValidationError({ milestoneId: 'Välj ett av insatsens delmål' });
    await auditCouncil(tx, actor, council, {
      action: 'council.milestone_done',
      after: { intervention: intervention.name, milestone: milestone.title, doneOn: input.doneOn },
    });
    return milestone;
  });
}

/** The owning organisation of a council's intervention, read before the locks (checked again under them). */
async function ownerOf(tx: Executor, countyCode: string, councilId: string, interventionId: string) {
  const council = await repo.findCouncil(tx, councilId);
  const intervention =
    council && council.countyCode === countyCode && isUuid(interventionId)
      ? await irepo.findIntervention(tx, council.id, interventionId)
      : undefined;
  if (!intervention) throw new NotFoundError();
  return intervention.ownerOrganisationId;
}

/**
 * Writes one period's report under the locks held: the status moves as the lifecycle lets it (else the reason,
 * as a conflict), the report of the same period is replaced (the audit log keeps what it said).
 */
async function applyProgress(
  tx: Executor,
  actor: UserActor,
  council: CouncilRow,
  intervention: InterventionRow,
  progress: Progress,
) {
  const verdict = lifecycle.interventionMayMove(resourceOf(council), intervention.status, progress.status);
  if (verdict !== true) throw new ConflictError(verdict);
  const { replaced } = await irepo.upsertProgress(tx, {
    interventionId: intervention.id,
    period: progress.period,
    text: progress.text,
    figures: progress.figures,
    status: progress.status,
    reportedBy: actor.id,
  });
  if (progress.status !== intervention.status)
    await irepo.updateIntervention(tx, intervention.id, { status: progress.status });
  await auditCouncil(tx, actor, council, {
    action: replaced ? 'council.progress_replaced' : 'council.progress_reported',
    ...(replaced ? { before: { text: replaced.text, interventionStatus: replaced.status } } : {}),
    after: {
      intervention: intervention.name,
      period: progress.period,
      text: progress.text,
      interventionStatus: progress.status,
    },
  });
}

/**
 * Reports an intervention's progress for a period: the county's admin, or a council member of the owning
 * organisation, while the council is active. A second report for the same period replaces the first.
 */
export async function reportProgress(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  interventionId: string,
  raw: Record<string, unknown>,
): Promise<void> {
  const progress: Progress = parseForm(progressInputSchema, raw);
  await db.transaction(async (tx) => {
    const owner = await ownerOf(tx, countyCode, councilId, interventionId);
    const council = await lockCouncilToAnswer(tx, actor, countyCode, councilId, owner);
    const intervention = await lockedIntervention(tx, council, interventionId);
    // The owner may have changed between the first read and the lock: ask again of the one locked.
    if (intervention.ownerOrganisationId !== owner)
      await lockCouncilToAnswer(tx, actor, countyCode, councilId, intervention.ownerOrganisationId);
    await applyProgress(tx, actor, council, intervention, progress);
  });
}

/** The statuses as the CSV may name them: the code or the Swedish word, in any case. */
export const statusOfWord = (word: string): InterventionStatus | undefined => {
  const w = word.trim().toLowerCase();
  return interventionStatuses.find((s) => s === w || interventionStatusLabels[s].toLowerCase() === w);
};

export { applyProgress, lockedIntervention };

/** An intervention of the council with everything its page shows; undefined for none of the council's. */
export async function interventionDetails(db: Db, councilId: string, interventionId: string) {
  const intervention = isUuid(interventionId)
    ? await irepo.findIntervention(db, councilId, interventionId)
    : undefined;
  if (!intervention) return undefined;
  const [found, priorities, members, participants, financing, milestones, progress] = await Promise.all([
    prepo.findArea(db, councilId, intervention.areaId),
    prepo.listPriorities(db, councilId),
    repo.listMembers(db, councilId),
    irepo.listParticipants(db, intervention.id),
    irepo.listFinancing(db, [intervention.id]),
    irepo.listMilestones(db, intervention.id),
    irepo.listProgress(db, [intervention.id]),
  ]);
  const [areas, strategies, linked] = await Promise.all([
    prepo.listAreas(
      db,
      priorities.map((p) => p.id),
    ),
    srepo.listStrategies(db, councilId),
    irepo.listGoalIds(db, [intervention.id]),
  ]);
  const goals = (
    await srepo.listGoals(
      db,
      strategies.map((s) => s.id),
    )
  ).map((goal) => ({ goal, strategy: strategies.find((s) => s.id === goal.strategyId)! }));
  const named = [
    intervention.ownerOrganisationId,
    ...participants,
    ...financing.flatMap((f) => [f.funderOrganisationId, f.takenOverByOrganisationId ?? '']),
  ].filter(Boolean);
  const names = new Map((await listOrganisationsByIds(db, [...new Set(named)])).map((o) => [o.id, o.name]));
  return {
    intervention,
    area: found!.area,
    priority: found!.priority,
    areas,
    members,
    names,
    participants,
    financing,
    milestones,
    progress,
    /** every vision and goal area of the council's strategies, and the ones the intervention serves */
    goals,
    goalIds: linked.map((g) => g.goalId),
  };
}
