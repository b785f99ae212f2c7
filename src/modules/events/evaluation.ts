import { createHmac, randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { swedishCollator } from '../../platform/i18n.ts';
import { enqueueTemplatedMail } from '../../platform/mail-templates.ts';
import { hashToken } from '../../platform/tokens.ts';
import * as forms from '../forms/index.ts';
import * as erepo from './evaluation-repository.ts';
import type { EvaluationRow, InvitationRow } from './evaluation-repository.ts';
import { whenOfEvent } from './labels.ts';
import * as lifecycle from './lifecycle.ts';
import './mail.ts';
import { authorize } from './policy.ts';
import { versionName } from './questions.ts';
import * as repo from './repository.ts';
import type { EventRow } from './repository.ts';
import { eventResourceOf, QUESTIONNAIRE_OWNER, type EventRef, type EventsContext } from './service.ts';
import { urls } from './urls.ts';

/**
 * An event's evaluation (utvärdering): a questionnaire the organiser builds with the forms capability and
 * chooses for the event; EVALUATION_DELAY_HOURS after the event's end each attendee gets one mail with a
 * personal link (lifecycle.evaluationRecipients says who: those marked present, or every confirmed registrant
 * when attendance was not marked), and answers it once. The answers are stored apart from the invitation: no
 * registration, no person, no time, so the organiser's summary (counts per choice, free texts in alphabetical
 * order) cannot be traced to anyone, and erasing the registrants' data (anonymiseRegistrants) also makes the
 * invitations let go of the registrations.
 */

export type { EvaluationRow, InvitationRow };

/** A periodic run over every event, or (in tests) some. */
export interface EvaluationScope {
  eventIds?: string[] | undefined;
}
const within = (scope: EvaluationScope, ids: string[]) =>
  scope.eventIds ? ids.filter((id) => scope.eventIds!.includes(id)) : ids;

/** The evaluation link's token: derived from the invitation's id with the installation's secret (only its hash is kept). */
export function evaluationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`event-evaluation:${invitationId}`).digest('base64url');
}

// ---- The organiser chooses the questionnaire -----------------------------------------------------------

/**
 * Chooses the event's evaluation questionnaire (a version of the county's or a national 'events'
 * questionnaire), or drops it with null. Under the event's lock: the organiser may edit the event and the
 * evaluation has not gone out (lifecycle.evaluationMayChoose).
 */
export async function chooseEvaluation(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  versionId: string | null,
  now = new Date(),
): Promise<EvaluationRow | undefined> {
  return ctx.db.transaction(async (tx) => {
    const event = await repo.lockEvent(tx, ref.eventId);
    if (!event || event.countyCode !== ref.countyCode) throw new NotFoundError();
    authorize(actor, 'event.edit', eventResourceOf(event), now);
    if (
      versionId &&
      !(await forms.findUsableVersion(
        tx,
        { owner: QUESTIONNAIRE_OWNER, countyCode: event.countyCode },
        versionId,
      ))
    )
      throw new ValidationError({ questionnaireVersionId: 'Välj ett formulär i listan' });
    const before = await erepo.findEvaluation(tx, event.id);
    const verdict = lifecycle.evaluationMayChoose(event, before);
    if (verdict !== true) throw new ConflictError(verdict);
    if ((before?.questionnaireVersionId ?? null) === versionId) return before;
    if (versionId)
      await erepo.saveEvaluation(tx, {
        eventId: event.id,
        countyCode: event.countyCode,
        questionnaireVersionId: versionId,
        createdBy: actor.id,
      });
    else await erepo.deleteEvaluation(tx, event.id);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: event.countyCode,
      action: 'event.evaluation_chosen',
      entityType: 'event',
      entityId: event.id,
      before: { questionnaire: before ? await versionName(tx, before.questionnaireVersionId) : null },
      after: { questionnaire: versionId ? await versionName(tx, versionId) : null },
    });
    return erepo.findEvaluation(tx, event.id);
  });
}

// ---- Sending, after the event --------------------------------------------------------------------------

/**
 * Periodic work: the evaluations due go out. Per event, in one transaction under its lock: whether it may go
 * out now is asked of lifecycle.ts, the recipients are chosen by it, and each registrant without an invitation
 * gets one (a row per registration, unique) with its mail enqueued in the same transaction, so each is sent
 * exactly once. The first send marks the questionnaire's version in use (it never changes again). Someone
 * marked present after the first send is asked on the next run. Returns how many invitations went out.
 */
