import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { authorize, decide, type StateAction } from './policy.ts';
import * as repo from './repository.ts';
import { urls } from './urls.ts';

/** The county's review of a response: return for completion, approve, reopen after the deadline. */

type ReviewAction = Extract<StateAction, 'response.approve' | 'response.return' | 'response.reopen'>;

interface Change {
  action: ReviewAction;
  /** the audit event */
  event: string;
  to: (current: repo.ResponseRow) => repo.ResponseRow['status'];
  note?: string;
  reopened?: boolean;
}

const stale = () =>
  new ConflictError('Svaret har ändrats sedan du öppnade sidan; läs det igen innan du fortsätter.');

/**
 * One state change, in one transaction: lock the county's regional picture of the occasion and the response,
 * then ask the policy with what is locked. `expectedVersion` is the version the reviewer read (null where the
 * page carries none: reopening a respondent from the occasion's list).
 */
async function changeStatus(
  deps: Deps,
  actor: UserActor,
  target: { occasionId: string; respondentId: string; countyCode: string; organisationId: string },
  expectedVersion: number | null,
  change: Change,
): Promise<repo.ResponseRow> {
  return deps.db.transaction(async (tx) => {
    const occasion = await repo.findOccasion(tx, target.occasionId);
    if (!occasion) throw new NotFoundError();
    const picture = await repo.lockRegionalPicture(tx, occasion.id, target.countyCode);
    const current = await repo.lockOrCreateResponse(tx, {
      occasionId: occasion.id,
      respondentId: target.respondentId,
      countyCode: target.countyCode,
      organisationId: target.organisationId,
    });
    const resource = { ...target, response: current, occasion, picture };
    // Someone without the role learns nothing; a reviewer who read an older version is told so first.
    const role = decide(actor, change.action, resource);
    if (!role.allowed && role.refusal === 'role') throw new NotFoundError();
    if (expectedVersion !== null && current.version !== expectedVersion) throw stale();
    authorize(actor, change.action, resource);
    const to = change.to(current);
    const saved = await repo.updateResponse(tx, current.id, current.version, {
      status: to,
      updatedBy: actor.id,
      ...(to === 'approved' ? { approvedAt: new Date() } : {}),
      ...(change.note !== undefined ? { returnComment: change.note } : {}),
      ...(change.reopened !== undefined ? { reopened: change.reopened } : {}),
    });
    if (!saved) throw stale();
    await repo.insertResponseVersion(tx, {
      responseId: saved.id,
      version: saved.version,
      status: to,
      answers: saved.answers,
      note: change.note ?? null,
      changedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: saved.countyCode,
      action: change.event,
      entityType: 'response',
      entityId: saved.id,
      before: { status: current.status },
      after: { status: to, ...(change.note ? { comment: change.note } : {}) },
    });
    if (to === 'returned') {
      const round = (await repo.findRound(tx, occasion.roundId))!;
      for (const email of await repo.reporterEmails(tx, saved.organisationId)) {
        await enqueueTemplatedMail(tx, {
          to: email,
          template: 'situation.response-returned',
          locale: 'sv',
          vars: {
            roundTitle: round.title,
            occasionLabel: occasion.label,
            comment: change.note ?? '',
            url: `${deps.config.publicUrl}${urls.assignment(occasion.id, saved.organisationId)}`,
          },
        });
      }
    }
    return saved;
  });
}

const targetOf = (r: repo.ResponseRow) => ({
  occasionId: r.occasionId,
  respondentId: r.respondentId,
  countyCode: r.countyCode,
  organisationId: r.organisationId,
});

/** Sends a submitted response back for completion, with the county's comment; the reporters are e-mailed. */
export const returnResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
  comment: string,
) =>
  changeStatus(deps, actor, targetOf(response), expectedVersion, {
    action: 'response.return',
    event: 'response.returned',
    to: () => 'returned',
    note: comment,
    reopened: true,
  });

export const approveResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
) =>
  changeStatus(deps, actor, targetOf(response), expectedVersion, {
    action: 'response.approve',
    event: 'response.approved',
    to: () => 'approved',
  });

/** Opens answering again after the deadline for one respondent. */
export const reopenResponse = (
  deps: Deps,
  actor: UserActor,
  response: repo.ResponseRow,
  expectedVersion: number,
) =>
  changeStatus(deps, actor, targetOf(response), expectedVersion, {
    action: 'response.reopen',
    event: 'response.reopened',
    to: (current) => current.status,
    reopened: true,
  });

/** Reopens for a respondent from the occasion's list, whether or not it has started (an empty response is made). */
export const reopenForRespondent = (
  deps: Deps,
  actor: UserActor,
  occasion: repo.Occasion,
  respondent: repo.RespondentView,
) =>
  changeStatus(
    deps,
    actor,
    {
      occasionId: occasion.id,
      respondentId: respondent.id,
      countyCode: respondent.countyCode,
      organisationId: respondent.organisationId,
    },
    null,
    {
      action: 'response.reopen',
      event: 'response.reopened',
      to: (current) => current.status,
      reopened: true,
    },
  );
