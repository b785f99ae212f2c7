import { sql } from 'drizzle-orm';
import { char, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { counties, organisations } from '../reference/tables.ts';
import { roles } from '../../platform/roles.ts';

export const roleEnum = pgEnum('membership_role', roles);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** stored lower-cased */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** argon2id; null until an invited person has chosen a password */
  passwordHash: text('password_hash'),
  locale: text('locale').notNull().default('sv'),
  createdAt: timestamp('created_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** A person's role in an organisation, scoped to a county (null: national or system-wide). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: roleEnum('role').notNull(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [
    unique('memberships_user_org_role_uq').on(t.userId, t.organisationId, t.role),
    index('memberships_org_idx').on(t.organisationId),
    index('memberships_county_idx').on(t.countyCode),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the cookie token: a leaked table does not give working sessions */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** 'reset': sets a new password; 'login': signs a locked-out owner in once */
    purpose: text('purpose', { enum: ['reset', 'login'] })
      .notNull()
      .default('reset'),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    email: text('email').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: roleEnum('role').notNull(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('invitations_county_idx').on(t.countyCode)],
);