export async function sendEvaluations(
  ctx: EventsContext,
  now = new Date(),
  scope: EvaluationScope = {},
): Promise<number> {
  let sent = 0;
  const due = await erepo.eventsDueForEvaluation(ctx.db, now, lifecycle.EVALUATION_DELAY_HOURS);
  for (const eventId of within(scope, due)) {
    sent += await ctx.db.transaction(async (tx) => {
      const event = await repo.lockEvent(tx, eventId);
      if (!event || lifecycle.evaluationMaySend(event, now) !== true) return 0;
      const evaluation = await erepo.findEvaluation(tx, event.id);
      if (!evaluation) return 0;
      const invited = await erepo.invitedRegistrations(tx, event.id);
      const recipients = lifecycle
        .evaluationRecipients(await repo.listRegistrations(tx, event.id, ['confirmed']))
        .filter((r) => !invited.has(r.id) && r.email && r.name);
      if (!evaluation.sentAt) {
        await forms.markVersionInUse(tx, evaluation.questionnaireVersionId);
        await erepo.markEvaluationSent(tx, event.id, now);
      }
      for (const r of recipients) {
        const id = randomUUID();
        const token = evaluationToken(ctx.config.sessionSecret, id);
        await erepo.insertInvitation(tx, {
          id,
          eventId: event.id,
          countyCode: event.countyCode,
          registrationId: r.id,
          tokenHash: hashToken(token),
          sentAt: now,
        });
        await enqueueTemplatedMail(tx, {
          to: r.email!,
          template: 'events.evaluation',
          locale: r.locale,
          vars: {
            name: r.name!,
            eventTitle: event.title,
            when: whenOfEvent(event.startsAt, event.endsAt),
            evaluationUrl: `${ctx.config.publicUrl}${urls.evaluation(token)}`,
          },
        });
      }
      if (recipients.length)
        await recordAudit(tx, {
          actorId: null,
          countyCode: event.countyCode,
          action: 'event.evaluation_sent',
          entityType: 'event',
          entityId: event.id,
          after: { recipients: recipients.length },
        });
      return recipients.length;
    });
  }
  return sent;
}

/**
 * Periodic work, after anonymiseRegistrants (and a registrant's own erasure): invitations of registrations
 * whose personal data is gone let go of them and their links. Returns how many.
 */
export async function forgetEvaluationLinks(
  ctx: EventsContext,
  scope: EvaluationScope = {},
): Promise<number> {
  if (scope.eventIds?.length === 0) return 0;
  return erepo.forgetErasedInvitations(ctx.db, scope.eventIds);
}

// ---- The attendee answers --------------------------------------------------------------------------

/** What the evaluation page of a link shows. */
export interface EvaluationView {
  invitation: InvitationRow;
  event: EventRow;
  definition: forms.Definition;
  /** true, or why the link cannot be answered (answered already, data erased) */
  mayAnswer: lifecycle.Verdict;
}

/** The evaluation a link names, or undefined for a link that does not exist (or no longer does). */
export async function loadEvaluationByToken(db: Db, token: string): Promise<EvaluationView | undefined> {
  if (!token || token.length > 200) return undefined;
  const found = await erepo.findInvitationByTokenHash(db, hashToken(token));
  if (!found) return undefined;
  const { invitation } = found;
  const [event, evaluation] = await Promise.all([
    repo.findEventById(db, invitation.eventId),
    erepo.findEvaluation(db, invitation.eventId),
  ]);
  if (!event || !evaluation) return undefined;
  const mayAnswer = lifecycle.evaluationMayAnswer(invitation, found.registration);
  // A link whose registrant's data is erased leads nowhere, as if it never existed.
  if (mayAnswer !== true && !invitation.answered) return undefined;
  return {
    invitation,
    event,
    definition: await forms.definitionOfVersion(db, evaluation.questionnaireVersionId),
    mayAnswer,
  };
}

/**
 * Stores one answer by a link: the answers are read and checked first (400 with every message, nothing
 * written), then under the invitation's lock the link is used up and the answer stored without anything that
 * names the invitation. A second answer by the same link is refused (409).
 */
