import { z } from 'zod';
import type { Db, Executor } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { stockholmDate } from '../../platform/time.ts';
import { dateProblem, fieldErrorsFrom, fields, isUuid, type DateName } from '../../platform/validation.ts';
import { findEvent, listEvents, type EventRow } from '../events/index.ts';
import { findRound, listRoundsForCounty, type Round } from '../situation/index.ts';
import { yearStepKindLabels, yearStepStatusLabels } from './labels.ts';
import type { CouncilRow } from './repository.ts';
import { auditCouncil, lockCouncilFor } from './service.ts';
import { yearStepKinds, yearStepStatuses, type YearStepKind } from './tables.ts';
import * as repo from './year-plan-repository.ts';
import type { YearStepRow } from './year-plan-repository.ts';

/**
 * The yearly cycle (årshjul): per council and year the four steps of seed 001's yearly model, each with its
 * dates, status and the lägesbild round and the event that carry it. Only the county's own rounds (and the
 * national ones it takes part in) and the county's own events may be linked: the service checks them under
 * the council's lock, and another county's id is refused as a choice that is not on the list.
 */

/** The years a plan may be for: wide enough for any council, narrow enough to refuse nonsense. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** The year asked for (`?ar=2026`), or this year when none or no sensible one is given. */
export function yearOf(raw: unknown, now = new Date()): number {
  const year = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  return year >= YEAR_MIN && year <= YEAR_MAX ? year : Number(stockholmDate(now).slice(0, 4));
}

/**
 * Where a new year's steps fall until the council says otherwise: the situational picture in the spring,
 * its dissemination before the summer, the reference group in the autumn, the focus areas at the year's end.
 */
const defaultSpan: Record<YearStepKind, [string, string]> = {
  situational_picture: ['01-15', '04-30'],
  knowledge: ['05-01', '06-30'],
  reference_group: ['08-15', '10-31'],
  focus_areas: ['11-01', '12-15'],
};

const optionalDate = (name: DateName) =>
  z
    .string({ error: `Ange ${name.a} som ÅÅÅÅ-MM-DD` })
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .superRefine((value, ctx) => {
      const problem = value ? dateProblem(value, name) : undefined;
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => v ?? '');

export const YEAR_STEP_LIMITS = { title: 200, notes: 5000 } as const;

export const yearStepInputSchema = z
  .object({
    title: fields.requiredText('Ange en rubrik', YEAR_STEP_LIMITS.title, 'Rubriken'),
    notes: fields.optionalText(YEAR_STEP_LIMITS.notes, 'Anteckningar'),
    startsOn: optionalDate({ a: 'startdatum', the: 'startdatumet' }),
    endsOn: optionalDate({ a: 'slutdatum', the: 'slutdatumet' }),
    status: z.enum(yearStepStatuses, { message: 'Välj status' }),
    roundId: optionalId,
    eventId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.startsOn && v.endsOn && v.endsOn < v.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Slutdatumet kan inte vara före startdatumet',
      });
  });
export type YearStepInput = z.input<typeof yearStepInputSchema>;

const linksSchema = z.object({ roundId: optionalId, eventId: optionalId });

/** A step with what carries it, as the year plan shows it. */
export interface YearStepView extends YearStepRow {
  kindLabel: string;
  statusLabel: string;
  round: Pick<Round, 'id' | 'title'> | undefined;
  event: Pick<EventRow, 'id' | 'title' | 'slug' | 'status' | 'startsAt'> | undefined;
}

/** A council's plan for a year: its steps in the model's order (none before the admin creates them). */
export async function yearPlan(db: Db, council: CouncilRow, year: number): Promise<YearStepView[]> {
  const steps = await repo.listYearSteps(db, council.id, year);
  return Promise.all(steps.map((s) => viewOf(db, council.countyCode, s)));
}

/** One step of the council's year, or undefined for none (another council's step is none). */
export async function yearStepOf(
  db: Db,
  council: CouncilRow,
  stepId: string,
): Promise<YearStepView | undefined> {
  const step = await repo.findYearStep(db, council.id, stepId);
  return step ? viewOf(db, council.countyCode, step) : undefined;
}

async function viewOf(db: Executor, countyCode: string, step: YearStepRow): Promise<YearStepView> {
  const [round, event] = await Promise.all([
    step.roundId ? roundOfCounty(db, countyCode, step.roundId) : undefined,
    step.eventId ? findEvent(db, countyCode, step.eventId) : undefined,
  ]);
  return {
    ...step,
    kindLabel: yearStepKindLabels[step.kind],
    statusLabel: yearStepStatusLabels[step.status],
    round,
    event,
  };
}

