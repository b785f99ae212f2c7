import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import type { Answers } from '../forms/index.ts';
import { questionnaireVersions } from '../forms/tables.ts';
import type { Locale } from '../../platform/i18n.ts';
import { counties, municipalities, organisations, organisationType } from '../reference/tables.ts';

/** A contact person shown on the event page (kontakt). */
export interface EventContact {
  name: string;
  organisation?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
}

/** A speaker of a programme item: "Hanna Lind, handläggare, Sveriges Kommuner och Regioner". */
export interface Speaker {
  name: string;
  title?: string | undefined;
  organisation?: string | undefined;
}

/** föreläsningsserie: a county's series of events over one or more years (seed 000: 2020, perhaps 2021). */
export const eventSeries = pgTable(
  'event_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    /** Markdown, sanitised when shown */
    description: text('description').notNull().default(''),
    startYear: integer('start_year').notNull(),
    /** the last year it runs (the same as startYear for one year) */
    endYear: integer('end_year').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('event_series_county_slug_uq').on(t.countyCode, t.slug)],
);

export const eventStatuses = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventStatus = pgEnum('event_status', eventStatuses);

export const placeKinds = ['address', 'digital'] as const;
export type PlaceKind = (typeof placeKinds)[number];
export const eventPlaceKind = pgEnum('event_place_kind', placeKinds);

/** evenemang: one event of a county, in its calendar at /{county}/kalender/{slug} once published. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    /** the event's address within its county's calendar */
    slug: text('slug').notNull(),
    seriesId: uuid('series_id').references(() => eventSeries.id, { onDelete: 'set null' }),
    status: eventStatus('status').notNull().default('draft'),
    title: text('title').notNull(),
    /** the short lead (vinjett), plain text */
    summary: text('summary').notNull().default(''),
    /** Markdown, sanitised when shown */
    description: text('description').notNull().default(''),
    /** a stored image's reference (files are not yet a capability); null: no image */
    imageRef: text('image_ref'),
    imageAlt: text('image_alt'),
    targetGroup: text('target_group').notNull().default(''),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    placeKind: eventPlaceKind('place_kind').notNull(),
    /** where it is held (place kind 'address'); for a digital event at most a word like "Teams" */
    address: text('address'),
    /** the digital meeting's link: sent to registrants only, never on a public page or feed */
    meetingLink: text('meeting_link'),
    /** practical information sent with the link before the start (Markdown) */
    practicalInfo: text('practical_info').notNull().default(''),
    /** how many hours before the start the link and practical information are sent to registrants */
    joiningInfoHoursBefore: integer('joining_info_hours_before').notNull().default(24),
    /** in öre; 0 is free of charge (Gratis) */
    costOre: integer('cost_ore').notNull().default(0),
    /** places; null is unlimited */
    capacity: integer('capacity'),
    /** when registration opens; null: as soon as the event is published */
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
    /** the last moment to register: by default 23:59:59 Swedish time on the last day (sista anmälningsdag) */
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    /** how long an offered place waits for its confirmation before it passes on, in hours */
    offerHours: integer('offer_hours').notNull().default(48),
    contacts: jsonb('contacts').$type<EventContact[]>().notNull().default([]),
    /** the event's own registration questions (a forms version of owner 'events'); null: none */
    questionnaireVersionId: uuid('questionnaire_version_id').references(() => questionnaireVersions.id),
    /** a recorded lecture's link, published on the event page */
    recordingUrl: text('recording_url'),
    cancellationNote: text('cancellation_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** the registrants' personal data was erased (their rows and counts remain) */
    registrantsAnonymisedAt: timestamp('registrants_anonymised_at', { withTimezone: true }),
    /** raised by every change of the event: guards against silent overwrites, keys kept renderings */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    unique('events_county_slug_uq').on(t.countyCode, t.slug),
    index('events_county_starts_idx').on(t.countyCode, t.startsAt),
    index('events_starts_idx').on(t.startsAt),
    index('events_series_idx').on(t.seriesId),
  ],
);

/** The organisations that arrange an event (the county board, the region, …): one or more. */
export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId] }),
    index('event_organisers_org_idx').on(t.organisationId),
  ],
);

export const programmeItemKinds = ['talk', 'break', 'discussion'] as const;
export type ProgrammeItemKind = (typeof programmeItemKinds)[number];
export const programmeItemKind = pgEnum('programme_item_kind', programmeItemKinds);

/** A point of the event's programme: "13.45 Paus", "14.00 Trollhättan har skapat …" with its speakers. */
export const programmeItems = pgTable(
  'event_programme_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    position: integer('position').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    title: text('title').notNull(),
    kind: programmeItemKind('kind').notNull().default('talk'),
    speakers: jsonb('speakers').$type<Speaker[]>().notNull().default([]),
  },
  (t) => [unique('event_programme_items_position_uq').on(t.eventId, t.position)],
);

