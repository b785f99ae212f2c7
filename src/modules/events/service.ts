import { createHmac, randomUUID } from 'node:crypto';
import type { Db, Executor, Tx } from '../../db/client.ts';
import { auditRow, recordAudit } from '../../platform/audit.ts';
import { GroupCommit, type ItemOutcome } from '../../platform/group-commit.ts';
import type { Actor, UserActor } from '../../platform/authz.ts';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { enqueueMail, mailJobRow, type MailAttachment, type MailMessage } from '../../platform/mail.ts';
import {
  renderTemplatedMail,
  type MailTemplateName,
  type MailTemplateVars,
} from '../../platform/mail-templates.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';
import { fieldErrorsFrom, freeSlug } from '../../platform/validation.ts';
import * as forms from '../forms/index.ts';
import { listOrganisationsByIds } from '../reference/index.ts';
import { keepEventImage } from './files.ts';
import { calendarEntryOf, ICS_CONTENT_TYPE, writeCalendar } from './ics.ts';
import { whenOfEvent, whenText } from './labels.ts';
import * as lifecycle from './lifecycle.ts';
import './mail.ts';
import { authorize, eventsPolicy, type EventResource } from './policy.ts';
import * as repo from './repository.ts';
import { indexEvent } from './search.ts';
import type { EventRow, RegistrationRow } from './repository.ts';
import {
  eventInputSchema,
  messageInputSchema,
  registrationChangeSchema,
  registrationInputSchema,
  seriesInputSchema,
  slugOf,
  type CheckedEventInput,
  type EventInput,
  type MessageInput,
  type RegistrationChange,
  type RegistrationInput,
  type SeriesInput,
} from './schemas.ts';
import { countySlugOf, urls } from './urls.ts';

export type { EventInput, MessageInput, RegistrationChange, RegistrationInput, SeriesInput };

/**
 * The events services. Every change is one transaction that starts by locking the event's row
 * (`select … for update`), asks the rule again under the lock (policy.ts for organisers, lifecycle.ts for the
 * public), writes, records the audit entry and enqueues its mail: a registration that is acknowledged is
 * committed with its confirmation mail, and two registrations for the last place cannot both take it.
 * Registrations are changed only under their event's lock, so the event's lock is the one order of locking.
 *
 * What they need is `{ db, config }` (the app's Deps and a module's periodic-work context both are).
 */
export type EventsContext = ModuleContext;

/** The owner name of the events' registration questionnaires in the forms module. */
export const QUESTIONNAIRE_OWNER = 'events';

/** A county event addressed from a page: its county (from the URL) and id. */
export interface EventRef {
  countyCode: string;
  eventId: string;
}

export const eventResourceOf = (e: EventRow): EventResource => ({
  countyCode: e.countyCode,
  status: e.status,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  registrantsAnonymisedAt: e.registrantsAnonymisedAt,
});

function parse<T>(
  result: { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrorsFrom>[0] },
): T {
  if (!result.success) throw new ValidationError(fieldErrorsFrom(result.error));
  return result.data;
}

/** Locks the event within its county; another county's or a missing one is 404. */
async function lockCountyEvent(tx: Executor, ref: EventRef): Promise<EventRow> {
  const event = await repo.lockEvent(tx, ref.eventId);
  if (!event || event.countyCode !== ref.countyCode) throw new NotFoundError();
  return event;
}

async function lockEventById(tx: Executor, id: string): Promise<EventRow> {
  const event = await repo.lockEvent(tx, id);
  if (!event) throw new NotFoundError();
  return event;
}

// ---- Personal links ------------------------------------------------------------------------------------

/**
 * A registration's personal link token: derived from its id with the installation's secret, so every mail
 * about the registration can carry the link while only the token's hash is stored (and looked up). Erasing
 * the registration's data removes the hash, and the link is dead.
 */
export function personalToken(secret: string, registrationId: string): string {
  return createHmac('sha256', secret).update(`event-registration:${registrationId}`).digest('base64url');
}

const absolute = (ctx: EventsContext, path: string) => `${ctx.config.publicUrl}${path}`;

export function eventUrl(ctx: EventsContext, e: Pick<EventRow, 'countyCode' | 'slug'>): string {
  return absolute(ctx, urls.event(countySlugOf(e.countyCode), e.slug));
}

const manageUrlOf = (ctx: EventsContext, r: Pick<RegistrationRow, 'id'>) =>
  absolute(ctx, urls.registration(personalToken(ctx.config.sessionSecret, r.id)));

/** The event as a calendar file (never with its meeting link). */
export function eventCalendarFile(ctx: EventsContext, e: EventRow, now = new Date()): string {
  const host = new URL(ctx.config.publicUrl).host;
  return writeCalendar({ events: [calendarEntryOf(e, { url: eventUrl(ctx, e), host })], now });
}

const icsAttachment = (ctx: EventsContext, e: EventRow): MailAttachment => ({
  filename: `${e.slug}.ics`,
  contentType: `${ICS_CONTENT_TYPE}; method=PUBLISH`,
  content: eventCalendarFile(ctx, e),
});

/** "Digitalt möte. …" or the address: where, as the confirmation mail says it. */
function placeText(e: EventRow): string {
  if (e.placeKind === 'digital')
    return 'Digitalt möte. Länk och praktisk information skickas till dig innan evenemanget börjar.';
  return `Plats: ${e.address ?? ''}`;
}

type RegistrationTemplate = {
  [K in MailTemplateName]: K extends `events.${string}` ? K : never;
}[MailTemplateName];

/** Whom a registration's mail goes to: the registration's own fields. */
type Registrant = Pick<RegistrationRow, 'id' | 'name' | 'email' | 'locale'>;

