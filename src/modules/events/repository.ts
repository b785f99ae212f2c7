import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.ts';
import { prepared, preparedSql, rowOf } from '../../db/prepared.ts';
import { sharedReads } from '../../db/shared-reads.ts';
import type { auditLog, jobs } from '../../platform/tables.ts';
import { isUuid } from '../../platform/validation.ts';
import { organisations } from '../reference/index.ts';
import {
  eventOrganisers,
  events,
  eventSeries,
  programmeItems,
  registrations,
  type EventStatus,
  type RegistrationStatus,
} from './tables.ts';

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
export type SeriesRow = typeof eventSeries.$inferSelect;
export type ProgrammeItemRow = typeof programmeItems.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type NewRegistrationRow = typeof registrations.$inferInsert;
type NewJobRow = typeof jobs.$inferInsert;
type NewAuditRow = typeof auditLog.$inferInsert;

// ---- Events --------------------------------------------------------------------------------------------

export async function insertEvent(db: Executor, values: NewEventRow): Promise<EventRow> {
  const [row] = await db.insert(events).values(values).returning();
  return row!;
}

/** Writes the changes and raises the version, so a page holding the old version learns it changed. */
export async function updateEvent(
  db: Executor,
  id: string,
  values: Partial<NewEventRow>,
  updatedBy: string | null,
): Promise<EventRow> {
  const [row] = await db
    .update(events)
    .set({ ...values, updatedBy, updatedAt: sql`now()`, version: sql`${events.version} + 1` })
    .where(eq(events.id, id))
    .returning();
  return row!;
}

/** The event row locked until the transaction ends: every change of the event or its registrations starts here. */
export async function lockEvent(db: Executor, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(events).where(eq(events.id, id)).for('update');
  return row;
}

/** An event of the county (any status); another county's is not found. */
export async function findEvent(db: Executor, countyCode: string, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await eventOfCounty(db, { id, countyCode });
  return row;
}

/**
 * findEvent, shared by those who ask for the same event at the same moment (each still gets what the database
 * held after it asked, see sharedReads): a rush of registrations reads its event a few times, not once per
 * registrant, and the registrations go on to the event's lock instead of queueing for connections behind
 * each other's reads. The row is shared: read it, never change it.
 */
export const findEventShared = sharedReads(findEvent, (countyCode, id) => `${countyCode}\0${id}`);

const eventOfCounty = prepared('events_event_of_county', (db) =>
  db
    .select()
    .from(events)
    .where(and(eq(events.id, sql.placeholder('id')), eq(events.countyCode, sql.placeholder('countyCode')))),
);

export async function findEventById(db: Executor, id: string): Promise<EventRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

export async function findEventBySlug(
  db: Executor,
  countyCode: string,
  slug: string,
): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.countyCode, countyCode), eq(events.slug, slug)));
  return row;
}

/** Whether another event of the county has the address (a county's slugs are unique). */
export async function slugTaken(
  db: Executor,
  countyCode: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const found = await findEventBySlug(db, countyCode, slug);
  return found !== undefined && found.id !== exceptId;
}

export interface EventListFilter {
  /** one county's; absent: every county's (the national calendar) */
  countyCode?: string | undefined;
  statuses?: EventStatus[] | undefined;
  /** events that end at or after this instant */
  from?: Date | undefined;
  /** events that start before this instant */
  to?: Date | undefined;
  theme?: string | undefined;
  seriesId?: string | undefined;
  limit?: number | undefined;
}

/** Events by start time (earliest first). */
export async function listEvents(db: Executor, f: EventListFilter = {}): Promise<EventRow[]> {
  const where = and(
    f.countyCode ? eq(events.countyCode, f.countyCode) : undefined,
    f.statuses?.length ? inArray(events.status, f.statuses) : undefined,
    f.from ? gte(events.endsAt, f.from) : undefined,
    f.to ? lt(events.startsAt, f.to) : undefined,
    f.theme ? sql`${f.theme} = any(${events.themes})` : undefined,
    f.seriesId ? eq(events.seriesId, f.seriesId) : undefined,
  );
  const query = db.select().from(events).where(where).orderBy(asc(events.startsAt), asc(events.id));
  return f.limit ? query.limit(f.limit) : query;
}

// ---- Organisers and programme ------------------------------------------------------------------------