export const registrationStatuses = ['confirmed', 'waiting', 'offered', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatus = pgEnum('registration_status', registrationStatuses);

export const cancelReasons = ['registrant', 'organiser', 'offer_expired', 'event_cancelled'] as const;
export type CancelReason = (typeof cancelReasons)[number];
export const registrationCancelReason = pgEnum('registration_cancel_reason', cancelReasons);

/**
 * anmälan: one person's registration for an event. Confirmed and offered registrations hold a place; the
 * waiting list is the waiting ones in `seq` order (first in, first out). After the event the personal data
 * (name, e-mail, organisation, answers, tokens) is erased and `anonymisedAt` set; the row stays for counts.
 */
export const registrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    /** the order of arrival: the waiting list is served by it */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    status: registrationStatus('status').notNull(),
    /** null once anonymised */
    name: text('name'),
    /** null once anonymised */
    email: text('email'),
    /** null once anonymised */
    organisationName: text('organisation_name'),
    /** kept for statistics (not personal on its own) */
    organisationType: organisationType('organisation_type'),
    /** kept for statistics */
    municipalityCode: char('municipality_code', { length: 4 }).references(() => municipalities.code),
    /** answers to the event's own questions; emptied once anonymised */
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    /** the questions' version the answers were given to */
    questionnaireVersionId: uuid('questionnaire_version_id').references(() => questionnaireVersions.id),
    locale: text('locale').$type<Locale>().notNull().default('sv'),
    /** when the registrant accepted the consent text for their personal data */
    consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
    /** the hash of the personal link's token (see, change, cancel, erase); null once anonymised */
    tokenHash: text('token_hash'),
    /** the organiser added this person beyond the capacity, deliberately */
    beyondCapacity: boolean('beyond_capacity').notNull().default(false),
    /** an offered place: the hash of the confirm link's token and when the offer lapses */
    offerTokenHash: text('offer_token_hash'),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: registrationCancelReason('cancel_reason'),
    /** null: not marked; true attended; false a no-show */
    attended: boolean('attended'),
    /** the link and practical information were sent to this registrant */
    joiningInfoSentAt: timestamp('joining_info_sent_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    index('event_registrations_event_idx').on(t.eventId, t.status, t.seq),
    index('event_registrations_county_idx').on(t.countyCode),
    uniqueIndex('event_registrations_token_uq').on(t.tokenHash),
    uniqueIndex('event_registrations_offer_token_uq').on(t.offerTokenHash),
    // One live registration per address and event; a cancelled one may register again.
    uniqueIndex('event_registrations_email_uq')
      .on(t.eventId, sql`lower(${t.email})`)
      .where(sql`status <> 'cancelled' and email is not null`),
    index('event_registrations_offer_expiry_idx')
      .on(t.offerExpiresAt)
      .where(sql`status = 'offered'`),
  ],
);

/**
 * utvärdering: an event's evaluation, a questionnaire (forms, owner 'events') sent after the event to those
 * who attended. Chosen by the organiser until it goes out; `sentAt` marks the first mail, after which the
 * questionnaire stays.
 */
export const eventEvaluations = pgTable('event_evaluations', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  countyCode: char('county_code', { length: 2 })
    .notNull()
    .references(() => counties.code),
  questionnaireVersionId: uuid('questionnaire_version_id')
    .notNull()
    .references(() => questionnaireVersions.id),
  /** when the first invitations went out (null: not yet) */
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

/**
 * One registrant's invitation to evaluate: sent once (one row per registration), answered once by its link.
 * It never names the answer, and the answer never names it. When the registrant's personal data is erased,
 * the invitation lets go of the registration and its link.
 */
export const eventEvaluationInvitations = pgTable(
  'event_evaluation_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    /** null once the registrant's personal data is erased */
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    /** the hash of the link's token; null once the registrant's personal data is erased */
    tokenHash: text('token_hash'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** the link has been used (when is not kept: it would point at the answer) */
    answered: boolean('answered').notNull().default(false),
  },
  (t) => [
    uniqueIndex('event_evaluation_invitations_registration_uq').on(t.registrationId),
    uniqueIndex('event_evaluation_invitations_token_uq').on(t.tokenHash),
    index('event_evaluation_invitations_event_idx').on(t.eventId),
  ],
);

/**
 * One answer to an event's evaluation: the answers and the questions' version, nothing about who gave them or
 * when. The organiser sees them only summarised.
 */
export const eventEvaluationAnswers = pgTable(
  'event_evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    questionnaireVersionId: uuid('questionnaire_version_id')
      .notNull()
      .references(() => questionnaireVersions.id),
    answers: jsonb('answers').$type<Answers>().notNull(),
  },
  (t) => [index('event_evaluation_answers_event_idx').on(t.eventId)],
);