/** One mail to one registrant, rendered; undefined once their data is erased (nobody to tell). */
function mailTo<N extends RegistrationTemplate>(
  ctx: EventsContext,
  e: EventRow,
  r: Registrant,
  template: N,
  extra: Omit<MailTemplateVars[N], 'name' | 'eventTitle' | 'when' | 'manageUrl'>,
  opts: { ics?: boolean } = {},
): MailMessage | undefined {
  if (!r.email || !r.name) return undefined; // anonymised: nobody to tell
  const vars = {
    name: r.name,
    eventTitle: e.title,
    when: whenOfEvent(e.startsAt, e.endsAt),
    manageUrl: manageUrlOf(ctx, r),
    ...extra,
  } as unknown as MailTemplateVars[N];
  return renderTemplatedMail({
    to: r.email,
    template,
    locale: r.locale,
    vars,
    ...(opts.ics ? { attachments: [icsAttachment(ctx, e)] } : {}),
  });
}

/** One mail to one registrant, enqueued in the caller's transaction. */
async function tell<N extends RegistrationTemplate>(
  tx: Executor,
  ctx: EventsContext,
  e: EventRow,
  r: Registrant,
  template: N,
  extra: Omit<MailTemplateVars[N], 'name' | 'eventTitle' | 'when' | 'manageUrl'>,
  opts: { ics?: boolean } = {},
): Promise<number | undefined> {
  const mail = mailTo(ctx, e, r, template, extra, opts);
  return mail ? enqueueMail(tx, mail) : undefined;
}

/** The confirmation of a place: where, the event's page and its calendar file. */
const confirmedMail = (ctx: EventsContext, e: EventRow, r: Registrant) =>
  mailTo(
    ctx,
    e,
    r,
    'events.registration-confirmed',
    { place: placeText(e), eventUrl: eventUrl(ctx, e) },
    { ics: true },
  );

const tellConfirmed = async (tx: Executor, ctx: EventsContext, e: EventRow, r: Registrant) => {
  const mail = confirmedMail(ctx, e, r);
  return mail ? enqueueMail(tx, mail) : undefined;
};

// ---- Events: create, change, publish, cancel -----------------------------------------------------------

async function checkReferences(db: Executor, countyCode: string, input: CheckedEventInput): Promise<void> {
  const errors: FieldErrors = {};
  const found = await listOrganisationsByIds(db, input.organisationIds);
  const usable = new Set(
    found.filter((o) => o.countyCode === null || o.countyCode === countyCode).map((o) => o.id),
  );
  if (input.organisationIds.some((id) => !usable.has(id)))
    errors.organisationIds = 'Välj arrangörer i listan (länets egna eller nationella organisationer)';
  if (input.seriesId && !(await repo.findSeries(db, countyCode, input.seriesId)))
    errors.seriesId = 'Välj en serie i listan';
  if (
    input.questionnaireVersionId &&
    !(await forms.findUsableVersion(
      db,
      { owner: QUESTIONNAIRE_OWNER, countyCode },
      input.questionnaireVersionId,
    ))
  )
    errors.questionnaireVersionId = 'Välj ett formulär i listan';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

async function uniqueSlug(
  db: Executor,
  countyCode: string,
  wanted: string,
  title: string,
  exceptId?: string,
) {
  return freeSlug(
    wanted,
    title,
    'evenemang',
    (slug) => repo.slugTaken(db, countyCode, slug, exceptId),
    'Ett annat evenemang i länet har redan den adressen',
  );
}

const eventColumns = (input: CheckedEventInput) => ({
  seriesId: input.seriesId,
  title: input.title,
  summary: input.summary,
  description: input.description,
  imageRef: input.imageRef,
  imageAlt: input.imageAlt,
  targetGroup: input.targetGroup,
  themes: input.themes,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  placeKind: input.placeKind,
  address: input.address,
  meetingLink: input.meetingLink,
  practicalInfo: input.practicalInfo,
  joiningInfoHoursBefore: input.joiningInfoHoursBefore,
  costOre: input.costOre,
  capacity: input.capacity,
  registrationOpensAt: input.registrationOpensAt,
  registrationClosesAt: input.registrationClosesAt,
  offerHours: input.offerHours,
  contacts: input.contacts,
  questionnaireVersionId: input.questionnaireVersionId,
  recordingUrl: input.recordingUrl,
});

/** What the audit keeps of an event: its public facts, never a meeting link. */
const auditedEvent = (e: EventRow) => ({
  title: e.title,
  slug: e.slug,
  status: e.status,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  capacity: e.capacity,
  registrationClosesAt: e.registrationClosesAt,
});

/** A new event (a draft) in the county, with its organisers and programme. */
export async function createEvent(
  ctx: EventsContext,
  actor: UserActor,
  countyCode: string,
  raw: EventInput,
): Promise<EventRow> {
  if (!eventsPolicy['event.create'](actor, { countyCode })) throw new NotFoundError();
  const input = parse(eventInputSchema.safeParse(raw));
  await checkReferences(ctx.db, countyCode, input);
  return ctx.db.transaction(async (tx) => {
    const slug = await uniqueSlug(tx, countyCode, input.slug, input.title);
    const event = await repo.insertEvent(tx, {
      countyCode,
      slug,
      ...eventColumns(input),
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await keepEventImage(tx, undefined, event, actor.id);
    await repo.replaceOrganisers(tx, event.id, countyCode, input.organisationIds);
    await repo.replaceProgramme(tx, event.id, countyCode, input.programme);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'event.created',
      entityType: 'event',
      entityId: event.id,
      after: auditedEvent(event),
    });
    return event;
  });
}

/**
 * Changes an event. `expectedVersion` (the version the form was opened with) refuses to overwrite a change
 * made meanwhile. A raised capacity offers the freed places to the waiting list at once.
 */
export async function updateEvent(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  raw: EventInput,
  opts: { expectedVersion?: number; now?: Date } = {},
): Promise<EventRow> {
  const now = opts.now ?? new Date();
  if (!eventsPolicy['event.edit'](actor, { countyCode: ref.countyCode })) throw new NotFoundError();
  const input = parse(eventInputSchema.safeParse(raw));
  await checkReferences(ctx.db, ref.countyCode, input);
  return ctx.db.transaction(async (tx) => {
    const before = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.edit', eventResourceOf(before), now);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version)
      throw new ConflictError(
        'Evenemanget har ändrats av någon annan medan du skrev. Ladda om sidan och gör ändringen igen.',
      );
    const slug = await uniqueSlug(tx, ref.countyCode, input.slug || before.slug, input.title, before.id);
    const event = await repo.updateEvent(tx, before.id, { slug, ...eventColumns(input) }, actor.id);
    await keepEventImage(tx, before, event, actor.id);
    await repo.replaceOrganisers(tx, event.id, ref.countyCode, input.organisationIds);
    await repo.replaceProgramme(tx, event.id, ref.countyCode, input.programme);
    if (event.status === 'published' && event.questionnaireVersionId)
      await forms.markVersionInUse(tx, event.questionnaireVersionId);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: ref.countyCode,
      action: 'event.edited',
      entityType: 'event',
      entityId: event.id,
      before: auditedEvent(before),
      after: auditedEvent(event),
    });
    await indexEvent(tx, event);
    await offerFreePlaces(tx, ctx, event, now);
    return event;
  });
}

