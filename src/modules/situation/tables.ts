import { sql } from 'drizzle-orm';
import {
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
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { counties, organisations } from '../reference/tables.ts';
import type { Answers } from '../forms/index.ts';
import type { StoredRegionalPicture } from './picture.ts';
import { questionnaireVersions } from '../forms/tables.ts';

export const roundScope = pgEnum('round_scope', ['national', 'county']);

/** rapporteringsomgång: national (all counties take part) or one county's own. */
export const rounds = pgTable('rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  scope: roundScope('scope').notNull(),
  /** the owning county for a county round; null for a national round */
  countyCode: char('county_code', { length: 2 }).references(() => counties.code),
  title: text('title').notNull(),
  topic: text('topic').notNull(),
  questionnaireVersionId: uuid('questionnaire_version_id')
    .notNull()
    .references(() => questionnaireVersions.id),
  /** whether the national coordinator may read the answers beneath a submitted regional picture */
  shareAnswersNationally: boolean('share_answers_nationally').notNull().default(false),
  /** a trial round: it may be removed altogether while nobody has answered */
  isTest: boolean('is_test').notNull().default(false),
  /** closed early: answering ended before the last deadline (the occasions' deadlines moved to then) */
  closedAt: timestamp('closed_at', { withTimezone: true }),
  /** cancelled before anyone answered: kept for the history, shown to nobody as a task */
  cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

/** rapporteringstillfälle: one reporting occasion of a round, e.g. "före sommaren" and "oktober". */
export const occasions = pgTable(
  'occasions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    sequence: integer('sequence').notNull(),
    label: text('label').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    /** 23:59:59 Swedish time on the deadline day */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    locksAt: timestamp('locks_at', { withTimezone: true }).notNull(),
    reminderDaysBefore: integer('reminder_days_before').notNull().default(3),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [unique('occasions_round_sequence_uq').on(t.roundId, t.sequence)],
);

/** An organisation a county asks to answer a round (default: every municipality of the county). */
export const respondents = pgTable(
  'respondents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    unique('respondents_uq').on(t.roundId, t.organisationId),
    index('respondents_county_idx').on(t.roundId, t.countyCode),
  ],
);

/**
 * That a respondent's reporters were told an occasion is open for them (with its deadline and a link): one row
 * per occasion and respondent, written in the transaction that enqueues the mail, so each is told once.
 */
export const occasionNotices = pgTable(
  'occasion_notices',
  {
    occasionId: uuid('occasion_id')
      .notNull()
      .references(() => occasions.id, { onDelete: 'cascade' }),
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'cascade' }),
    sentAt: timestamp('sent_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.occasionId, t.respondentId] })],
);

export const responseStatus = pgEnum('response_status', ['draft', 'submitted', 'returned', 'approved']);
export type ResponseStatus = (typeof responseStatus.enumValues)[number];

/** One respondent's answers for one occasion. `version` guards against silent overwrites. */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occasionId: uuid('occasion_id')
      .notNull()
      .references(() => occasions.id, { onDelete: 'cascade' }),
    // A respondent with answers is never removed: nothing deletes answers behind the county's back.
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => respondents.id, { onDelete: 'restrict' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: responseStatus('status').notNull().default('draft'),
    answers: jsonb('answers').$type<Answers>().notNull().default({}),
    /**
     * What the respondent typed that is not yet a valid answer (a date that does not exist, a measure without
     * status), kept as typed by form field name so a draft never loses text; empty once every answer is valid.
     */
    invalidInput: jsonb('invalid_input').$type<Record<string, string>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    /** the county reopened answering after the deadline */
    reopened: boolean('reopened').notNull().default(false),
    returnComment: text('return_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    unique('responses_occasion_respondent_uq').on(t.occasionId, t.respondentId),
    index('responses_county_idx').on(t.occasionId, t.countyCode),
  ],
);

/** Every saved state of a response, for its history and diffs. */
export const responseVersions = pgTable(
  'response_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: responseStatus('status').notNull(),
    answers: jsonb('answers').$type<Answers>().notNull(),
    note: text('note'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('response_versions_uq').on(t.responseId, t.version)],
);

export const pictureStatus = pgEnum('picture_status', ['draft', 'submitted']);

export interface ChosenQuote {
  responseId: string;
  questionId: string;
  text: string;
  organisationName: string;
}

/** regional lägesbild: a county's compilation of one occasion, with the analyst's summaries. */
export const regionalPictures = pgTable(
  'regional_pictures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occasionId: uuid('occasion_id')
      .notNull()
      .references(() => occasions.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    status: pictureStatus('status').notNull().default('draft'),
    /** area key → the analyst's summary */
    summaries: jsonb('summaries').$type<Record<string, string>>().notNull().default({}),
    quotes: jsonb('quotes').$type<ChosenQuote[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** the compiled picture as submitted (ADR 0004); dates are ISO strings here, revived when read */
    snapshot: jsonb('snapshot').$type<StoredRegionalPicture>(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('regional_pictures_uq').on(t.occasionId, t.countyCode)],
);

/**
 * Every time a county sent its regional picture: what was sent (the snapshot, ADR 0004) and, if the county
 * recalled it before the national compilation was closed, when and by whom. Never changed but for the recall.
 */
export const regionalPictureSubmissions = pgTable(
  'regional_picture_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pictureId: uuid('picture_id')
      .notNull()
      .references(() => regionalPictures.id, { onDelete: 'cascade' }),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    snapshot: jsonb('snapshot').$type<StoredRegionalPicture>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    recalledAt: timestamp('recalled_at', { withTimezone: true }),
    recalledBy: uuid('recalled_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('regional_picture_submissions_picture_idx').on(t.pictureId, t.submittedAt)],
);

/** nationell lägesbild: the national coordinator's compilation of one occasion of a national round. */
export const nationalPictures = pgTable('national_pictures', {
  id: uuid('id').primaryKey().defaultRandom(),
  occasionId: uuid('occasion_id')
    .notNull()
    .unique()
    .references(() => occasions.id, { onDelete: 'cascade' }),
  summaries: jsonb('summaries').$type<Record<string, string>>().notNull().default({}),
  /** the coordinator closed the compilation: the counties' pictures can no longer be recalled */
  closedAt: timestamp('closed_at', { withTimezone: true }),
  closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