/** A round the county may link: its own, or a national one it takes part in; never another county's. */
async function roundOfCounty(db: Executor, countyCode: string, id: string): Promise<Round | undefined> {
  if (!isUuid(id)) return undefined;
  const round = await findRound(db, id);
  if (!round || round.cancelledAt) return undefined;
  return round.scope === 'national' || round.countyCode === countyCode ? round : undefined;
}

/** The rounds and events a step of the year may be linked to: the county's, the year's events. */
export async function yearStepChoices(db: Db, countyCode: string, year: number) {
  const [rounds, events] = await Promise.all([
    listRoundsForCounty(db, countyCode),
    listEvents(db, {
      countyCode,
      from: new Date(Date.UTC(year - 1, 11, 31)),
      to: new Date(Date.UTC(year + 1, 0, 1)),
    }),
  ]);
  return {
    rounds: rounds.filter((r) => !r.cancelledAt && !r.isTest).map((r) => ({ value: r.id, label: r.title })),
    events: events.map((e) => ({ value: e.id, label: `${e.title} (${stockholmDate(e.startsAt)})` })),
  };
}

/** The model's four steps of a year, with their titles and suggested spans: what "Skapa årets steg" makes. */
export const modelYear = (councilId: string, year: number) =>
  yearStepKinds.map((kind) => ({
    councilId,
    year,
    kind,
    title: yearStepKindLabels[kind],
    startsOn: `${year}-${defaultSpan[kind][0]}`,
    endsOn: `${year}-${defaultSpan[kind][1]}`,
  }));

/**
 * Creates the year's four steps (the model's titles and a suggested span each), under the council's lock: a
 * second click, or two at once, finds the steps there and creates nothing more. Returns the steps created.
 */
export async function createYearSteps(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  year: number,
): Promise<YearStepRow[]> {
  if (!Number.isInteger(year) || year < YEAR_MIN || year > YEAR_MAX)
    throw new ValidationError({ ar: `Ange ett år mellan ${YEAR_MIN} och ${YEAR_MAX}` });
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const created = await repo.insertMissingYearSteps(tx, modelYear(council.id, year));
    if (created.length > 0)
      await auditCouncil(tx, actor, council, {
        action: 'council.year_steps_created',
        after: { year, steps: created.map((s) => s.title) },
      });
    return created;
  });
}

/** Changes a step of the year; the round and the event must be the county's (else the field says so). */
export async function editYearStep(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  stepId: string,
  raw: YearStepInput,
): Promise<YearStepRow> {
  // Every problem at once: the form's own, and the links the county has or lacks (asked under the lock).
  const parsed = yearStepInputSchema.safeParse(raw ?? {});
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const links = linksSchema.safeParse(raw ?? {});
  const { roundId, eventId } = links.success ? links.data : { roundId: '', eventId: '' };
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const before = await repo.findYearStep(tx, council.id, stepId);
    if (!before) throw new NotFoundError();
    const round = roundId ? await roundOfCounty(tx, countyCode, roundId) : undefined;
    if (roundId && !round) errors.roundId ??= 'Välj en av länets lägesbildsomgångar i listan';
    const event = eventId ? await findEvent(tx, countyCode, eventId) : undefined;
    if (eventId && !event) errors.eventId ??= 'Välj ett av länets evenemang i listan';
    if (!parsed.success || Object.keys(errors).length > 0) throw new ValidationError(errors);
    const input = parsed.data;
    const step = await repo.updateYearStep(tx, before.id, {
      title: input.title,
      notes: input.notes,
      startsOn: input.startsOn || null,
      endsOn: input.endsOn || null,
      status: input.status,
      roundId: round?.id ?? null,
      eventId: event?.id ?? null,
    });
    const was = await viewOf(tx, countyCode, before);
    const is = await viewOf(tx, countyCode, step);
    await auditCouncil(tx, actor, council, {
      action: 'council.year_step_edited',
      before: auditSummary(was),
      after: auditSummary(is),
    });
    return step;
  });
}

/** What the audit log keeps of a step: its words and dates, and the titles of what carries it. */
const auditSummary = (s: YearStepView) => ({
  year: s.year,
  title: s.title,
  startsOn: s.startsOn ?? '',
  endsOn: s.endsOn ?? '',
  stepStatus: s.status,
  round: s.round?.title ?? '',
  event: s.event?.title ?? '',
});