/** Publishes a draft in the county's calendar; its registration questions are frozen from now on. */
export async function publishEvent(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  now = new Date(),
): Promise<EventRow> {
  return ctx.db.transaction(async (tx) => {
    const before = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.publish', eventResourceOf(before), now);
    if (before.questionnaireVersionId) await forms.markVersionInUse(tx, before.questionnaireVersionId);
    const event = await repo.updateEvent(tx, before.id, { status: 'published', publishedAt: now }, actor.id);
    await indexEvent(tx, event);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: ref.countyCode,
      action: 'event.published',
      entityType: 'event',
      entityId: event.id,
      before: { status: before.status },
      after: { status: event.status },
    });
    return event;
  });
}

/**
 * Cancels an event: every standing registration is cancelled and its registrant told, one mail each (with a
 * calendar file that takes the event out of their calendar).
 */
export async function cancelEvent(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  note = '',
  now = new Date(),
): Promise<{ event: EventRow; told: number }> {
  const cleanNote = note.trim().slice(0, 2_000);
  return ctx.db.transaction(async (tx) => {
    const before = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.cancel', eventResourceOf(before), now);
    const event = await repo.updateEvent(
      tx,
      before.id,
      { status: 'cancelled', cancelledAt: now, cancellationNote: cleanNote || null },
      actor.id,
    );
    await indexEvent(tx, event);
    const standing = await repo.listRegistrations(tx, event.id, ['confirmed', 'offered', 'waiting']);
    let told = 0;
    for (const r of standing) {
      const cancelled = await repo.updateRegistration(tx, r.id, {
        status: 'cancelled',
        cancelReason: 'event_cancelled',
        cancelledAt: now,
      });
      if (cancelled.email) told++;
      await tell(tx, ctx, event, cancelled, 'events.event-cancelled', { note: cleanNote }, { ics: true });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: ref.countyCode,
      action: 'event.cancelled',
      entityType: 'event',
      entityId: event.id,
      before: { status: before.status },
      after: { status: event.status, registrationsCancelled: standing.length },
    });
    return { event, told };
  });
}

// ---- Series -------------------------------------------------------------------------------------------

export async function createSeries(
  ctx: EventsContext,
  actor: UserActor,
  countyCode: string,
  raw: SeriesInput,
): Promise<repo.SeriesRow> {
  if (!eventsPolicy['event.create'](actor, { countyCode })) throw new NotFoundError();
  const input = parse(seriesInputSchema.safeParse(raw));
  return ctx.db.transaction(async (tx) => {
    let slug = input.slug || slugOf(input.title);
    if (await repo.seriesSlugTaken(tx, countyCode, slug)) {
      if (input.slug) throw new ValidationError({ slug: 'En annan serie i länet har redan den adressen' });
      for (let i = 2; await repo.seriesSlugTaken(tx, countyCode, `${slug}-${i}`); i++)
        slug = `${slug}-${i + 1}`;
      if (await repo.seriesSlugTaken(tx, countyCode, slug)) slug = `${slug}-${Date.now()}`;
    }
    const series = await repo.insertSeries(tx, {
      countyCode,
      slug,
      title: input.title,
      description: input.description,
      startYear: input.startYear,
      endYear: input.endYear,
      createdBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'event_series.created',
      entityType: 'event_series',
      entityId: series.id,
      after: { title: series.title, startYear: series.startYear, endYear: series.endYear },
    });
    return series;
  });
}

export async function updateSeries(
  ctx: EventsContext,
  actor: UserActor,
  countyCode: string,
  seriesId: string,
  raw: SeriesInput,
): Promise<repo.SeriesRow> {
  if (!eventsPolicy['event.edit'](actor, { countyCode })) throw new NotFoundError();
  const input = parse(seriesInputSchema.safeParse(raw));
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findSeries(tx, countyCode, seriesId);
    if (!before) throw new NotFoundError();
    const slug = input.slug || before.slug;
    if (await repo.seriesSlugTaken(tx, countyCode, slug, before.id))
      throw new ValidationError({ slug: 'En annan serie i länet har redan den adressen' });
    const series = await repo.updateSeries(tx, before.id, {
      slug,
      title: input.title,
      description: input.description,
      startYear: input.startYear,
      endYear: input.endYear,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode,
      action: 'event_series.edited',
      entityType: 'event_series',
      entityId: series.id,
      before: { title: before.title, startYear: before.startYear, endYear: before.endYear },
      after: { title: series.title, startYear: series.startYear, endYear: series.endYear },
    });
    return series;
  });
}

// ---- Registering -------------------------------------------------------------------------------------

