import { and, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { isUuid } from '../../platform/validation.ts';
import type { Answers } from '../forms/index.ts';
import {
  eventEvaluationAnswers,
  eventEvaluationInvitations,
  eventEvaluations,
  events,
  registrations,
} from './tables.ts';

/**
 * The SQL of events' evaluations (see evaluation.ts): the questionnaire an event's evaluation uses, the
 * invitations sent (one per registrant) and the answers, which name neither the invitation nor the person.
 */

export type EvaluationRow = typeof eventEvaluations.$inferSelect;
export type InvitationRow = typeof eventEvaluationInvitations.$inferSelect;

export async function findEvaluation(db: Executor, eventId: string): Promise<EvaluationRow | undefined> {
  if (!isUuid(eventId)) return undefined;
  const [row] = await db.select().from(eventEvaluations).where(eq(eventEvaluations.eventId, eventId));
  return row;
}

/** Sets the event's evaluation questionnaire (a new choice, or a changed one before it went out). */
export async function saveEvaluation(
  db: Executor,
  values: { eventId: string; countyCode: string; questionnaireVersionId: string; createdBy: string },
): Promise<void> {
  await db
    .insert(eventEvaluations)
    .values(values)
    .onConflictDoUpdate({
      target: eventEvaluations.eventId,
      set: { questionnaireVersionId: values.questionnaireVersionId, updatedAt: sql`now()` },
    });
}

export async function deleteEvaluation(db: Executor, eventId: string): Promise<void> {
  await db.delete(eventEvaluations).where(eq(eventEvaluations.eventId, eventId));
}

/** The first invitations went out: from now on the questionnaire stays. */
export async function markEvaluationSent(db: Executor, eventId: string, now: Date): Promise<void> {
  await db
    .update(eventEvaluations)
    .set({ sentAt: now, updatedAt: now })
    .where(and(eq(eventEvaluations.eventId, eventId), isNull(eventEvaluations.sentAt)));
}

/**
 * The events whose evaluation may have someone to send to: published, ended `delayHours` ago, registrants'
 * data kept, and either not sent yet or with a registrant marked present since who has no invitation. Which
 * registrants are asked is lifecycle.ts's (evaluationRecipients), under the event's lock.
 */
export async function eventsDueForEvaluation(db: Executor, now: Date, delayHours: number): Promise<string[]> {
  const endedBy = new Date(now.getTime() - delayHours * 3_600_000);
  const uninvitedAttendee = sql`exists (
    select 1 from ${registrations} r
    where r.event_id = ${events.id} and r.status = 'confirmed' and r.attended = true
      and r.anonymised_at is null
      and not exists (select 1 from ${eventEvaluationInvitations} i where i.registration_id = r.id)
  )`;
  const rows = await db
    .select({ id: events.id })
    .from(eventEvaluations)
    .innerJoin(events, eq(events.id, eventEvaluations.eventId))
    .where(
      and(
        eq(events.status, 'published'),
        lte(events.endsAt, endedBy),
        isNull(events.registrantsAnonymisedAt),
        sql`(${eventEvaluations.sentAt} is null or ${uninvitedAttendee})`,
      ),
    )
    .orderBy(events.endsAt);
  return rows.map((r) => r.id);
}

/** The registrations of the event that already have an invitation. */
export async function invitedRegistrations(db: Executor, eventId: string): Promise<Set<string>> {
  const rows = await db
    .select({ registrationId: eventEvaluationInvitations.registrationId })
    .from(eventEvaluationInvitations)
    .where(
      and(
        eq(eventEvaluationInvitations.eventId, eventId),
        isNotNull(eventEvaluationInvitations.registrationId),
      ),
    );
  return new Set(rows.map((r) => r.registrationId!));
}

export async function insertInvitation(
  db: Executor,
  values: {
    id: string;
    eventId: string;
    countyCode: string;
    registrationId: string;
    tokenHash: string;
    sentAt: Date;
  },
): Promise<void> {
  await db.insert(eventEvaluationInvitations).values(values);
}

/**
 * The invitation a link's token names, with its registration's erasure (`registration` undefined: the
 * invitation has let go of it), or undefined.
 */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<
  { invitation: InvitationRow; registration: { anonymisedAt: Date | null } | undefined } | undefined
> {
  const [row] = await db
    .select({
      invitation: eventEvaluationInvitations,
      registrationId: registrations.id,
      anonymisedAt: registrations.anonymisedAt,
    })
    .from(eventEvaluationInvitations)
    .leftJoin(registrations, eq(registrations.id, eventEvaluationInvitations.registrationId))
    .where(eq(eventEvaluationInvitations.tokenHash, tokenHash));
  if (!row) return undefined;
  return {
    invitation: row.invitation,
    registration: row.registrationId ? { anonymisedAt: row.anonymisedAt } : undefined,
  };
}

export async function lockInvitation(db: Executor, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventEvaluationInvitations)
    .where(eq(eventEvaluationInvitations.id, id))
    .for('update');
  return row;
}

export async function markInvitationAnswered(db: Executor, id: string): Promise<void> {
  await db
    .update(eventEvaluationInvitations)
    .set({ answered: true })
    .where(eq(eventEvaluationInvitations.id, id));
}

export async function insertAnswer(
  db: Executor,
  values: { eventId: string; countyCode: string; questionnaireVersionId: string; answers: Answers },
): Promise<void> {
  await db.insert(eventEvaluationAnswers).values(values);
}

/** The event's answers to one version of its evaluation, in no order that says anything (random ids). */
export async function listAnswers(db: Executor, eventId: string, versionId: string): Promise<Answers[]> {
  const rows = await db
    .select({ answers: eventEvaluationAnswers.answers })
    .from(eventEvaluationAnswers)
    .where(
      and(
        eq(eventEvaluationAnswers.eventId, eventId),
        eq(eventEvaluationAnswers.questionnaireVersionId, versionId),
      ),
    )
    .orderBy(eventEvaluationAnswers.id);
  return rows.map((r) => r.answers);
}

/** How many were asked and how many have answered. */
export async function invitationCounts(
  db: Executor,
  eventId: string,
): Promise<{ sent: number; answered: number }> {
  const [row] = await db
    .select({
      sent: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${eventEvaluationInvitations.answered}))::int`,
    })
    .from(eventEvaluationInvitations)
    .where(eq(eventEvaluationInvitations.eventId, eventId));
  return { sent: row?.sent ?? 0, answered: row?.answered ?? 0 };
}

/**
 * Invitations whose registrant's personal data has been erased let go of the registration and the link: the
 * invitation no longer leads to a person (the answers never did). Returns how many.
 */
export async function forgetErasedInvitations(db: Executor, eventIds?: string[]): Promise<number> {
  if (eventIds?.length === 0) return 0;
  const erased = db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        isNotNull(registrations.anonymisedAt),
        eventIds ? inArray(registrations.eventId, eventIds) : undefined,
      ),
    );
  const rows = await db
    .update(eventEvaluationInvitations)
    .set({ registrationId: null, tokenHash: null })
    .where(inArray(eventEvaluationInvitations.registrationId, erased))
    .returning({ id: eventEvaluationInvitations.id });
  return rows.length;
}
