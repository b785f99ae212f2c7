import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import {
  allQuestions,
  mergeAnswers,
  validateForSubmit,
  type Answers,
  type Definition,
  type Question,
} from '../forms/index.ts';
import { answeringOpen, type PictureState } from './lifecycle.ts';
import { authorize, mayRespondFor } from './policy.ts';
import * as repo from './repository.ts';
import { definitionOf } from './rounds.ts';
import { urls } from './urls.ts';

/** One occasion as a respondent organisation answers it. */
export interface Assignment {
  round: repo.Round;
  occasion: repo.Occasion;
  respondent: repo.RespondentRow;
  response: repo.ResponseRow | null;
  /** the county's regional picture of the occasion (once submitted, answers no longer change) */
  picture: PictureState | null;
  definition: Definition;
  organisationName: string;
  /** whom to ask at the county board about the task */
  contacts: repo.Contact[];
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
  const [response, picture, definition, contacts] = await Promise.all([
    repo.findResponse(deps.db, occasion.id, respondent.id),
    repo.findRegionalPicture(deps.db, occasion.id, respondent.countyCode),
    definitionOf(deps.db, round),
    repo.countyContacts(deps.db, respondent.countyCode),
  ]);
  const membership = actor.memberships.find((m) => m.organisationId === organisationId)!;
  return {
    round,
    occasion,
    respondent,
    response: response ?? null,
    picture: picture ? { status: picture.status } : null,
    definition,
    organisationName: membership.organisationName,
    contacts,
  };
}

/** The reporter's assignments, each open or closed by the same rule the form uses. */
export async function listAssignments(db: Db, actor: UserActor, now = new Date()) {
  const organisationIds = actor.memberships.filter((m) => m.role === 'reporter').map((m) => m.organisationId);
  const rows = await repo.listAssignments(db, organisationIds);
  return rows.map((r) => ({ ...r, open: answeringOpen(r, { reopened: Boolean(r.reopened) }, now) === true }));
}

export class EditConflictError extends ConflictError {
  constructor() {
    super(
      'Någon annan har sparat det här svaret medan du arbetade. Dina ändringar är inte sparade: de visas nedan, jämför med det som nu är sparat och spara igen.',
    );
  }
}

/**
 * Saves a draft or submits. A draft keeps everything typed: the answers and the input kept as typed for
 * `questions` (all by default) replace what is stored for them, every other question keeps its own; only a
 * submission is validated strictly, and a refused one writes nothing. `expectedVersion` is the version the
 * user's form was built from: if someone saved in between, nothing is written and EditConflictError says so.
 * The county's regional picture and the response are locked first, so a response never changes under a
 * picture being submitted.
 */
export async function saveResponse(
  deps: Deps,
  actor: UserActor,
  a: Assignment,
  input: {
    answers: Answers;
    invalidInput?: Record<string, string>;
    questions?: Question[];
    expectedVersion: number;
    submit: boolean;
  },
): Promise<repo.ResponseRow> {
  return deps.db.transaction(async (tx) => {
    // The round first: a cancel or a change of dates waits for this answer, or this answer for it.
    const round = (await repo.shareLockRound(tx, a.round.id)) ?? a.round;
    const occasion = (await repo.findOccasion(tx, a.occasion.id)) ?? a.occasion;
    const picture = await repo.lockRegionalPicture(tx, a.occasion.id, a.respondent.countyCode);
    const existing = await repo.lockOrCreateResponse(tx, {
      occasionId: a.occasion.id,
      respondentId: a.respondent.id,
      countyCode: a.respondent.countyCode,
      organisationId: a.respondent.organisationId,
      updatedBy: actor.id,
    });
    authorize(actor, input.submit ? 'response.submit' : 'response.save', {
      countyCode: a.respondent.countyCode,
      organisationId: a.respondent.organisationId,
      response: existing,
      occasion,
      picture,
      round,
    });
    if (existing.version !== input.expectedVersion) throw new EditConflictError();
    const state = mergeAnswers(
      a.definition,
      existing,
      { answers: input.answers, invalidInput: input.invalidInput ?? {} },
      input.questions ?? allQuestions(a.definition),
    );
    if (input.submit) {
      const errors = validateForSubmit(a.definition, state);
      if (Object.keys(errors).length) throw new ValidationError(errors);
    }
    const status = input.submit ? 'submitted' : existing.status === 'returned' ? 'returned' : 'draft';
    const saved = await repo.updateResponse(tx, existing.id, existing.version, {
      answers: state.answers,
      invalidInput: state.invalidInput,
      status,
      ...(input.submit ? { submittedAt: new Date() } : {}),
      updatedBy: actor.id,
    });
    if (!saved) throw new EditConflictError();
    await repo.insertResponseVersion(tx, {
      responseId: saved.id,
      version: saved.version,
      status,
      answers: state.answers,
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
              url: `${publicUrl}${urls.assignment(occasion.id, respondent.organisationId)}`,
            },
          });
          sent++;
        }
      }
    });
  }
  return sent;
}
