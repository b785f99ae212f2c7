import { sql } from 'drizzle-orm';
import { char, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const counties = pgTable('counties', {
  /** länskod, two digits, e.g. '03' */
  code: char('code', { length: 2 }).primaryKey(),
  name: text('name').notNull(),
  /** the county's public space, e.g. /uppsala/ */
  slug: text('slug').notNull().unique(),
});

export const municipalities = pgTable(
  'municipalities',
  {
    /** kommunkod, four digits, e.g. '0380' */
    code: char('code', { length: 4 }).primaryKey(),
    name: text('name').notNull(),
    countyCode: char('county_code', { length: 2 })
      .notNull()
      .references(() => counties.code),
  },
  (t) => [index('municipalities_county_idx').on(t.countyCode)],
);

export const organisationTypes = [
  'county_board',
  'municipality',
  'region',
  'government_agency',
  'university',
  'business',
  'civil_society',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];
export const organisationType = pgEnum('organisation_type', organisationTypes);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: organisationType('type').notNull(),
    name: text('name').notNull(),
    /** organisationsnummer NNNNNN-NNNN, Luhn-checked; null where none is known */
    orgNumber: text('org_number').unique(),
    /** the county the organisation belongs to; null for national organisations */
    countyCode: char('county_code', { length: 2 }).references(() => counties.code),
    municipalityCode: char('municipality_code', { length: 4 })
      .unique()
      .references(() => municipalities.code),
    createdAt: timestamp('created_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [index('organisations_county_idx').on(t.countyCode, t.type)],
);

/** Imported boundaries (SCB's digital boundaries), as SVG paths in one projection: maps where imported. */
export const boundaries = pgTable(
  'boundaries',
  {
    kind: text('kind').$type<'county' | 'municipality'>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** an SVG path in the viewBox of BOUNDARY_VIEWBOX */
    path: text('path').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true })
      .notNull()
      .default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);