export async function answerEvaluation(ctx: EventsContext, token: string, body: Record<string, unknown>) {
  const view = await loadEvaluationByToken(ctx.db, token);
  if (!view) throw new NotFoundError();
  if (view.mayAnswer !== true) throw new ConflictError(view.mayAnswer);
  const read = forms.readAnswerForm(view.definition, body);
  const errors = { ...read.problems, ...forms.validateForSubmit(view.definition, read) };
  if (Object.keys(errors).length) throw new ValidationError(errors);
  await ctx.db.transaction(async (tx) => {
    const invitation = await erepo.lockInvitation(tx, view.invitation.id);
    if (!invitation || invitation.tokenHash !== view.invitation.tokenHash) throw new NotFoundError();
    const verdict = lifecycle.evaluationMayAnswer(invitation, { anonymisedAt: null });
    if (verdict !== true) throw new ConflictError(verdict);
    const evaluation = await erepo.findEvaluation(tx, invitation.eventId);
    if (!evaluation) throw new NotFoundError();
    await erepo.markInvitationAnswered(tx, invitation.id);
    await erepo.insertAnswer(tx, {
      eventId: invitation.eventId,
      countyCode: invitation.countyCode,
      questionnaireVersionId: evaluation.questionnaireVersionId,
      answers: read.answers,
    });
  });
}

// ---- The organiser's summary -------------------------------------------------------------------------

/** One question's answers summarised. */
export type QuestionSummary =
  | {
      kind: 'choice';
      question: forms.Question;
      /** every answer the question offers, in its order, with how many chose it */
      rows: Array<{ label: string; count: number }>;
      /** several answers could be chosen: the counts add up to more than the answers */
      multiple: boolean;
      answered: number;
      unanswered: number;
    }
  | {
      kind: 'number';
      question: forms.Question;
      values: number[];
      mean: number | undefined;
      unanswered: number;
    }
  | { kind: 'text'; question: forms.Question; texts: string[]; unanswered: number };

export interface SectionSummary {
  title: string;
  questions: QuestionSummary[];
}

const isEmpty = (v: forms.AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The answers summarised per question: for a question with answers to choose, how many chose each; for a
 * number, the values and their mean; for a free text, the texts in alphabetical order (never in the order
 * they came, which could tell whose is whose).
 */
export function summarise(def: forms.Definition, answers: forms.Answers[]): SectionSummary[] {
  return def.sections.map((section) => ({
    title: section.title,
    questions: section.questions.map((q): QuestionSummary => {
      const given = answers.map((a) => a[q.id]).filter((v): v is forms.AnswerValue => !isEmpty(v));
      const unanswered = answers.length - given.length;
      const choices = forms.answerChoices(q);
      if (choices.length > 0) {
        const counts = new Map<string, number>();
        for (const v of given)
          for (const x of (Array.isArray(v) ? v : [v]) as Array<string | number>)
            counts.set(String(x), (counts.get(String(x)) ?? 0) + 1);
        return {
          kind: 'choice',
          question: q,
          rows: choices.map((c) => ({ label: c.label, count: counts.get(c.value) ?? 0 })),
          multiple: q.type === 'multiple',
          answered: given.length,
          unanswered,
        };
      }
      if (q.type === 'number') {
        const values = given.filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
        const mean = values.length ? values.reduce((s, v) => s + v, 0) / values.length : undefined;
        return { kind: 'number', question: q, values, mean, unanswered };
      }
      const texts = given
        .map((v) => forms.formatAnswer(q, v))
        .filter(Boolean)
        .sort((a, b) => swedishCollator.compare(a, b));
      return { kind: 'text', question: q, texts, unanswered };
    }),
  }));
}

/** What the organiser's evaluation page shows of an event. */
export interface EvaluationOverview {
  evaluation: EvaluationRow | undefined;
  /** the chosen version's name: "Utvärdering (version 2)" */
  questionnaireName: string | undefined;
  /** when it goes (or went) out */
  sendsAt: Date;
  counts: { sent: number; answered: number };
  /** how many answers the summary holds */
  answers: number;
  summary: SectionSummary[];
  /** true, or why the questionnaire may not be chosen or changed now */
  mayChoose: lifecycle.Verdict;
}

export async function evaluationOverview(db: Db, event: EventRow): Promise<EvaluationOverview> {
  const evaluation = await erepo.findEvaluation(db, event.id);
  const counts = await erepo.invitationCounts(db, event.id);
  let summary: SectionSummary[] = [];
  let answers = 0;
  let questionnaireName: string | undefined;
  if (evaluation) {
    const [definition, given, name] = await Promise.all([
      forms.definitionOfVersion(db, evaluation.questionnaireVersionId),
      erepo.listAnswers(db, event.id, evaluation.questionnaireVersionId),
      versionName(db, evaluation.questionnaireVersionId),
    ]);
    summary = summarise(definition, given);
    answers = given.length;
    questionnaireName = name;
  }
  return {
    evaluation,
    questionnaireName,
    sendsAt: lifecycle.evaluationSendsAt(event),
    counts,
    answers,
    summary,
    mayChoose: lifecycle.evaluationMayChoose(event, evaluation),
  };
}