export interface RegistrationResult {
  registration: RegistrationRow;
  /** where the registrant landed */
  status: 'confirmed' | 'waiting';
  /** the place in line when waiting (1 first) */
  position: number | undefined;
  /** the personal link's token (for the receipt page's link; the mail carries it too) */
  token: string;
  /** the confirmation or waiting-list mail's job, committed with the registration */
  mailJobId: number;
}

/** The event's questions read from the posted form and checked; the answers or the field errors. */
async function readQuestions(
  db: Db,
  versionId: string | null,
  body: Record<string, unknown>,
): Promise<{ answers: forms.Answers; errors: FieldErrors }> {
  if (!versionId) return { answers: {}, errors: {} };
  const definition = await forms.definitionOfVersion(db, versionId);
  const read = forms.readAnswerForm(definition, body);
  const errors = { ...read.problems, ...forms.validateForSubmit(definition, read) };
  return { answers: read.answers, errors };
}

/**
 * A public registration. The input and the event's questions are checked first (400 with every message,
 * nothing written). What does not depend on the places is made before any lock: the registration's id and
 * personal link, and its confirmation mail from the event as read then. Then it joins its event's line at
 * the registration desk (below) and is answered once the transaction that placed it has committed.
 */
export async function register(
  ctx: EventsContext,
  ref: { countyCode: string; eventId: string },
  raw: RegistrationInput,
  now = new Date(),
): Promise<RegistrationResult> {
  const parsed = registrationInputSchema.safeParse(raw);
  const event = await repo.findEventShared(ctx.db, ref.countyCode, ref.eventId);
  if (!event || !lifecycle.eventIsPublic(event)) throw new NotFoundError();
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  const questions = await readQuestions(ctx.db, event.questionnaireVersionId, raw.questionFields ?? {});
  const errors = { ...fieldErrors, ...questions.errors };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  const id = randomUUID();
  const token = personalToken(ctx.config.sessionSecret, id);
  const registrant: Registrant = { id, name: input.name, email: input.email, locale: input.locale };
  return deskOf(ctx).submit(ref.eventId, {
    ctx,
    countyCode: ref.countyCode,
    readEvent: event,
    input,
    answers: questions.answers,
    registrant,
    token,
    confirmation: confirmedMail(ctx, event, registrant)!,
    now,
  });
}

/** The registration form as its schema gives it, checked. */
type RegistrationInputParsed = ReturnType<typeof registrationInputSchema.parse>;

/** A registration checked and made ready, waiting in its event's line. */
interface PendingRegistration {
  ctx: EventsContext;
  countyCode: string;
  /** the event as read before the lock (its questions and its version then) */
  readEvent: EventRow;
  input: RegistrationInputParsed;
  answers: forms.Answers;
  registrant: Registrant;
  token: string;
  /** the confirmation mail from `readEvent` (made again under the lock if the event changed meanwhile) */
  confirmation: MailMessage;
  now: Date;
}

/**
 * The registration desk: registrations for one event arriving while another batch for it holds the event's
 * lock wait in line, and the next batch places them all in one transaction (platform/group-commit.ts). A
 * registration with nobody ahead goes at once, alone. One desk per database.
 */
const desks = new WeakMap<Db, GroupCommit<string, PendingRegistration, RegistrationResult>>();

function deskOf(ctx: EventsContext): GroupCommit<string, PendingRegistration, RegistrationResult> {
  let desk = desks.get(ctx.db);
  if (!desk) {
    const db = ctx.db;
    desk = new GroupCommit((eventId, batch) => placeRegistrations(db, eventId, batch), { maxBatch: 200 });
    desks.set(db, desk);
  }
  return desk;
}

/**
 * One batch of registrations for one event, in one transaction: the event is locked and its places counted
 * under the lock with the batch's addresses already registered (one statement); then for each registration in
 * order of arrival, whether registration is open, whether the questions changed, whether the address is
 * already registered (before or earlier in the batch) and where it lands (lifecycle's placement, with the
 * places the batch has taken so far); the accepted registrations, their confirmation (with the .ics) or
 * waiting-list mails and their audit entries are written in one statement. A refused registration gets its
 * own error and writes nothing; the others go on. The lock is held for two round trips and the commit,
 * however many the batch holds.
 */
async function placeRegistrations(
  db: Db,
  eventId: string,
  batch: PendingRegistration[],
): Promise<ItemOutcome<RegistrationResult>[]> {
  return db.transaction(async (tx) => {
    const found = await repo.lockEventForRegistrations(
      tx,
      eventId,
      batch.map((p) => p.input.email),
    );
    const counts = found ? { ...found.counts } : { taken: 0, waiting: 0 };
    const seen = new Set(found?.duplicates);
    const outcomes: (ItemOutcome<RegistrationResult> | undefined)[] = [];
    const accepted: { index: number; status: 'confirmed' | 'waiting'; position: number | undefined }[] = [];
    const rows: repo.NewRegistrationWithMail[] = [];
    batch.forEach((p, index) => {
      const refused = (error: unknown) => outcomes.push({ ok: false, error });
      if (!found || found.event.countyCode !== p.countyCode) return refused(new NotFoundError());
      const locked = found.event;
      const open = lifecycle.registrationMayOpen(locked, p.now);
      if (open !== true) return refused(new ConflictError(open));
      if (locked.questionnaireVersionId !== p.readEvent.questionnaireVersionId)
        return refused(
          new ConflictError('Anmälningsformulärets frågor har ändrats. Ladda om sidan och fyll i det igen.'),
        );
      const address = p.input.email.toLowerCase();
      if (seen.has(address))
        return refused(
          new ValidationError({
            email:
              'Den här e-postadressen är redan anmäld till evenemanget. Använd länken i bekräftelsemejlet för att se eller ändra anmälan.',
          }),
        );
      seen.add(address);
      const status = lifecycle.placementOf({ capacity: locked.capacity, ...counts });
      if (status === 'waiting') counts.waiting++;
      else counts.taken++;
      const position = status === 'waiting' ? counts.waiting : undefined;
      const mail =
        status === 'waiting'
          ? mailTo(p.ctx, locked, p.registrant, 'events.registration-waiting', { position: position! })!
          : locked.version === p.readEvent.version
            ? p.confirmation
            : confirmedMail(p.ctx, locked, p.registrant)!;
      outcomes.push(undefined);
      accepted.push({ index, status, position });
      rows.push({
        registration: {
          id: p.registrant.id,
          eventId: locked.id,
          countyCode: locked.countyCode,
          status,
          name: p.input.name,
          email: p.input.email,
          organisationName: p.input.organisationName,
          organisationType: p.input.organisationType,
          municipalityCode: p.input.municipalityCode,
          answers: p.answers,
          questionnaireVersionId: locked.questionnaireVersionId,
          locale: p.input.locale,
          consentAt: p.now,
          confirmedAt: status === 'confirmed' ? p.now : null,
          tokenHash: hashToken(p.token),
        },
        mail: mailJobRow(mail),
        audit: auditRow({
          actorId: null,
          countyCode: locked.countyCode,
          action: 'registration.created',
          entityType: 'event_registration',
          entityId: p.registrant.id,
          after: { eventId: locked.id, status },
        }),
      });
    });
    const written = await repo.insertRegistrationsWithMail(tx, rows);
    written.forEach(({ registration, mailJobId }, i) => {
      const { index, status, position } = accepted[i]!;
      outcomes[index] = {
        ok: true,
        value: { registration, status, position, token: batch[index]!.token, mailJobId },
      };
    });
    return outcomes as ItemOutcome<RegistrationResult>[];
  });
}