export async function replaceOrganisers(
  db: Executor,
  eventId: string,
  countyCode: string,
  organisationIds: string[],
): Promise<void> {
  await db.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  if (organisationIds.length === 0) return;
  await db
    .insert(eventOrganisers)
    .values(
      organisationIds.map((organisationId, position) => ({ eventId, organisationId, countyCode, position })),
    );
}

export interface Organiser {
  id: string;
  name: string;
  type: string;
}

export async function listOrganisers(db: Executor, eventIds: string[]): Promise<Map<string, Organiser[]>> {
  const out = new Map<string, Organiser[]>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({
      eventId: eventOrganisers.eventId,
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
    })
    .from(eventOrganisers)
    .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
    .where(inArray(eventOrganisers.eventId, eventIds))
    .orderBy(asc(eventOrganisers.position));
  for (const r of rows) {
    const list = out.get(r.eventId) ?? [];
    list.push({ id: r.id, name: r.name, type: r.type });
    out.set(r.eventId, list);
  }
  return out;
}

export async function replaceProgramme(
  db: Executor,
  eventId: string,
  countyCode: string,
  items: Array<Omit<typeof programmeItems.$inferInsert, 'eventId' | 'countyCode' | 'position'>>,
): Promise<void> {
  await db.delete(programmeItems).where(eq(programmeItems.eventId, eventId));
  if (items.length === 0) return;
  await db
    .insert(programmeItems)
    .values(items.map((item, position) => ({ ...item, eventId, countyCode, position })));
}

export async function listProgramme(db: Executor, eventId: string): Promise<ProgrammeItemRow[]> {
  return db
    .select()
    .from(programmeItems)
    .where(eq(programmeItems.eventId, eventId))
    .orderBy(asc(programmeItems.position));
}

// ---- Series ---------------------------------------------------------------------------------------------

export async function insertSeries(
  db: Executor,
  values: typeof eventSeries.$inferInsert,
): Promise<SeriesRow> {
  const [row] = await db.insert(eventSeries).values(values).returning();
  return row!;
}

export async function updateSeries(
  db: Executor,
  id: string,
  values: Partial<typeof eventSeries.$inferInsert>,
): Promise<SeriesRow> {
  const [row] = await db
    .update(eventSeries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(eventSeries.id, id))
    .returning();
  return row!;
}

export async function findSeries(
  db: Executor,
  countyCode: string,
  id: string,
): Promise<SeriesRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(eventSeries)
    .where(and(eq(eventSeries.id, id), eq(eventSeries.countyCode, countyCode)));
  return row;
}

export async function findSeriesBySlug(
  db: Executor,
  countyCode: string,
  slug: string,
): Promise<SeriesRow | undefined> {
  const [row] = await db
    .select()
    .from(eventSeries)
    .where(and(eq(eventSeries.countyCode, countyCode), eq(eventSeries.slug, slug)));
  return row;
}

/** Whether another series of the county has the address (a county's slugs are unique). */
export async function seriesSlugTaken(
  db: Executor,
  countyCode: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const found = await findSeriesBySlug(db, countyCode, slug);
  return found !== undefined && found.id !== exceptId;
}

export async function listSeries(db: Executor, countyCode: string): Promise<SeriesRow[]> {
  return db
    .select()
    .from(eventSeries)
    .where(eq(eventSeries.countyCode, countyCode))
    .orderBy(desc(eventSeries.startYear), asc(eventSeries.title));
}

// ---- Places ------------------------------------------------------------------------------------------------

export interface Counts {
  /** confirmed and offered: each holds a place */
  taken: number;
  waiting: number;
}

