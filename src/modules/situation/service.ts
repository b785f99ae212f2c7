import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { listOrganisations } from '../reference/index.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import * as forms from '../forms/index.ts';
import { validateForSubmit } from '../forms/index.ts';
import { defaultDefinition, DEFAULT_TEMPLATE_TITLE } from './default-template.ts';
import { QUESTIONNAIRE_OWNER } from './questionnaires.ts';
import type { Answers, Definition } from '../forms/index.ts';
import { mayRespondFor, situationGlobalPolicy, situationPolicy } from './policy.ts';
import * as repo from './repository.ts';
import type { RoundInput } from './schemas.ts';

/** The default questionnaire's newest version, created on first use. */
export function ensureDefaultQuestionnaire(db: Db): Promise<string> {
  return forms.ensureQuestionnaire(db, QUESTIONNAIRE_OWNER, DEFAULT_TEMPLATE_TITLE, defaultDefinition);
}

export function definitionOf(db: Db, round: repo.Round): Promise<Definition> {
  return forms.definitionOfVersion(db, round.questionnaireVersionId);
}

/**
 * Opens a round: national (by the national coordinator; every county takes part) or a county's own.
 * Each taking-part county starts with all its municipalities as respondents; the county adjusts the list.
 */
export async function openRound(
  deps: Deps,
  actor: UserActor,
  scope: { kind: 'national' } | { kind: 'county'; countyCode: string },
  input: RoundInput,
): Promise<repo.Round> {
  const allowed =
    scope.kind === 'national'
      ? situationGlobalPolicy['national.coordinate'](actor)
      : situationPolicy['round.manage'](actor, { countyCode: scope.countyCode });
  if (!allowed) throw new NotFoundError();
  // National rounds use national templates; a county's round national ones or the county's own.
  const version = await forms.findUsableVersion(
    deps.db,
    { owner: QUESTIONNAIRE_OWNER, countyCode: scope.kind === 'county' ? scope.countyCode : null },
    input.questionnaireVersionId,
  );
  if (!version) throw new ValidationError({ questionnaireVersionId: 'Välj ett formulär' });
  const municipalities = await listOrganisations(deps.db, {
    type: 'municipality',
    ...(scope.kind === 'county' ? { countyCode: scope.countyCode } : {}),
  });
  return deps.db.transaction(async (tx) => {
    const round = await repo.insertRound(tx, {
      scope: scope.kind,
      countyCode: scope.kind === 'county' ? scope.countyCode : null,
      title: input.title,
      topic: input.topic,
      questionnaireVersionId: version.id,
      shareAnswersNationally: scope.kind === 'national' && input.shareAnswersNationally,
      createdBy: actor.id,
    });
    await repo.insertOccasions(
      tx,
      input.occasions.map((o, i) => ({ roundId: round.id, sequence: i + 1, ...o })),
    );
    await repo.insertRespondents(
      tx,
      municipalities.map((m) => ({ roundId: round.id, countyCode: m.countyCode!, organisationId: m.id })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: round.countyCode,
      action: 'round.opened',
      entityType: 'round',
      entityId: round.id,
      after: { title: round.title, scope: round.scope, occasions: input.occasions.length },
    });
    return round;
  });
}

/** A round as seen from a county: national rounds and the county's own; anything else is 404. */
export async function roundInCounty(db: Db, roundId: string, countyCode: string): Promise<repo.Round> {
  const round = await repo.findRound(db, roundId);
  if (!round || (round.scope === 'county' && round.countyCode !== countyCode)) throw new NotFoundError();
  return round;
}

export async function occasionOfRound(db: Db, round: repo.Round, occasionId: string): Promise<repo.Occasion> {
  const occasion = await repo.findOccasion(db, occasionId);
  if (!occasion || occasion.roundId !== round.id) throw new NotFoundError();
  return occasion;
}

