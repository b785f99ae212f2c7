import type { Db, Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { findCountyByCode } from '../../platform/tenancy.ts';
import { stockholmDate } from '../../platform/time.ts';
import * as forms from '../forms/index.ts';
import type { Definition } from '../forms/index.ts';
import { listOrganisations } from '../reference/index.ts';
import { defaultDefinition, DEFAULT_TEMPLATE_TITLE } from './default-template.ts';
import {
  answeringOpen,
  occasionMayMove,
  occasionMayMoveOpening,
  respondentsMayChange,
  roundAcceptsAnswers,
  roundMayAddOccasion,
} from './lifecycle.ts';
import { authorize, situationGlobalPolicy, situationPolicy, type RoundResource } from './policy.ts';
import { QUESTIONNAIRE_OWNER } from './questionnaires.ts';
import * as repo from './repository.ts';
import type { OccasionInput, RoundEditInput, RoundInput } from './schemas.ts';
import { urls } from './urls.ts';

/** The default questionnaire's newest version, created on first use. */
export function ensureDefaultQuestionnaire(db: Executor): Promise<string> {
  return forms.ensureQuestionnaire(db, QUESTIONNAIRE_OWNER, DEFAULT_TEMPLATE_TITLE, defaultDefinition);
}

export function definitionOf(db: Executor, round: repo.Round): Promise<Definition> {
  return forms.definitionOfVersion(db, round.questionnaireVersionId);
}

export const countyName = (code: string): string => findCountyByCode(code)?.name ?? code;

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
      isTest: input.isTest,
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
      after: {
        title: round.title,
        scope: round.scope,
        occasions: input.occasions.length,
        ...(round.isTest ? { isTest: true } : {}),
      },
    });
    await tellOpenOccasions(tx, deps.config.publicUrl, round.id);
    return round;
  });
}

/**
 * The county chooses who answers: its municipalities by default, the region and other organisations. The
 * county's regional pictures of the round are locked first: the respondents do not change under a submit.
 */
export async function setRespondents(
  deps: Deps,
  actor: UserActor,
  round: repo.Round,
  countyCode: string,
  organisationIds: string[],
  /** false: a removal is not made but asked about (RemovalNeedsConfirmation), once the change is otherwise valid */
  opts: { confirmed: boolean } = { confirmed: true },
): Promise<void> {
  if (!situationPolicy['round.manage'](actor, { countyCode })) throw new NotFoundError();
  const eligible = await listOrganisations(deps.db, { countyCode, includeNational: true });
  const eligibleIds = new Set(eligible.filter((o) => o.type !== 'county_board').map((o) => o.id));
  const chosen = [...new Set(organisationIds)].filter((id) => eligibleIds.has(id));
  if (chosen.length === 0)
    throw new ValidationError({ organisationIds: 'Välj minst en organisation som ska svara' });
  const names = new Map(eligible.map((o) => [o.id, o.name]));
  await deps.db.transaction(async (tx) => {
    const pictures = [];
    for (const occasion of await repo.listOccasions(tx, round.id))
      pictures.push(await repo.lockRegionalPicture(tx, occasion.id, countyCode));
    const frozen = respondentsMayChange(pictures);
    if (frozen !== true) throw new ValidationError({ organisationIds: frozen });
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
    if (removed.length > 0 && !opts.confirmed)
      throw new RemovalNeedsConfirmation(removed.map((id) => ({ organisationId: id, name: names.get(id)! })));
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
    // Those added to an occasion already open are told now, with its deadline.
    await tellOpenOccasions(tx, deps.config.publicUrl, round.id);
  });
}

/** A valid change of respondents that removes some: nothing is written until the county confirms. */
export class RemovalNeedsConfirmation extends Error {
  constructor(readonly removed: Array<{ organisationId: string; name: string }>) {
    super('Borttagningen av svarande behöver bekräftas');
  }
}

// ---- Changing a round ------------------------------------------------------------------------------

/** The round as its rules see it, read with the executor given (in a service: after locking the round). */
export async function roundResourceOf(
  db: Executor,
  round: repo.Round,
  county: { code: string } | null,
  knownOccasions?: repo.Occasion[],
): Promise<RoundResource> {
  const [occasions, answered] = await Promise.all([
    knownOccasions ?? repo.listOccasions(db, round.id),
    repo.roundHasResponses(db, round.id),
  ]);
  return { round, countyCode: county?.code ?? null, occasions, answered };
}

