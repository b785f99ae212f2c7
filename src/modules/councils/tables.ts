import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { counties, organisations } from '../reference/tables.ts';
import { bodyKinds, councilStatuses } from './lifecycle.ts';

export const councilStatus = pgEnum('council_status', councilStatuses);
export const councilBodyKind = pgEnum('council_body_kind', bodyKinds);

/**
 * råd för social hållbarhet: a council of a county, convened by its county board (a county may have more
 * than one). Its public page is /{county}/rad/{slug}. A merged council points to the council it became.
 */
export const councils = pgTable(
  'councils',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    /** syfte (Markdown, sanitised when shown) */
    purpose: text('purpose').notNull().default(''),
    /** vision (Markdown, sanitised when shown) */
    vision: text('vision').notNull().default(''),
    /** the secretariat's address (kansliet), where the contact form's messages go */
    secretariatEmail: text('secretariat_email'),
    /** the tag the secretariat wants in the subject of messages to it (seed 003: "kansli för social hållbarhet") */
    subjectTag: text('subject_tag').notNull().default(''),
    status: councilStatus('status').notNull().default('active'),
    formedOn: date('formed_on', { mode: 'string' }).notNull(),
    /** when it was merged or dissolved */
    endedOn: date('ended_on', { mode: 'string' }),
    /** the council a merged council became (checked by the service; no foreign key, so a restore's order is free) */
    mergedIntoId: uuid('merged_into_id'),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('councils_county_slug_uq').on(t.countyCode, t.slug)],
);

/** A member organisation of a council (any type), from when and until when; the logo in the file store. */
export const councilMembers = pgTable(
  'council_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    /** the convening organisation (the county board: "sammankallande") */
    convenes: boolean('convenes').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('council_members_uq').on(t.councilId, t.organisationId)],
);

/**
 * A body of a council (organ): the council itself, its secretariat group (kansligrupp), coordination group
 * (samordningsgrupp), working groups and networks, each with its commission, reporting to one other body of
 * the same council (lifecycle.bodyMayReportTo keeps it a tree).
 */
export const councilBodies = pgTable(
  'council_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id, { onDelete: 'cascade' }),
    kind: councilBodyKind('kind').notNull(),
    name: text('name').notNull(),
    /** uppdrag (Markdown, sanitised when shown) */
    commission: text('commission').notNull().default(''),
    /** the body of the same council it reports to (checked by the service under the council's lock) */
    reportsToId: uuid('reports_to_id'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_bodies_council_idx').on(t.councilId)],
);

export const representativeRoles = ['chair', 'vice_chair', 'member', 'deputy', 'secretary'] as const;
export type RepresentativeRole = (typeof representativeRoles)[number];
export const representativeRole = pgEnum('council_representative_role', representativeRoles);

/** A person who represents a member organisation in a body, with a role; an account when they have one. */
export const councilRepresentatives = pgTable(
  'council_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => councilBodies.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    title: text('title').notNull().default(''),
    email: text('email'),
    role: representativeRole('role').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('council_representatives_body_idx').on(t.bodyId)],
);
