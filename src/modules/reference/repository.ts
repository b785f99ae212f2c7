import { isUuid } from '../../platform/validation.ts';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import { keptUntilChanged } from '../../db/change-feed.ts';
import { prepared } from '../../db/prepared.ts';
import { boundaries, counties, municipalities, organisations, type OrganisationType } from './tables.ts';

export type County = typeof counties.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;

export function listCounties(db: Executor): Promise<County[]> {
  return db.select().from(counties).orderBy(asc(counties.code));
}

export async function findCountyBySlug(db: Executor, slug: string): Promise<County | undefined> {
  const [row] = await db.select().from(counties).where(eq(counties.slug, slug));
  return row;
}

export function listMunicipalities(db: Executor, countyCode: string): Promise<Municipality[]> {
  return db
    .select()
    .from(municipalities)
    .where(eq(municipalities.countyCode, countyCode))
    .orderBy(asc(municipalities.code));
}

export interface OrganisationFilter {
  countyCode?: string | undefined;
  type?: OrganisationType | undefined;
  /** include national organisations (county null) along with the county's own */
  includeNational?: boolean;
}

export function listOrganisations(db: Executor, filter: OrganisationFilter = {}): Promise<Organisation[]> {
  // The county's own organisations: on every county page that lists or counts them, so prepared once.
  if (filter.countyCode && !filter.includeNational && !filter.type)
    return countyOrganisations(db, { countyCode: filter.countyCode });
  // The county's and the national ones: what a county chooses among (people, respondents), on every such view.
  if (filter.countyCode && filter.includeNational && !filter.type)
    return countyAndNationalShared(db, filter.countyCode);
  const where: SQL[] = [];
  if (filter.countyCode) {
    where.push(
      filter.includeNational
        ? sql`(${organisations.countyCode} = ${filter.countyCode} or ${organisations.countyCode} is null)`
        : eq(organisations.countyCode, filter.countyCode),
    );
  }
  if (filter.type) where.push(eq(organisations.type, filter.type));
  return db
    .select()
    .from(organisations)
    .where(where.length ? and(...where) : undefined);
}

const countyOrganisations = prepared('reference_county_organisations', (db) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.countyCode, sql.placeholder('countyCode'))),
);

/** Kept until an organisation changes (see keptUntilChanged): read, never change. */
const countyAndNationalShared = keptUntilChanged(
  ['organisations'],
  (db: Executor, countyCode: string) => countyAndNationalOrganisations(db, { countyCode }),
  (countyCode) => countyCode,
);

const countyAndNationalOrganisations = prepared('reference_county_and_national_organisations', (db) =>
  db
    .select()
    .from(organisations)
    .where(
      sql`(${organisations.countyCode} = ${sql.placeholder('countyCode')} or ${organisations.countyCode} is null)`,
    ),
);

export async function findOrganisation(db: Executor, id: string): Promise<Organisation | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findCountyBoard(db: Executor, countyCode: string): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.countyCode, countyCode), eq(organisations.type, 'county_board')));
  return row;
}

export async function findMunicipalityOrganisation(
  db: Executor,
  municipalityCode: string,
): Promise<Organisation | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.municipalityCode, municipalityCode));
  return row;
}

export async function findOrganisationByName(db: Executor, name: string): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.name, name));
  return row;
}

export async function countReferenceData(
  db: Executor,
): Promise<{ counties: number; municipalities: number; organisations: number }> {
  const result = await queryRows<unknown>(
    db,
    sql`select
    (select count(*) from counties)::int as counties,
    (select count(*) from municipalities)::int as municipalities,
    (select count(*) from organisations)::int as organisations`,
  );
  const row = result[0] as { counties: number; municipalities: number; organisations: number };
  return {
    counties: Number(row.counties),
    municipalities: Number(row.municipalities),
    organisations: Number(row.organisations),
  };
}

export async function insertCounties(db: Executor, rows: Array<typeof counties.$inferInsert>): Promise<void> {
  await db.insert(counties).values(rows).onConflictDoNothing();
}

export async function insertMunicipalities(
  db: Executor,
  rows: Array<typeof municipalities.$inferInsert>,
): Promise<void> {
  await db.insert(municipalities).values(rows).onConflictDoNothing();
}

export async function insertOrganisations(db: Executor, rows: NewOrganisation[]): Promise<void> {
  if (rows.length) await db.insert(organisations).values(rows).onConflictDoNothing();
}

export async function findOrganisationByOrgNumber(
  db: Executor,
  orgNumber: string,
): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.orgNumber, orgNumber));
  return row;
}

export async function insertOrganisation(db: Executor, values: NewOrganisation): Promise<Organisation> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export type Boundary = typeof boundaries.$inferSelect;

export function listBoundaries(db: Executor, kind: 'county' | 'municipality'): Promise<Boundary[]> {
  return db.select().from(boundaries).where(eq(boundaries.kind, kind)).orderBy(asc(boundaries.code));
}

/** What identifies the boundaries as imported: a new import changes it. */
export async function boundaryVersion(db: Executor, kind: 'county' | 'municipality'): Promise<string> {
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      at: sql<string>`coalesce(max(${boundaries.importedAt})::text, '')`,
    })
    .from(boundaries)
    .where(eq(boundaries.kind, kind));
  return `${row?.n ?? 0}:${row?.at ?? ''}`;
}

export async function replaceBoundaries(
  db: Executor,
  kind: 'county' | 'municipality',
  rows: Array<{ code: string; name: string; path: string }>,
): Promise<void> {
  await db.delete(boundaries).where(eq(boundaries.kind, kind));
  for (let i = 0; i < rows.length; i += 100) {
    await db.insert(boundaries).values(rows.slice(i, i + 100).map((r) => ({ ...r, kind })));
  }
}

/** How many municipalities each county has. */
export async function countMunicipalitiesByCounty(db: Executor): Promise<Map<string, number>> {
  const rows = await db
    .select({ countyCode: municipalities.countyCode, n: sql<number>`count(*)::int` })
    .from(municipalities)
    .groupBy(municipalities.countyCode);
  return new Map(rows.map((r) => [r.countyCode, Number(r.n)]));
}

export function listOrganisationsByIds(db: Executor, ids: string[]): Promise<Organisation[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}