/** Locks the round, reads its state under the lock and asks the rule again: the start of every change. */
async function lockAndAuthorize(
  tx: Executor,
  actor: UserActor,
  action: 'round.edit' | 'round.close' | 'round.cancel' | 'round.remove',
  roundId: string,
  county: { code: string } | null,
  now: Date,
): Promise<{ round: repo.Round; occasions: repo.Occasion[] }> {
  const round = await repo.lockRound(tx, roundId);
  if (!round) throw new NotFoundError();
  const occasions = await repo.listOccasions(tx, round.id);
  const answered = await repo.roundHasResponses(tx, round.id);
  authorize(actor, action, { round, countyCode: county?.code ?? null, occasions, answered }, now);
  return { round, occasions };
}

const same = (a: Date, b: Date) => a.getTime() === b.getTime();
const sameDay = (a: Date, b: Date) => stockholmDate(a) === stockholmDate(b);
const passed = (d: Date, now: Date) => stockholmDate(d) < stockholmDate(now);

const datesOf = (o: Pick<repo.Occasion, 'opensAt' | 'deadlineAt' | 'locksAt' | 'reminderDaysBefore'>) => ({
  opens: stockholmDate(o.opensAt),
  deadline: stockholmDate(o.deadlineAt),
  locks: stockholmDate(o.locksAt),
  reminderDays: o.reminderDaysBefore,
});

export interface EditOutcome {
  /** occasions whose dates moved */
  moved: number;
  /** e-mails to respondents about the moved dates */
  told: number;
  added: boolean;
}

/**
 * Changes a round's title and texts, moves its occasions' dates (each as far as its state allows: see
 * occasionMayMove) and adds an occasion. Respondents of an occasion that has opened, and that have not yet
 * sent their answer, are told the new dates by e-mail; a reminder already sent goes out again before a later
 * deadline. Each change is in the round's history.
 */