/**
 * Offers free places to the waiting list, first in first out, while places are free and people wait: each is
 * offered with a time-limited confirm link. Call it under the event's lock after anything that frees a place.
 */
async function offerFreePlaces(tx: Tx, ctx: EventsContext, event: EventRow, now: Date): Promise<number> {
  if (lifecycle.eventMayOffer(event, now) !== true) return 0;
  let offered = 0;
  for (;;) {
    const counts = await repo.seatCounts(tx, event.id);
    if (counts.waiting === 0 || !lifecycle.seatForWaiting({ capacity: event.capacity, ...counts })) break;
    const next = await repo.firstWaiting(tx, event.id);
    if (!next) break;
    const { token, hash } = newToken();
    const expiresAt = lifecycle.offerExpiry(now, event.offerHours, event);
    const r = await repo.updateRegistration(tx, next.id, {
      status: 'offered',
      offerTokenHash: hash,
      offeredAt: now,
      offerExpiresAt: expiresAt,
    });
    await tell(tx, ctx, event, r, 'events.place-offered', {
      acceptUrl: absolute(ctx, urls.offer(token)),
      expires: whenText(expiresAt, now),
    });
    await recordAudit(tx, {
      actorId: null,
      countyCode: event.countyCode,
      action: 'registration.offered',
      entityType: 'event_registration',
      entityId: r.id,
      after: { eventId: event.id, offerExpiresAt: expiresAt },
    });
    offered++;
  }
  return offered;
}

/** A registration found by its personal link, with its event; undefined for an unknown or erased link. */
export async function findByPersonalToken(
  db: Executor,
  token: string,
): Promise<{ registration: RegistrationRow; event: EventRow } | undefined> {
  if (!token || token.length > 200) return undefined;
  const registration = await repo.findRegistrationByTokenHash(db, hashToken(token));
  if (!registration) return undefined;
  const event = await repo.findEventById(db, registration.eventId);
  return event ? { registration, event } : undefined;
}

/** Locks the event and then the registration the token names; unknown or erased: 404. */
async function lockByToken(tx: Executor, token: string) {
  const found = await findByPersonalToken(tx, token);
  if (!found) throw new NotFoundError();
  const event = await lockEventById(tx, found.event.id);
  const registration = await repo.lockRegistration(tx, found.registration.id);
  if (!registration || registration.tokenHash !== found.registration.tokenHash) throw new NotFoundError();
  return { event, registration };
}

/** Locks the event and then the registration an offer link names; an unknown or spent link: 404. */
async function lockByOfferToken(tx: Executor, offerToken: string) {
  if (!offerToken || offerToken.length > 200) throw new NotFoundError();
  const found = await repo.findRegistrationByOfferTokenHash(tx, hashToken(offerToken));
  if (!found) throw new NotFoundError();
  const event = await lockEventById(tx, found.eventId);
  const registration = await repo.lockRegistration(tx, found.id);
  if (!registration || registration.offerTokenHash !== found.offerTokenHash) throw new NotFoundError();
  return { event, registration };
}

/**
 * The registrant cancels through the personal link. A place it held is offered at once to the first on the
 * waiting list (with a time-limited confirm link, mail enqueued in the same transaction).
 */
export async function cancelRegistration(
  ctx: EventsContext,
  token: string,
  now = new Date(),
): Promise<{ registration: RegistrationRow; event: EventRow; offered: number }> {
  return ctx.db.transaction(async (tx) => {
    const { event, registration: before } = await lockByToken(tx, token);
    const verdict = lifecycle.registrationMayCancel(before, event, now);
    if (verdict !== true) throw new ConflictError(verdict);
    return withdraw(tx, ctx, event, before, now, {
      by: 'registrant',
      actorId: null,
      action: 'registration.withdrawn',
    });
  });
}

/**
 * A registration taken back (the registrant cancels or declines an offer; the organiser cancels it), under
 * the event's lock after the rule was asked: the registration is cancelled, the registrant told, the audit
 * entry written, and the freed place offered to the first in line at once.
 */
