import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import type { Role } from '../../platform/roles.ts';

export interface CountySummary {
  code: string;
  name: string;
  slug: string;
  municipalities: number;
  people: number;
}

export async function nationalOverview(db: Executor): Promise<CountySummary[]> {
  const result = await queryRows<unknown>(
    db,
    sql`
    select c.code, c.name, c.slug,
      (select count(*) from municipalities m where m.county_code = c.code)::int as municipalities,
      (select count(distinct ms.user_id) from memberships ms where ms.county_code = c.code)::int as people
    from counties c order by c.code`,
  );
  return (result as unknown as CountySummary[]).map((r) => ({
    ...r,
    municipalities: Number(r.municipalities),
    people: Number(r.people),
  }));
}

export interface MunicipalityReadiness {
  code: string;
  name: string;
  reporters: number;
}

/** The county's municipalities with how many reporters each has (a municipality without one cannot answer). */
export async function municipalityReadiness(
  db: Executor,
  countyCode: string,
): Promise<MunicipalityReadiness[]> {
  const result = await queryRows<unknown>(
    db,
    sql`
    select m.code, o.name,
      (select count(*) from memberships ms where ms.organisation_id = o.id and ms.role = 'reporter')::int as reporters
    from municipalities m join organisations o on o.municipality_code = m.code
    where m.county_code = ${countyCode} order by m.code`,
  );
  return (result as unknown as MunicipalityReadiness[]).map((r) => ({
    ...r,
    reporters: Number(r.reporters),
  }));
}

export async function countyCounts(
  db: Executor,
  countyCode: string,
): Promise<{ organisations: number; people: number; invitations: number }> {
  const result = await queryRows<unknown>(
    db,
    sql`select
    (select count(*) from organisations where county_code = ${countyCode})::int as organisations,
    (select count(distinct user_id) from memberships where county_code = ${countyCode})::int as people,
    (select count(*) from invitations where county_code = ${countyCode} and accepted_at is null and expires_at > now())::int as invitations`,
  );
  const r = result[0] as { organisations: number; people: number; invitations: number };
  return {
    organisations: Number(r.organisations),
    people: Number(r.people),
    invitations: Number(r.invitations),
  };
}

export interface Colleague {
  name: string;
  role: Role;
}

export async function organisationPeople(db: Executor, organisationId: string): Promise<Colleague[]> {
  const result = await queryRows<unknown>(
    db,
    sql`
    select u.name, ms.role from memberships ms join users u on u.id = ms.user_id
    where ms.organisation_id = ${organisationId} and u.disabled_at is null order by u.name`,
  );
  return result as unknown as Colleague[];
}

export interface CouncilOrganisation {
  id: string;
  name: string;
  type: string;
  members: number;
}

/** Organisations with at least one council member in the county, the convening county board first. */
export async function councilOrganisations(db: Executor, countyCode: string): Promise<CouncilOrganisation[]> {
  const result = await queryRows<unknown>(
    db,
    sql`
    select o.id, o.name, o.type, count(ms.id)::int as members
    from memberships ms join organisations o on o.id = ms.organisation_id
    where ms.county_code = ${countyCode} and ms.role = 'council_member'
    group by o.id, o.name, o.type`,
  );
  return (result as unknown as CouncilOrganisation[]).map((r) => ({ ...r, members: Number(r.members) }));
}