/** The county chooses who answers: its municipalities by default, the region and other organisations. */
export async function setRespondents(
  deps: Deps,
  actor: UserActor,
  round: repo.Round,
  countyCode: string,
  organisationIds: string[],
): Promise<void> {
  if (!situationPolicy['round.manage'](actor, { countyCode })) throw new NotFoundError();
  const eligible = await listOrganisations(deps.db, { countyCode, includeNational: true });
  const eligibleIds = new Set(eligible.filter((o) => o.type !== 'county_board').map((o) => o.id));
  const chosen = [...new Set(organisationIds)].filter((id) => eligibleIds.has(id));
  if (chosen.length === 0)
    throw new ValidationError({ organisationIds: 'Välj minst en organisation som ska svara' });
  const names = new Map(eligible.map((o) => [o.id, o.name]));
  await deps.db.transaction(async (tx) => {
    const occasionIds = (await repo.listOccasions(tx, round.id)).map((o) => o.id);
    if (await repo.anyRegionalPictureSubmitted(tx, occasionIds, countyCode)) {
      throw new ValidationError({
        organisationIds: 'Länets lägesbild är inskickad; de svarande kan inte längre ändras.',
      });
    }
    const current = await repo.listRespondents(tx, round.id, countyCode);
    const currentIds = new Set(current.map((r) => r.organisationId));
    const removed = current.filter((r) => !chosen.includes(r.organisationId)).map((r) => r.organisationId);
    const added = chosen.filter((id) => !currentIds.has(id));
    const answered = await repo.respondentsWithResponses(tx, round.id);
    const keep = removed.filter((id) => answered.has(id));
    if (keep.length) {
      throw new ValidationError({
        organisationIds: `${keep.map((id) => names.get(id)).join(', ')} har redan börjat svara och kan inte tas bort.`,
      });
    }
    const taken = new Set(
      (await repo.respondentsOfOtherCounties(tx, round.id, countyCode)).map((r) => r.organisationId),
    );
    const clash = added.filter((id) => taken.has(id));
    if (clash.length) {
      throw new ValidationError({
        organisationIds: `${clash.map((id) => names.get(id)).join(', ')} svarar redan för ett annat län i den här omgången.`,
      });
    }
    await repo.deleteRespondents(tx, round.id, removed);
    await repo.insertRespondents(
      tx,
      added.map((organisationId) => ({ roundId: round.id, countyCode, organisationId })),
    );
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'round.respondents_changed',
      entityType: 'round',
      entityId: round.id,
      before: { organisationIds: [...currentIds] },
      after: { organisationIds: chosen },
    });
  });
}

/** Answering is open from the opening date to the deadline, or after it where the county reopened it. */
export function isAnsweringOpen(
  occasion: repo.Occasion,
  response: repo.ResponseRow | null,
  now = new Date(),
): boolean {
  // After the lock date nothing is answered, reopened or not.
  if (now < occasion.opensAt || now > occasion.locksAt) return false;
  return now <= occasion.deadlineAt || Boolean(response?.reopened);
}

export interface Assignment {
  round: repo.Round;
  occasion: repo.Occasion;
  respondent: NonNullable<Awaited<ReturnType<typeof repo.findRespondent>>>;
  response: repo.ResponseRow | null;
  definition: Definition;
  organisationName: string;
}

/** The respondent's view of one occasion; only reporters of the organisation reach it (others: 404). */
export async function loadAssignment(
  deps: Deps,
  actor: UserActor,
  occasionId: string,
  organisationId: string,
): Promise<Assignment> {
  if (!mayRespondFor(actor, organisationId)) throw new NotFoundError();
  const occasion = await repo.findOccasion(deps.db, occasionId);
  if (!occasion) throw new NotFoundError();
  const round = (await repo.findRound(deps.db, occasion.roundId))!;
  const respondent = await repo.findRespondent(deps.db, round.id, organisationId);
  if (!respondent) throw new NotFoundError();
  const response = (await repo.findResponse(deps.db, occasion.id, respondent.id)) ?? null;
  const membership = actor.memberships.find((m) => m.organisationId === organisationId)!;
  return {
    round,
    occasion,
    respondent,
    response,
    definition: await definitionOf(deps.db, round),
    organisationName: membership.organisationName,
  };
}