async function withdraw(
  tx: Tx,
  ctx: EventsContext,
  event: EventRow,
  before: RegistrationRow,
  now: Date,
  how: {
    by: 'registrant' | 'organiser';
    actorId: string | null;
    action: 'registration.withdrawn' | 'registration.offer_declined' | 'registration.cancelled';
  },
): Promise<{ registration: RegistrationRow; event: EventRow; offered: number }> {
  const registration = await repo.updateRegistration(tx, before.id, {
    status: 'cancelled',
    cancelReason: how.by,
    cancelledAt: now,
  });
  await tell(tx, ctx, event, registration, 'events.registration-cancelled', {
    eventUrl: eventUrl(ctx, event),
  });
  await recordAudit(tx, {
    actorId: how.actorId,
    countyCode: event.countyCode,
    action: how.action,
    entityType: 'event_registration',
    entityId: registration.id,
    before: { status: before.status },
    after: { status: registration.status },
  });
  const offered = await offerFreePlaces(tx, ctx, event, now);
  return { registration, event, offered };
}

/** The registrant changes name, organisation or answers through the personal link, before the start. */
export async function changeRegistration(
  ctx: EventsContext,
  token: string,
  raw: RegistrationChange,
  now = new Date(),
): Promise<RegistrationRow> {
  const found = await findByPersonalToken(ctx.db, token);
  if (!found) throw new NotFoundError();
  const parsed = registrationChangeSchema.safeParse(raw);
  const questions = await readQuestions(
    ctx.db,
    found.registration.questionnaireVersionId,
    raw.questionFields ?? {},
  );
  const errors = { ...(parsed.success ? {} : fieldErrorsFrom(parsed.error)), ...questions.errors };
  if (!parsed.success || Object.keys(errors).length) throw new ValidationError(errors);
  const input = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const { event, registration: before } = await lockByToken(tx, token);
    const verdict = lifecycle.registrationMayChange(before, event, now);
    if (verdict !== true) throw new ConflictError(verdict);
    const registration = await repo.updateRegistration(tx, before.id, {
      name: input.name,
      organisationName: input.organisationName,
      organisationType: input.organisationType,
      municipalityCode: input.municipalityCode,
      answers: questions.answers,
    });
    await recordAudit(tx, {
      actorId: null,
      countyCode: event.countyCode,
      action: 'registration.changed',
      entityType: 'event_registration',
      entityId: registration.id,
    });
    return registration;
  });
}

/**
 * The registrant erases their data through the personal link: a standing registration is cancelled first
 * (its place offered on), then name, address, organisation, answers and the link itself are removed.
 */
export async function eraseRegistration(ctx: EventsContext, token: string, now = new Date()): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event, registration } = await lockByToken(tx, token);
    const standing = registration.status !== 'cancelled';
    if (standing)
      await repo.updateRegistration(tx, registration.id, {
        status: 'cancelled',
        cancelReason: 'registrant',
        cancelledAt: now,
      });
    await repo.anonymiseRegistrations(tx, event.id, now, registration.id);
    await recordAudit(tx, {
      actorId: null,
      countyCode: event.countyCode,
      action: 'registration.erased',
      entityType: 'event_registration',
      entityId: registration.id,
      before: { status: registration.status },
    });
    if (standing) await offerFreePlaces(tx, ctx, event, now);
  });
}

export type OfferOutcome = 'confirmed' | 'already-confirmed';

/**
 * Accepts an offered place by the offer mail's link, re-checked under the lock. An offer whose time has run
 * out is refused (409 with the reason) and passed on to the next in line in the same go.
 */
export async function acceptOffer(
  ctx: EventsContext,
  offerToken: string,
  now = new Date(),
): Promise<{ outcome: OfferOutcome; registration: RegistrationRow; event: EventRow }> {
  const result = await ctx.db.transaction(async (tx) => {
    const { event, registration: r } = await lockByOfferToken(tx, offerToken);
    if (r.status === 'confirmed')
      return { refused: undefined, outcome: 'already-confirmed' as const, registration: r, event };
    if (lifecycle.offerHasExpired(r, now)) {
      await expireOffer(tx, ctx, event, r, now);
      await offerFreePlaces(tx, ctx, event, now);
    }
    const verdict = lifecycle.offerMayAccept(r, event, now);
    if (verdict !== true) return { refused: verdict, outcome: 'confirmed' as const, registration: r, event };
    const registration = await repo.updateRegistration(tx, r.id, { status: 'confirmed', confirmedAt: now });
    await tellConfirmed(tx, ctx, event, registration);
    await recordAudit(tx, {
      actorId: null,
      countyCode: event.countyCode,
      action: 'registration.offer_accepted',
      entityType: 'event_registration',
      entityId: registration.id,
      before: { status: 'offered' },
      after: { status: 'confirmed' },
    });
    return { refused: undefined, outcome: 'confirmed' as const, registration, event };
  });
  // Refused after the commit: the expired offer's passing on is kept.
  if (result.refused) throw new ConflictError(result.refused);
  return { outcome: result.outcome, registration: result.registration, event: result.event };
}

/**
 * The registrant declines an offered place by the offer link: the registration is withdrawn and the place is
 * offered to the next in line at once, under the event's lock (lifecycle's offerMayDecline asked again there).
 */
export async function declineOffer(
  ctx: EventsContext,
  offerToken: string,
  now = new Date(),
): Promise<{ registration: RegistrationRow; event: EventRow; offered: number }> {
  return ctx.db.transaction(async (tx) => {
    const { event, registration: before } = await lockByOfferToken(tx, offerToken);
    const verdict = lifecycle.offerMayDecline(before, event, now);
    if (verdict !== true) throw new ConflictError(verdict);
    return withdraw(tx, ctx, event, before, now, {
      by: 'registrant',
      actorId: null,
      action: 'registration.offer_declined',
    });
  });
}

async function expireOffer(tx: Tx, ctx: EventsContext, event: EventRow, r: RegistrationRow, now: Date) {
  const expired = await repo.updateRegistration(tx, r.id, {
    status: 'cancelled',
    cancelReason: 'offer_expired',
    cancelledAt: now,
  });
  await tell(tx, ctx, event, expired, 'events.offer-expired', {});
  await recordAudit(tx, {
    actorId: null,
    countyCode: event.countyCode,
    action: 'registration.offer_expired',
    entityType: 'event_registration',
    entityId: r.id,
    before: { status: 'offered' },
    after: { status: 'cancelled' },
  });
}