/** The places taken and the waiting list's length. Under the event's lock these cannot change meanwhile. */
export async function seatCounts(db: Executor, eventId: string): Promise<Counts> {
  const [row] = await db
    .select({
      taken: sql<number>`count(*) filter (where ${registrations.status} in ('confirmed', 'offered'))::int`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  return { taken: Number(row?.taken ?? 0), waiting: Number(row?.waiting ?? 0) };
}

/** The event locked for a batch of registrations, with its places counted under the lock. */
export interface LockedForRegistrations {
  event: EventRow;
  counts: Counts;
  /** the given addresses (lower-cased) a standing (not cancelled) registration of the event already has */
  duplicates: Set<string>;
}

/**
 * The event row locked (as lockEvent), and under the lock its places taken, its waiting list's length and
 * which of these addresses a standing registration already has: one statement, so registering holds the
 * event's lock for one round trip less. The counts come from the database function `event_seats_for`
 * (migration 0015), called after the lock is granted: it reads with a snapshot of its own and so sees every
 * registration the lock's previous holders committed. Counting in this statement itself would not: its
 * snapshot is taken before it waits for the lock (two registrations would then take one last place). A named
 * statement: a rush of registrations for one event waits for no query building.
 */
export async function lockEventForRegistrations(
  db: Executor,
  id: string,
  emails: string[],
): Promise<LockedForRegistrations | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await lockEventForRegistrationsSql(db, [id, emails.map((e) => e.toLowerCase())]);
  if (!row) return undefined;
  return {
    event: rowOf(events, row),
    counts: { taken: Number(row.seats_taken), waiting: Number(row.seats_waiting) },
    duplicates: new Set(row.seats_duplicates ?? []),
  };
}

const lockEventForRegistrationsSql = preparedSql<
  Record<string, unknown> & { seats_taken: number; seats_waiting: number; seats_duplicates: string[] | null }
>(
  'events_lock_event_for_registrations',
  `with locked as (select * from events where id = $1 for update)
   select locked.*, seats.taken as seats_taken, seats.waiting as seats_waiting, seats.duplicates as seats_duplicates
     from locked cross join lateral event_seats_for(locked.id, $2::text[]) as seats`,
);

/** The same for many events at once (calendar pages: places left). */
export async function seatCountsOf(db: Executor, eventIds: string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>();
  if (eventIds.length === 0) return out;
  const rows = await db
    .select({
      eventId: registrations.eventId,
      taken: sql<number>`count(*) filter (where ${registrations.status} in ('confirmed', 'offered'))::int`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`,
    })
    .from(registrations)
    .where(inArray(registrations.eventId, eventIds))
    .groupBy(registrations.eventId);
  for (const r of rows) out.set(r.eventId, { taken: Number(r.taken), waiting: Number(r.waiting) });
  return out;
}

// ---- Registrations ---------------------------------------------------------------------------------------

export async function insertRegistration(db: Executor, values: NewRegistrationRow): Promise<RegistrationRow> {
  const [row] = await db.insert(registrations).values(values).returning();
  return row!;
}

/** A new public registration with the job of its mail and its audit entry, as registering writes it. */
export interface NewRegistrationWithMail {
  registration: NewRegistration;
  mail: Pick<NewJobRow, 'kind' | 'payload'>;
  audit: NewAuditRow;
}

/**
 * Registrations inserted with the jobs of their mails and their audit entries, in one statement
 * (data-modifying CTEs: all are written or, should one fail, none), so a batch of registrations holds its
 * event's lock for one round trip however many it holds. The rows come in as one JSON array, in order: each
 * registration's `seq` follows that order (the waiting list's order), and each gets its mail job's id (taken
 * from the jobs' sequence beside it, so each registration knows its own). The job and audit rows come from
 * the platform's `mailJobRow` and `auditRow`, the rows enqueueMail and recordAudit write. Returns each
 * registration and its mail's job id, in the order given.
 */
export async function insertRegistrationsWithMail(
  db: Executor,
  items: NewRegistrationWithMail[],
): Promise<{ registration: RegistrationRow; mailJobId: number }[]> {
  if (items.length === 0) return [];
  const input = items.map(({ registration: r, mail, audit }, ord) => ({
    ord,
    id: r.id,
    event_id: r.eventId,
    county_code: r.countyCode,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation_name: r.organisationName ?? null,
    organisation_type: r.organisationType ?? null,
    municipality_code: r.municipalityCode ?? null,
    answers: r.answers ?? {},
    questionnaire_version_id: r.questionnaireVersionId ?? null,
    locale: r.locale,
    consent_at: r.consentAt,
    confirmed_at: r.confirmedAt ?? null,
    token_hash: r.tokenHash,
    job_kind: mail.kind,
    job_payload: mail.payload,
    audit_actor_id: audit.actorId ?? null,
    audit_county_code: audit.countyCode ?? null,
    audit_action: audit.action,
    audit_entity_type: audit.entityType,
    audit_entity_id: audit.entityId,
    audit_before: audit.before ?? null,
    audit_after: audit.after ?? null,
  }));
  const rows = await insertRegistrationsWithMailSql(db, [JSON.stringify(input)]);
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return items.map(({ registration }) => {
    const row = byId.get(registration.id);
    if (!row) throw new Error(`registration ${registration.id} was not written`);
    return { registration: rowOf(registrations, row), mailJobId: Number(row.mail_job_id) };
  });
}

/** What a new public registration is made of (the rest takes its columns' defaults). */
export type NewRegistration = Required<
  Pick<
    NewRegistrationRow,
    'id' | 'eventId' | 'countyCode' | 'status' | 'name' | 'email' | 'locale' | 'consentAt' | 'tokenHash'
  >
> &
  Pick<
    NewRegistrationRow,
    | 'organisationName'
    | 'organisationType'
    | 'municipalityCode'
    | 'answers'
    | 'questionnaireVersionId'
    | 'confirmedAt'
  >;

const insertRegistrationsWithMailSql = preparedSql<
  Record<string, unknown> & { mail_job_id: string | number }
>(
  'events_insert_registrations_with_mail',
  `with input as materialized (
     select x.*, nextval(pg_get_serial_sequence('jobs', 'id')) as job_id
       from jsonb_to_recordset($1::jsonb) as x(
         ord int, id uuid, event_id uuid, county_code char(2), status registration_status, name text, email text,
         organisation_name text, organisation_type organisation_type, municipality_code char(4), answers jsonb,
         questionnaire_version_id uuid, locale text, consent_at timestamptz, confirmed_at timestamptz,
         token_hash text, job_kind text, job_payload jsonb, audit_actor_id uuid, audit_county_code char(2),
         audit_action text, audit_entity_type text, audit_entity_id text, audit_before jsonb, audit_after jsonb)
      order by x.ord),
   job as (
     insert into jobs (id, kind, payload) select job_id, job_kind, job_payload from input),
   audited as (
     insert into audit_log (actor_id, county_code, action, entity_type, entity_id, before, after)
     select audit_actor_id, audit_county_code, audit_action, audit_entity_type, audit_entity_id, audit_before,
            audit_after
       from input order by ord)
   insert into event_registrations
     (id, event_id, county_code, status, name, email, organisation_name, organisation_type, municipality_code,
      answers, questionnaire_version_id, locale, consent_at, confirmed_at, token_hash)
   select id, event_id, county_code, status, name, email, organisation_name, organisation_type, municipality_code,
          answers, questionnaire_version_id, locale, consent_at, confirmed_at, token_hash
     from input order by ord
   returning *, (select i.job_id from input i where i.id = event_registrations.id) as mail_job_id`,
);

export async function updateRegistration(
  db: Executor,
  id: string,
  values: Partial<NewRegistrationRow>,
): Promise<RegistrationRow> {
  const [row] = await db
    .update(registrations)
    .set({ ...values, updatedAt: sql`now()`, version: sql`${registrations.version} + 1` })
    .where(eq(registrations.id, id))
    .returning();
  return row!;
}

/** A registration locked (take the event's lock first: every change of registrations does, in that order). */
export async function lockRegistration(db: Executor, id: string): Promise<RegistrationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id)).for('update');
  return row;
}

export async function findRegistration(
  db: Executor,
  eventId: string,
  id: string,
): Promise<RegistrationRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, id), eq(registrations.eventId, eventId)));
  return row;
}

export async function findRegistrationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(registrations).where(eq(registrations.tokenHash, tokenHash));
  return row;
}

export async function findRegistrationByOfferTokenHash(
  db: Executor,
  offerTokenHash: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(registrations).where(eq(registrations.offerTokenHash, offerTokenHash));
  return row;
}

/** A registration of the event with this address that still stands (not cancelled). */
export async function findLiveRegistrationByEmail(
  db: Executor,
  eventId: string,
  email: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        ne(registrations.status, 'cancelled'),
        sql`lower(${registrations.email}) = lower(${email})`,
      ),
    );
  return row;
}

/** The first in line (first in, first out). */
export async function firstWaiting(db: Executor, eventId: string): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'waiting')))
    .orderBy(asc(registrations.seq))
    .limit(1);
  return row;
}

/** Where a waiting registration stands in line (1 first). */
export async function waitingPosition(db: Executor, eventId: string, seq: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, 'waiting'),
        lte(registrations.seq, seq),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The event's registrations in arrival order, optionally of some statuses. */
export async function listRegistrations(
  db: Executor,
  eventId: string,
  statuses?: RegistrationStatus[],
): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        statuses?.length ? inArray(registrations.status, statuses) : undefined,
      ),
    )
    .orderBy(asc(registrations.seq));
}

/** Offers whose time ran out, of any event: the event ids to pass them on in. */
export async function eventsWithExpiredOffers(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)));
  return rows.map((r) => r.eventId);
}

export async function expiredOffers(db: Executor, eventId: string, now: Date): Promise<RegistrationRow[]> {
  return db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        eq(registrations.status, 'offered'),
        lte(registrations.offerExpiresAt, now),
      ),
    )
    .orderBy(asc(registrations.seq));
}

/** Events whose registrants' data is due for erasure: ended `retentionDays` ago and not yet anonymised. */
export async function eventsDueForAnonymisation(
  db: Executor,
  now: Date,
  retentionDays: number,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(and(lte(events.endsAt, cutoff), isNull(events.registrantsAnonymisedAt)));
  return rows.map((r) => r.id);
}

/** Erases the personal data of the event's registrations (or one); status, statistics and counts stay. */
export async function anonymiseRegistrations(
  db: Executor,
  eventId: string,
  now: Date,
  registrationId?: string,
): Promise<number> {
  const rows = await db
    .update(registrations)
    .set({
      name: null,
      email: null,
      organisationName: null,
      answers: {},
      tokenHash: null,
      offerTokenHash: null,
      anonymisedAt: now,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(registrations.eventId, eventId),
        isNull(registrations.anonymisedAt),
        registrationId ? eq(registrations.id, registrationId) : undefined,
      ),
    )
    .returning({ id: registrations.id });
  return rows.length;
}

export async function markRegistrantsAnonymised(db: Executor, eventId: string, now: Date): Promise<void> {
  await db.update(events).set({ registrantsAnonymisedAt: now }).where(eq(events.id, eventId));
}

/** Published events whose joining information is due now: within their hours before the start, not begun. */
export async function eventsDueForJoiningInfo(db: Executor, now: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: events.id })
    .from(events)
    .innerJoin(registrations, eq(registrations.eventId, events.id))
    .where(
      and(
        eq(events.status, 'published'),
        sql`${events.startsAt} - make_interval(hours => ${events.joiningInfoHoursBefore}) <= ${now}`,
        sql`${events.startsAt} > ${now}`,
        eq(registrations.status, 'confirmed'),
        isNull(registrations.joiningInfoSentAt),
        isNotNull(registrations.email),
      ),
    );
  return rows.map((r) => r.id);
}

export interface Figures {
  /** every registration that took or held a place or waited, cancelled ones included */
  registered: number;
  confirmed: number;
  waiting: number;
  offered: number;
  cancelled: number;
  attended: number;
  noShows: number;
  beyondCapacity: number;
  /** by organisation type (null: not given) of confirmed registrations */
  byOrganisationType: Array<{ organisationType: string | null; confirmed: number; attended: number }>;
  /** by municipality code (null: not given) of confirmed registrations */
  byMunicipality: Array<{ municipalityCode: string | null; confirmed: number; attended: number }>;
}

/** An event's figures for the county's follow-up; they survive anonymisation. */
export async function figuresOf(db: Executor, eventId: string): Promise<Figures> {
  const [totals] = await db
    .select({
      registered: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`,
      offered: sql<number>`count(*) filter (where ${registrations.status} = 'offered')::int`,
      cancelled: sql<number>`count(*) filter (where ${registrations.status} = 'cancelled')::int`,
      attended: sql<number>`count(*) filter (where ${registrations.attended} = true)::int`,
      noShows: sql<number>`count(*) filter (where ${registrations.attended} = false)::int`,
      beyondCapacity: sql<number>`count(*) filter (where ${registrations.beyondCapacity} and ${registrations.status} = 'confirmed')::int`,
    })
    .from(registrations)
    .where(eq(registrations.eventId, eventId));
  const confirmedOf = and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'));
  const byType = await db
    .select({
      organisationType: registrations.organisationType,
      confirmed: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${registrations.attended} = true)::int`,
    })
    .from(registrations)
    .where(confirmedOf)
    .groupBy(registrations.organisationType)
    .orderBy(asc(registrations.organisationType));
  const byMunicipality = await db
    .select({
      municipalityCode: registrations.municipalityCode,
      confirmed: sql<number>`count(*)::int`,
      attended: sql<number>`count(*) filter (where ${registrations.attended} = true)::int`,
    })
    .from(registrations)
    .where(confirmedOf)
    .groupBy(registrations.municipalityCode)
    .orderBy(asc(registrations.municipalityCode));
  const n = (v: unknown) => Number(v ?? 0);
  return {
    registered: n(totals?.registered),
    confirmed: n(totals?.confirmed),
    waiting: n(totals?.waiting),
    offered: n(totals?.offered),
    cancelled: n(totals?.cancelled),
    attended: n(totals?.attended),
    noShows: n(totals?.noShows),
    beyondCapacity: n(totals?.beyondCapacity),
    byOrganisationType: byType.map((r) => ({ ...r, confirmed: n(r.confirmed), attended: n(r.attended) })),
    byMunicipality: byMunicipality.map((r) => ({ ...r, confirmed: n(r.confirmed), attended: n(r.attended) })),
  };
}

// ---- The public pages ----------------------------------------------------------------------------------

/** The themes of the published events (of one county, or of all), for the calendar's filter. */
export async function listThemes(db: Executor, countyCode?: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ theme: sql<string>`unnest(${events.themes})` })
    .from(events)
    .where(and(eq(events.status, 'published'), countyCode ? eq(events.countyCode, countyCode) : undefined));
  return rows.map((r) => r.theme);
}

/** What a public event page must know before it can use a kept rendering: the state and a fingerprint. */
export interface PublicEventVersion {
  id: string;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date;
  /** changes with any change of what the page shows: the event, its programme, organisers, series, places */
  fingerprint: string;
}

/**
 * The event of the county with this slug, its registration window and a fingerprint of everything its public
 * page is made of, in one statement (a public page asks nothing else): the rows' transaction ids (`xmin`,
 * new with every insert or update) of the event, its programme, organisers (and their names) and series, and
 * the places taken and the waiting list's length. A removed programme item or organiser changes the count.
 * The visitors who ask for the same page at the same moment share the statement (see sharedReads: each gets
 * what the database held after they asked, so nobody is shown places that were gone when they asked).
 */
export const publicEventVersion = sharedReads(
  readPublicEventVersion,
  (countyCode, slug) => `${countyCode}\0${slug}`,
);

async function readPublicEventVersion(
  db: Db,
  countyCode: string,
  slug: string,
): Promise<PublicEventVersion | undefined> {
  const [row] = await publicEventVersionOf(db, [countyCode, slug]);
  if (!row) return undefined;
  return {
    id: row.id,
    status: row.status,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    registrationOpensAt: row.registration_opens_at ? new Date(row.registration_opens_at) : null,
    registrationClosesAt: new Date(row.registration_closes_at),
    fingerprint: row.v,
  };
}

const publicEventVersionOf = preparedSql<{
  id: string;
  status: EventStatus;
  starts_at: string | Date;
  ends_at: string | Date;
  registration_opens_at: string | Date | null;
  registration_closes_at: string | Date;
  v: string;
}>(
  'events_public_event_version',
  `select e.id, e.status, e.starts_at, e.ends_at, e.registration_opens_at, e.registration_closes_at,
     concat_ws(':', e.xmin::text, e.version,
       (select count(*) || '.' || coalesce(sum(p.xmin::text::bigint), 0)
          from event_programme_items p where p.event_id = e.id),
       (select count(*) || '.' || coalesce(sum(o.xmin::text::bigint + g.xmin::text::bigint), 0)
          from event_organisers o join organisations g on g.id = o.organisation_id where o.event_id = e.id),
       (select s.xmin::text from event_series s where s.id = e.series_id),
       (select count(*) filter (where r.status in ('confirmed', 'offered')) || '.' ||
               count(*) filter (where r.status = 'waiting')
          from event_registrations r where r.event_id = e.id)) as v
   from events e where e.county_code = $1 and e.slug = $2`,
);