export class EditConflictError extends ConflictError {
  constructor() {
    super(
      'Någon annan har sparat det här svaret medan du arbetade. Dina ändringar är inte sparade: de visas nedan, jämför med det som nu är sparat och spara igen.',
    );
  }
}

/**
 * Saves a draft or submits. `expectedVersion` is the version the user's form was built from: if someone
 * saved in between, nothing is written and EditConflictError says so.
 */
export async function saveResponse(
  deps: Deps,
  actor: UserActor,
  a: Assignment,
  input: { answers: Answers; expectedVersion: number; submit: boolean },
): Promise<repo.ResponseRow> {
  if (a.response && (a.response.status === 'submitted' || a.response.status === 'approved')) {
    throw new ConflictError(
      a.response.status === 'approved' ? 'Svaret är godkänt och låst.' : 'Svaret är redan inskickat.',
    );
  }
  if (!isAnsweringOpen(a.occasion, a.response)) {
    throw new ValidationError({
      _form: 'Svarstiden har gått ut. Kontakta länsstyrelsen om ni behöver lämna svar.',
    });
  }
  if (await repo.anyRegionalPictureSubmitted(deps.db, [a.occasion.id], a.respondent.countyCode)) {
    throw new ConflictError(
      'Länsstyrelsen har redan skickat in länets lägesbild för det här tillfället; svaret kan inte längre ändras.',
    );
  }
  if (input.submit) {
    const errors = validateForSubmit(a.definition, input.answers);
    if (Object.keys(errors).length) throw new ValidationError(errors);
  }
  return deps.db.transaction(async (tx) => {
    const existing =
      a.response ??
      (await repo.insertResponse(tx, {
        occasionId: a.occasion.id,
        respondentId: a.respondent.id,
        countyCode: a.respondent.countyCode,
        organisationId: a.respondent.organisationId,
        updatedBy: actor.id,
      }));
    const status = input.submit ? 'submitted' : existing.status === 'returned' ? 'returned' : 'draft';
    const saved = await repo.updateResponse(
      tx,
      existing.id,
      input.expectedVersion,
      {
        answers: input.answers,
        status,
        ...(input.submit ? { submittedAt: new Date() } : {}),
        updatedBy: actor.id,
      },
      ['draft', 'returned'],
    );
    if (!saved) throw new EditConflictError();
    await repo.insertResponseVersion(tx, {
      responseId: saved.id,
      version: saved.version,
      status,
      answers: input.answers,
      note: null,
      changedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: saved.countyCode,
      action: input.submit ? 'response.submitted' : 'response.saved',
      entityType: 'response',
      entityId: saved.id,
      before: { status: existing.status, version: existing.version },
      after: { status, version: saved.version },
    });
    return saved;
  });
}

/** A response as the county sees it; another county's response is 404. */
export async function responseInCounty(db: Db, responseId: string, countyCode: string) {
  const response = await repo.findResponseById(db, responseId);
  if (!response || response.countyCode !== countyCode) throw new NotFoundError();
  const occasion = (await repo.findOccasion(db, response.occasionId))!;
  const round = (await repo.findRound(db, occasion.roundId))!;
  return { response, occasion, round, definition: await definitionOf(db, round) };
}