export async function editRound(
  deps: Deps,
  actor: UserActor,
  roundId: string,
  county: { code: string } | null,
  input: RoundEditInput,
  now = new Date(),
): Promise<EditOutcome> {
  return deps.db.transaction(async (tx) => {
    const { round, occasions } = await lockAndAuthorize(tx, actor, 'round.edit', roundId, county, now);
    const errors: FieldErrors = {};
    const changes: Array<{ before: repo.Occasion; after: OccasionInput }> = [];
    for (const [sequence, next] of input.occasions) {
      const before = occasions.find((o) => o.sequence === sequence);
      if (!before) continue;
      const field = (part: string) => `occasion${sequence}_${part}`;
      // A date is moved when its day changes; an unchanged day keeps its stored moment.
      const deadline = !sameDay(before.deadlineAt, next.deadlineAt);
      const locks = !sameDay(before.locksAt, next.locksAt);
      const opens = !sameDay(before.opensAt, next.opensAt);
      const moves = deadline || locks;
      const reminder = before.reminderDaysBefore !== next.reminderDaysBefore;
      if (!moves && !opens && !reminder && before.label === next.label) continue;
      const verdict = occasionMayMove(round, before, now);
      if (verdict !== true) {
        errors[field('deadline')] = verdict;
        continue;
      }
      if (opens) {
        const opening = occasionMayMoveOpening(round, before, now);
        if (opening !== true) errors[field('opens')] = opening;
        else if (passed(next.opensAt, now))
          errors[field('opens')] = 'Öppningsdatum kan inte flyttas till en dag som redan har passerat';
      }
      if (deadline && passed(next.deadlineAt, now))
        errors[field('deadline')] = 'Sista svarsdag kan inte flyttas till en dag som redan har passerat';
      if (locks && passed(next.locksAt, now))
        errors[field('locks')] = 'Låsdatum kan inte flyttas till en dag som redan har passerat';
      changes.push({
        before,
        after: {
          ...next,
          opensAt: opens ? next.opensAt : before.opensAt,
          deadlineAt: deadline ? next.deadlineAt : before.deadlineAt,
          locksAt: locks ? next.locksAt : before.locksAt,
        },
      });
    }
    const nextSequence = Math.max(0, ...occasions.map((o) => o.sequence)) + 1;
    if (input.added) {
      const adding = roundMayAddOccasion({ round });
      if (adding !== true) errors[`occasion${nextSequence}_label`] = adding;
      else if (passed(input.added.deadlineAt, now))
        errors[`occasion${nextSequence}_deadline`] =
          'Sista svarsdag kan inte vara en dag som redan har passerat';
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const audit = (action: string, before: unknown, after: unknown) =>
      recordAudit(tx, {
        actorId: actor.id,
        countyCode: round.countyCode,
        action,
        entityType: 'round',
        entityId: round.id,
        before,
        after,
      });
    if (input.title !== round.title || input.topic !== round.topic) {
      await repo.updateRound(tx, round.id, { title: input.title, topic: input.topic });
      await audit(
        'round.edited',
        { title: round.title, topic: round.topic },
        { title: input.title, topic: input.topic },
      );
    }
    const current = { ...round, title: input.title, topic: input.topic };
    let moved = 0;
    let told = 0;
    for (const { before, after } of changes) {
      const later = after.deadlineAt > before.deadlineAt;
      await repo.updateOccasion(tx, before.id, {
        ...after,
        // A reminder already sent goes out again before a later deadline.
        ...(later ? { remindedAt: null } : {}),
      });
      await audit(
        'round.occasion_changed',
        { occasion: before.label, ...datesOf(before) },
        { occasion: after.label, ...datesOf(after) },
      );
      if (!same(before.deadlineAt, after.deadlineAt) || !same(before.locksAt, after.locksAt)) {
        moved++;
        if (before.opensAt <= now && !round.isTest)
          told += await tellDatesMoved(tx, deps.config.publicUrl, current, before, after);
      }
    }
    if (input.added) {
      await repo.insertOccasions(tx, [{ roundId: round.id, sequence: nextSequence, ...input.added }]);
      await audit('round.occasion_added', null, { occasion: input.added.label, ...datesOf(input.added) });
    }
    await tellOpenOccasions(tx, deps.config.publicUrl, round.id, now);
    return { moved, told, added: Boolean(input.added) };
  });
}

/** Tells the respondents who have not sent their answer that an occasion's dates moved; returns how many mails. */
async function tellDatesMoved(
  tx: Executor,
  publicUrl: string,
  round: repo.Round,
  before: repo.Occasion,
  after: OccasionInput,
): Promise<number> {
  let sent = 0;
  for (const { respondent, response } of await repo.listOccasionResponses(
    tx,
    before.id,
    round.id,
    undefined,
    [],
  )) {
    if (response && response.status !== 'draft' && response.status !== 'returned') continue;
    for (const to of await repo.reporterEmails(tx, respondent.organisationId)) {
      await enqueueTemplatedMail(tx, {
        to,
        template: 'situation.dates-moved',
        locale: 'sv',
        vars: {
          respondentName: respondent.name,
          roundTitle: round.title,
          occasionLabel: after.label,
          deadlineAt: after.deadlineAt,
          previousDeadlineAt: before.deadlineAt,
          locksAt: after.locksAt,
          previousLocksAt: before.locksAt,
          url: `${publicUrl}${urls.assignment(before.id, respondent.organisationId)}`,
        },
      });
      sent++;
    }
  }
  return sent;
}

/**
 * Ends answering now, before the last deadline: every occasion still before its deadline gets today's moment
 * as its deadline (one that had not opened opens and closes now); the lock dates stay, so the county can
 * still review and compile. The old dates are in the history.
 */
export async function closeRound(
  deps: Deps,
  actor: UserActor,
  roundId: string,
  county: { code: string } | null,
  now = new Date(),
): Promise<repo.Round> {
  return deps.db.transaction(async (tx) => {
    const { round, occasions } = await lockAndAuthorize(tx, actor, 'round.close', roundId, county, now);
    const closing = occasions.filter((o) => o.deadlineAt > now);
    for (const o of closing) {
      await repo.updateOccasion(tx, o.id, {
        opensAt: o.opensAt > now ? now : o.opensAt,
        deadlineAt: now,
        locksAt: o.locksAt < now ? now : o.locksAt,
      });
    }
    await repo.updateRound(tx, round.id, { closedAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: round.countyCode,
      action: 'round.closed',
      entityType: 'round',
      entityId: round.id,
      before: { occasions: closing.map((o) => ({ occasion: o.label, ...datesOf(o) })) },
      after: { closedAt: now.toISOString() },
    });
    return { ...round, closedAt: now };
  });
}

/**
 * Cancels a round nobody has started answering: kept, shown as cancelled, no longer anyone's task; the
 * respondents already told it was open are told it is cancelled. An answer racing the cancel waits for the
 * round's lock and is then refused, or wins and the cancel is refused (see saveResponse).
 */
export async function cancelRound(
  deps: Deps,
  actor: UserActor,
  roundId: string,
  county: { code: string } | null,
  now = new Date(),
): Promise<repo.Round> {
  return deps.db.transaction(async (tx) => {
    const { round } = await lockAndAuthorize(tx, actor, 'round.cancel', roundId, county, now);
    await repo.updateRound(tx, round.id, { cancelledAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: round.countyCode,
      action: 'round.cancelled',
      entityType: 'round',
      entityId: round.id,
      before: { title: round.title },
      after: { cancelledAt: now.toISOString() },
    });
    for (const respondent of await repo.listToldRespondents(tx, round.id))
      for (const to of await repo.reporterEmails(tx, respondent.organisationId))
        await enqueueTemplatedMail(tx, {
          to,
          template: 'situation.round-cancelled',
          locale: 'sv',
          vars: { respondentName: respondent.name, roundTitle: round.title },
        });
    return { ...round, cancelledAt: now };
  });
}

/** Removes a test round nobody has started answering, with its occasions and respondents; the history keeps a row. */
export async function removeRound(
  deps: Deps,
  actor: UserActor,
  roundId: string,
  county: { code: string } | null,
  now = new Date(),
): Promise<repo.Round> {
  return deps.db.transaction(async (tx) => {
    const { round } = await lockAndAuthorize(tx, actor, 'round.remove', roundId, county, now);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: round.countyCode,
      action: 'round.removed',
      entityType: 'round',
      entityId: round.id,
      before: { title: round.title, scope: round.scope, isTest: round.isTest },
    });
    await repo.deleteRound(tx, round.id);
    return round;
  });
}