/**
 * Periodic work: offers whose time ran out pass on to the next in line (each event in its own transaction,
 * under its lock). Returns how many offers expired.
 */
export async function expireOffers(
  ctx: EventsContext,
  now = new Date(),
  scope: PeriodicScope = {},
): Promise<number> {
  let expired = 0;
  for (const eventId of within(scope, await repo.eventsWithExpiredOffers(ctx.db, now))) {
    expired += await ctx.db.transaction(async (tx) => {
      const event = await lockEventById(tx, eventId);
      const due = await repo.expiredOffers(tx, eventId, now);
      for (const r of due) await expireOffer(tx, ctx, event, r, now);
      await offerFreePlaces(tx, ctx, event, now);
      return due.length;
    });
  }
  return expired;
}

// ---- The organiser's work with registrants -------------------------------------------------------------

/**
 * The organiser adds someone deliberately, beyond the capacity if it is full (marked so). They get the
 * confirmation mail with the calendar file and their personal link.
 */
export async function addRegistrant(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  raw: Omit<RegistrationInput, 'consent'>,
  now = new Date(),
): Promise<RegistrationRow> {
  if (!eventsPolicy['event.registrants'](actor, { countyCode: ref.countyCode })) throw new NotFoundError();
  const input = parse(registrationInputSchema.safeParse({ ...raw, consent: true }));
  return ctx.db.transaction(async (tx) => {
    const event = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.addRegistrant', eventResourceOf(event), now);
    if (await repo.findLiveRegistrationByEmail(tx, event.id, input.email))
      throw new ValidationError({ email: 'Den här e-postadressen är redan anmäld till evenemanget' });
    const counts = await repo.seatCounts(tx, event.id);
    const inserted = await repo.insertRegistration(tx, {
      eventId: event.id,
      countyCode: event.countyCode,
      status: 'confirmed',
      name: input.name,
      email: input.email,
      organisationName: input.organisationName,
      organisationType: input.organisationType,
      municipalityCode: input.municipalityCode,
      locale: input.locale,
      consentAt: now,
      confirmedAt: now,
      beyondCapacity: !lifecycle.seatFree({ capacity: event.capacity, ...counts }),
    });
    const token = personalToken(ctx.config.sessionSecret, inserted.id);
    const registration = await repo.updateRegistration(tx, inserted.id, { tokenHash: hashToken(token) });
    await tellConfirmed(tx, ctx, event, registration);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: event.countyCode,
      action: 'registration.added',
      entityType: 'event_registration',
      entityId: registration.id,
      after: { eventId: event.id, status: 'confirmed', beyondCapacity: registration.beyondCapacity },
    });
    return registration;
  });
}

/** The organiser takes someone from the waiting list (or with an offer) beyond the capacity, deliberately. */
export async function confirmBeyondCapacity(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  registrationId: string,
  now = new Date(),
): Promise<RegistrationRow> {
  return ctx.db.transaction(async (tx) => {
    const event = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.addRegistrant', eventResourceOf(event), now);
    const before = await repo.lockRegistration(tx, registrationId);
    if (!before || before.eventId !== event.id) throw new NotFoundError();
    if (!lifecycle.registrationMayMove(before.status, 'confirmed') || before.anonymisedAt)
      throw new ConflictError(
        'Bara den som står på väntelistan eller har erbjudits en plats kan få en plats.',
      );
    const registration = await repo.updateRegistration(tx, before.id, {
      status: 'confirmed',
      confirmedAt: now,
      beyondCapacity: before.status === 'waiting',
    });
    await tellConfirmed(tx, ctx, event, registration);
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: event.countyCode,
      action: 'registration.confirmed_by_organiser',
      entityType: 'event_registration',
      entityId: registration.id,
      before: { status: before.status },
      after: { status: 'confirmed', beyondCapacity: registration.beyondCapacity },
    });
    return registration;
  });
}

/** The organiser cancels one registration (its place is offered on). */
export async function cancelRegistrationByOrganiser(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  registrationId: string,
  now = new Date(),
): Promise<RegistrationRow> {
  return ctx.db.transaction(async (tx) => {
    const event = await lockCountyEvent(tx, ref);
    const before = await repo.lockRegistration(tx, registrationId);
    if (!before || before.eventId !== event.id) throw new NotFoundError();
    authorize(
      actor,
      'registration.cancel',
      { countyCode: event.countyCode, event, registration: before },
      now,
    );
    const { registration } = await withdraw(tx, ctx, event, before, now, {
      by: 'organiser',
      actorId: actor.id,
      action: 'registration.cancelled',
    });
    return registration;
  });
}

/** Marks attendance (true attended, false a no-show, null not marked) of confirmed registrants. */
export async function markAttendance(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  marks: Array<{ registrationId: string; attended: boolean | null }>,
  now = new Date(),
): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const event = await lockCountyEvent(tx, ref);
    let changed = 0;
    for (const mark of marks) {
      const r = await repo.lockRegistration(tx, mark.registrationId);
      if (!r || r.eventId !== event.id) throw new NotFoundError();
      authorize(actor, 'event.attendance', { countyCode: event.countyCode, event, registration: r }, now);
      if (r.attended === mark.attended) continue;
      await repo.updateRegistration(tx, r.id, { attended: mark.attended });
      changed++;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: event.countyCode,
      action: 'event.attendance_marked',
      entityType: 'event',
      entityId: event.id,
      after: { changed },
    });
    return changed;
  });
}