async function changeStatus(
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
  change: {
    from: repo.ResponseRow['status'][];
    to: repo.ResponseRow['status'];
    action: string;
    note?: string;
    reopened?: boolean;
  },
): Promise<repo.ResponseRow> {
  if (!situationPolicy['round.manage'](actor, { countyCode: response.countyCode })) throw new NotFoundError();
  const stale = new ConflictError(
    'Svaret har ändrats sedan du öppnade sidan; läs det igen innan du fortsätter.',
  );
  if (response.version !== expectedVersion || !change.from.includes(response.status)) throw stale;
  const occasion = (await repo.findOccasion(deps.db, response.occasionId))!;
  if (new Date() > occasion.locksAt)
    throw new ConflictError('Tillfället är låst; svaren kan inte längre ändras.');
  if (await repo.anyRegionalPictureSubmitted(deps.db, [occasion.id], response.countyCode)) {
    throw new ConflictError('Länets lägesbild är inskickad; svaren kan inte längre ändras.');
  }
  return deps.db.transaction(async (tx) => {
    const saved = await repo.updateResponse(tx, response.id, expectedVersion, {
      status: change.to,
      updatedBy: actor.id,
      ...(change.to === 'approved' ? { approvedAt: new Date() } : {}),
      ...(change.note !== undefined ? { returnComment: change.note } : {}),
      ...(change.reopened !== undefined ? { reopened: change.reopened } : {}),
    });
    if (!saved) throw stale;
    await repo.insertResponseVersion(tx, {
      responseId: saved.id,
      version: saved.version,
      status: change.to,
      answers: saved.answers,
      note: change.note ?? null,
      changedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: saved.countyCode,
      action: change.action,
      entityType: 'response',
      entityId: saved.id,
      before: { status: response.status },
      after: { status: change.to, ...(change.note ? { comment: change.note } : {}) },
    });
    if (change.to === 'returned') {
      const round = (await repo.findRound(tx, occasion.roundId))!;
      for (const to of await repo.reporterEmails(tx, saved.organisationId)) {
        await enqueueTemplatedMail(tx, {
          to,
          template: 'situation.response-returned',
          locale: 'sv',
          vars: {
            roundTitle: round.title,
            occasionLabel: occasion.label,
            comment: change.note ?? '',
            url: `${deps.config.publicUrl}/uppdrag/${occasion.id}/${saved.organisationId}`,
          },
        });
      }
    }
    return saved;
  });
}

export const returnResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
  comment: string,
) =>
  changeStatus(deps, actor, response, expectedVersion, {
    from: ['submitted'],
    to: 'returned',
    action: 'response.returned',
    note: comment,
    reopened: true,
  });

export const approveResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
) =>
  changeStatus(deps, actor, response, expectedVersion, {
    from: ['submitted'],
    to: 'approved',
    action: 'response.approved',
  });

/** Opens answering again after the deadline for one respondent. */
export const reopenResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
) =>
  changeStatus(deps, actor, response, expectedVersion, {
    from: ['draft', 'returned'],
    to: response.status,
    action: 'response.reopened',
    reopened: true,
  });

/** Creates the (empty) response a county needs to reopen for a respondent who never started. */
export async function ensureResponse(
  db: Db,
  occasion: repo.Occasion,
  respondent: repo.RespondentView,
): Promise<repo.ResponseRow> {
  return (
    (await repo.findResponse(db, occasion.id, respondent.id)) ??
    repo.insertResponse(db, {
      occasionId: occasion.id,
      respondentId: respondent.id,
      countyCode: respondent.countyCode,
      organisationId: respondent.organisationId,
    })
  );
}

/**
 * Reminds the respondents that have not submitted, a configurable number of days before the deadline:
 * one e-mail per reporter, once per occasion. Runs with the periodic maintenance of the job runner.
 */
export async function sendDueReminders(db: Db, publicUrl: string): Promise<number> {
  let sent = 0;
  for (const occasion of await repo.listOccasionsDueForReminder(db)) {
    await db.transaction(async (tx) => {
      if (!(await repo.markReminded(tx, occasion.id))) return;
      const round = (await repo.findRound(tx, occasion.roundId))!;
      for (const { respondent, response } of await repo.listOccasionResponses(tx, occasion.id, round.id)) {
        if (response && response.status !== 'draft' && response.status !== 'returned') continue;
        for (const to of await repo.reporterEmails(tx, respondent.organisationId)) {
          await enqueueTemplatedMail(tx, {
            to,
            template: 'situation.answer-reminder',
            locale: 'sv',
            vars: {
              respondentName: respondent.name,
              roundTitle: round.title,
              occasionLabel: occasion.label,
              deadlineAt: occasion.deadlineAt,
              url: `${publicUrl}/uppdrag/${occasion.id}/${respondent.organisationId}`,
            },
          });
          sent++;
        }
      }
    });
  }
  return sent;
}

export const countyName = (code: string): string => findCountyByCode(code)?.name ?? code;