// ---- Telling respondents that an occasion is open ------------------------------------------------

/**
 * Tells each respondent of each occasion open now (in a round that takes answers; not a test round) that it
 * may answer, with the deadline, a link to its form and whom to ask at the county board: once, recorded in
 * the same transaction as the mail. A respondent without reporters is told when it has one.
 */
async function tellOpenOccasions(tx: Executor, publicUrl: string, roundId?: string, now = new Date()) {
  let sent = 0;
  const contacts = new Map<string, string>();
  const contactsOf = async (countyCode: string) => {
    if (!contacts.has(countyCode))
      contacts.set(
        countyCode,
        (await repo.countyContacts(tx, countyCode)).map((c) => `${c.name} (${c.email})`).join(', '),
      );
    return contacts.get(countyCode)!;
  };
  for (const { occasion, round } of await repo.listOpenOccasions(tx, roundId)) {
    if (answeringOpen(occasion, null, now) !== true || roundAcceptsAnswers(round) !== true) continue;
    const untold = new Map<string, { respondent: (typeof rows)[number]; to: string[] }>();
    const rows = await repo.listUntoldReporters(tx, occasion.id, round.id);
    for (const row of rows) {
      const entry = untold.get(row.respondentId) ?? { respondent: row, to: [] };
      entry.to.push(row.email);
      untold.set(row.respondentId, entry);
    }
    for (const { respondent, to } of untold.values()) {
      if (!(await repo.recordNotice(tx, occasion.id, respondent.respondentId))) continue;
      for (const address of to) {
        await enqueueTemplatedMail(tx, {
          to: address,
          template: 'situation.occasion-opened',
          locale: 'sv',
          vars: {
            respondentName: respondent.name,
            roundTitle: round.title,
            occasionLabel: occasion.label,
            topic: round.topic,
            deadlineAt: occasion.deadlineAt,
            url: `${publicUrl}${urls.assignment(occasion.id, respondent.organisationId)}`,
            contacts: await contactsOf(respondent.countyCode),
          },
        });
        sent++;
      }
    }
  }
  return sent;
}

/** The periodic work: respondents of occasions that have opened since the last run are told; returns how many mails. */
export function sendOpeningNotices(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  return db.transaction((tx) => tellOpenOccasions(tx, publicUrl, undefined, now));
}
