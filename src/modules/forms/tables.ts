import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { counties } from '../reference/tables.ts';
import type { Definition } from './definition.ts';

/**
 * A questionnaire template; its content lives in immutable versions. Its scope is the capability that owns
 * it (`owner`, a module's name) and a county, or county null for a national template.
 */
export const questionnaires = pgTable(
  'questionnaires',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    owner: text('owner').notNull(),
    title: text('title').notNull(),
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('questionnaires_scope_idx').on(t.owner, t.countyCode)],
);

export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questionnaireId: uuid('questionnaire_id')
      .notNull()
      .references(() => questionnaires.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Definition>().notNull(),
    /**
     * Set once by the capability that starts to use the version (a round, a registration form): from then
     * on its definition never changes, and an edit makes the next version.
     */
    inUse: boolean('in_use').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [unique('questionnaire_versions_uq').on(t.questionnaireId, t.version)],
);