/** The organiser writes to the registrants: one mail each, enqueued with the audit entry. */
export async function messageRegistrants(
  ctx: EventsContext,
  actor: UserActor,
  ref: EventRef,
  raw: MessageInput,
  now = new Date(),
): Promise<number> {
  const input = parse(messageInputSchema.safeParse(raw));
  return ctx.db.transaction(async (tx) => {
    const event = await lockCountyEvent(tx, ref);
    authorize(actor, 'event.message', eventResourceOf(event), now);
    const to = await repo.listRegistrations(
      tx,
      event.id,
      input.to === 'all' ? ['confirmed', 'offered', 'waiting'] : ['confirmed', 'offered'],
    );
    let sent = 0;
    for (const r of to) {
      if (!r.email) continue;
      await tell(tx, ctx, event, r, 'events.message', { subject: input.subject, text: input.text });
      sent++;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      countyCode: event.countyCode,
      action: 'event.registrants_messaged',
      entityType: 'event',
      entityId: event.id,
      after: { subject: input.subject, recipients: sent },
    });
    return sent;
  });
}

// ---- Periodic work ------------------------------------------------------------------------------------

/** Periodic work runs over every event; a scope narrows it to some (one county's run, a test's own events). */
export interface PeriodicScope {
  eventIds?: string[] | undefined;
}
const within = (scope: PeriodicScope, ids: string[]): string[] =>
  scope.eventIds ? ids.filter((id) => scope.eventIds!.includes(id)) : ids;

/**
 * Sends the link and practical information to confirmed registrants once the event is within its
 * `joining_info_hours_before` of the start (someone confirmed later gets it on the next run). Once each.
 */
export async function sendJoiningInfo(
  ctx: EventsContext,
  now = new Date(),
  scope: PeriodicScope = {},
): Promise<number> {
  let sent = 0;
  for (const eventId of within(scope, await repo.eventsDueForJoiningInfo(ctx.db, now))) {
    sent += await ctx.db.transaction(async (tx) => {
      const event = await lockEventById(tx, eventId);
      if (event.status !== 'published' || now >= event.startsAt) return 0;
      let n = 0;
      for (const r of await repo.listRegistrations(tx, event.id, ['confirmed'])) {
        if (r.joiningInfoSentAt || !r.email) continue;
        await tell(tx, ctx, event, r, 'events.joining-info', {
          meetingLink: event.placeKind === 'digital' ? (event.meetingLink ?? '') : '',
          practicalInfo: event.practicalInfo,
        });
        await repo.updateRegistration(tx, r.id, { joiningInfoSentAt: now });
        n++;
      }
      return n;
    });
  }
  return sent;
}

/**
 * Erases registrants' personal data `retentionDays` after their event ended (default: the configuration's
 * EVENT_RETENTION_DAYS, 90): names, addresses, organisations, answers and personal links go; statuses,
 * attendance, organisation type and municipality stay for the figures. Returns how many registrations.
 */
export async function anonymiseRegistrants(
  ctx: EventsContext,
  now = new Date(),
  retentionDays = ctx.config.eventRetentionDays,
  scope: PeriodicScope = {},
): Promise<number> {
  let erased = 0;
  for (const eventId of within(scope, await repo.eventsDueForAnonymisation(ctx.db, now, retentionDays))) {
    erased += await ctx.db.transaction(async (tx) => {
      const event = await lockEventById(tx, eventId);
      if (event.registrantsAnonymisedAt || !lifecycle.anonymisationIsDue(event, retentionDays, now)) return 0;
      const n = await repo.anonymiseRegistrations(tx, event.id, now);
      await repo.markRegistrantsAnonymised(tx, event.id, now);
      await recordAudit(tx, {
        actorId: null,
        countyCode: event.countyCode,
        action: 'event.registrants_anonymised',
        entityType: 'event',
        entityId: event.id,
        after: { registrations: n, retentionDays },
      });
      return n;
    });
  }
  return erased;
}

// ---- Reading, for the pages ------------------------------------------------------------------------

/** An event of the county for the organiser's pages (drafts too); another county's or none: 404. */
export async function loadEvent(db: Executor, actor: Actor, ref: EventRef): Promise<EventRow> {
  if (!eventsPolicy['event.view'](actor, { countyCode: ref.countyCode })) throw new NotFoundError();
  const event = await repo.findEvent(db, ref.countyCode, ref.eventId);
  if (!event) throw new NotFoundError();
  return event;
}

/** What a public page may show of an event: everything but the meeting link and the practical information. */
export type PublicEvent = Omit<EventRow, 'meetingLink' | 'practicalInfo' | 'createdBy' | 'updatedBy'>;

export function publicEventOf(e: EventRow): PublicEvent {
  const copy: Partial<EventRow> = { ...e };
  delete copy.meetingLink;
  delete copy.practicalInfo;
  delete copy.createdBy;
  delete copy.updatedBy;
  return copy as PublicEvent;
}

export interface PublicEventView {
  event: PublicEvent;
  programme: repo.ProgrammeItemRow[];
  organisers: repo.Organiser[];
  series: repo.SeriesRow | undefined;
  places: { capacity: number | null; left: number | null; waiting: number };
  registration: lifecycle.RegistrationOpenness;
}

/** A published (or cancelled) event's public page by county and slug; drafts and unknown slugs: undefined. */
export async function loadPublicEvent(
  db: Executor,
  countyCode: string,
  slug: string,
  now = new Date(),
): Promise<PublicEventView | undefined> {
  const event = await repo.findEventBySlug(db, countyCode, slug);
  if (!event || !lifecycle.eventIsPublic(event)) return undefined;
  const [programme, organisers, counts, series] = await Promise.all([
    repo.listProgramme(db, event.id),
    repo.listOrganisers(db, [event.id]),
    repo.seatCounts(db, event.id),
    event.seriesId ? repo.findSeries(db, countyCode, event.seriesId) : Promise.resolve(undefined),
  ]);
  const seats = { capacity: event.capacity, ...counts };
  return {
    event: publicEventOf(event),
    programme,
    organisers: organisers.get(event.id) ?? [],
    series,
    places: { capacity: event.capacity, left: lifecycle.seatsLeft(seats), waiting: counts.waiting },
    registration: lifecycle.registrationOpenness(event, now),
  };
}
