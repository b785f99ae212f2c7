import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { stockholmDate } from '../../platform/time.ts';
import { dateProblem, fields, parseForm } from '../../platform/validation.ts';
import * as drepo from './decisions-repository.ts';
import type { DecisionRow } from './decisions-repository.ts';
import { decisionState, type DecisionState } from './lifecycle.ts';
import { authorize } from './policy.ts';
import * as repo from './repository.ts';
import { auditCouncil, lockCouncilFor } from './service.ts';

/**
 * The council's decision register: a decision has a number ("2025:3", given per council and year when left
 * empty), a date, the body that took it, a title and a text, and is in force until further notice, until an
 * end date, or until a later decision replaces it (the earlier then ends; each links to the other). Recording
 * one locks the council, so numbers are given one at a time and a decision is replaced exactly once.
 */

export const DECISION_LIMITS = { number: 40, title: 300, text: 50_000 };
export const validities = ['until_further_notice', 'until_date'] as const;

export const decisionInputSchema = z
  .object({
    number: fields.optionalText(DECISION_LIMITS.number, 'Beslutsnumret'),
    decidedOn: fields.date({ a: 'beslutsdatum', the: 'beslutsdatumet' }),
    bodyId: z
      .string({ error: 'Välj vilken grupp som fattade beslutet' })
      .trim()
      .min(1, 'Välj vilken grupp som fattade beslutet'),
    title: fields.requiredText('Ange vad beslutet gäller', DECISION_LIMITS.title, 'Rubriken'),
    text: fields.optionalText(DECISION_LIMITS.text, 'Beslutstexten'),
    validity: z.enum(validities, { message: 'Välj hur länge beslutet gäller' }),
    validUntil: z.string().trim().default(''),
    replacesId: z.string().trim().default(''),
    agendaItemId: z.string().trim().default(''),
  })
  .superRefine((v, ctx) => {
    if (v.validity !== 'until_date') return;
    const problem = dateProblem(v.validUntil, { a: 'slutdatum', the: 'slutdatumet' });
    if (problem) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: problem });
    else if (v.validUntil < v.decidedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: 'Beslutet kan inte sluta gälla innan det fattades',
      });
  });
export type DecisionInput = z.input<typeof decisionInputSchema>;

/** The next free number of the year: one more than the highest "YYYY:n" given. */
export function nextNumber(year: string, taken: string[]): string {
  const highest = Math.max(
    0,
    ...taken
      .map((n) => /^\d{4}:(\d+)$/.exec(n)?.[1])
      .filter((n): n is string => !!n)
      .map(Number),
  );
  return `${year}:${highest + 1}`;
}

/**
 * Records a decision of one of an active council's bodies; when it replaces an earlier decision, that one
 * ends (checked under the council's lock: of two replacing the same decision, one wins and the other is a
 * conflict with the reason). Optionally the agenda item it was taken under.
 */
export async function recordDecision(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  raw: DecisionInput,
): Promise<DecisionRow> {
  const input = parseForm(decisionInputSchema, raw);
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const body = (await repo.listBodies(tx, council.id)).find((b) => b.id === input.bodyId);
    if (!body) throw new ValidationError({ bodyId: 'Välj en av rådets grupper' });
    const replaces = input.replacesId
      ? await drepo.findDecision(tx, council.id, input.replacesId)
      : undefined;
    if (input.replacesId && !replaces) throw new ValidationError({ replacesId: 'Välj ett beslut i listan' });
    if (replaces)
      authorize(actor, 'decision.replace', {
        countyCode,
        council: { id: council.id, countyCode: council.countyCode, status: council.status },
        decision: replaces,
        by: { decidedOn: input.decidedOn },
      });
    const item = input.agendaItemId
      ? (await drepo.listAgendaChoices(tx, council.id)).find((i) => i.itemId === input.agendaItemId)
      : undefined;
    if (input.agendaItemId && !item)
      throw new ValidationError({ agendaItemId: 'Välj en punkt på ett av rådets möten' });
    let number = input.number;
    if (!number)
      number = nextNumber(
        input.decidedOn.slice(0, 4),
        await drepo.numbersOfYear(tx, council.id, input.decidedOn.slice(0, 4)),
      );
    else if (await drepo.numberTaken(tx, council.id, number))
      throw new ValidationError({ number: `Rådet har redan ett beslut med nummer ${number}` });
    const decision = await drepo.insertDecision(tx, {
      councilId: council.id,
      bodyId: body.id,
      number,
      decidedOn: input.decidedOn,
      title: input.title,
      text: input.text,
      validUntil: input.validity === 'until_date' ? input.validUntil : null,
      meetingId: item?.meetingId ?? null,
    });
    if (replaces)
      await drepo.markReplaced(tx, replaces.id, {
        replacedById: decision.id,
        validUntil:
          replaces.validUntil && replaces.validUntil < decision.decidedOn
            ? replaces.validUntil
            : decision.decidedOn,
      });
    if (item) await drepo.linkAgendaItem(tx, item.itemId, decision.id);
    await auditCouncil(tx, actor, council, {
      action: 'council.decision_recorded',
      after: {
        decisionNumber: decision.number,
        decision: decision.title,
        body: body.name,
        decidedOn: decision.decidedOn,
        validUntil: decision.validUntil,
        ...(replaces ? { replaces: replaces.number } : {}),
      },
    });
    return decision;
  });
}

/** A decision with its state today. */
export interface DecisionListed extends DecisionRow {
  state: DecisionState;
}

export function withState(decisions: DecisionRow[], now = new Date()): DecisionListed[] {
  const today = stockholmDate(now);
  return decisions.map((d) => ({ ...d, state: decisionState(d, today) }));
}

/** A decision's page: it, its state, what replaced it and what it replaced, and where it was taken. */
export async function decisionPage(db: Db, councilId: string, decisionId: string, now = new Date()) {
  const decision = await drepo.findDecision(db, councilId, decisionId);
  if (!decision) throw new NotFoundError();
  const all = await drepo.listDecisions(db, councilId);
  const [listed] = withState([decision], now);
  return {
    decision: listed!,
    replacedBy: all.find((d) => d.id === decision.replacedById),
    replaces: all.filter((d) => d.replacedById === decision.id),
    agendaItem: await drepo.agendaItemOf(db, decision.id),
  };
}
