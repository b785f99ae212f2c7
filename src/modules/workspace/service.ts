import type { Executor } from '../../db/client.ts';
import type { Role } from '../../platform/roles.ts';
import { COUNTIES } from '../../platform/tenancy.ts';
import {
  countLiveInvitations,
  countMembersByOrganisation,
  countPeopleByCounty,
  listOrganisationPeople,
} from '../accounts/index.ts';
import {
  countMunicipalitiesByCounty,
  listOrganisations,
  listOrganisationsByIds,
} from '../reference/index.ts';

// The start pages own no data: they put together what reference data and accounts answer.

export interface CountySummary {
  code: string;
  name: string;
  slug: string;
  municipalities: number;
  people: number;
}

export async function nationalOverview(db: Executor): Promise<CountySummary[]> {
  const [municipalities, people] = await Promise.all([
    countMunicipalitiesByCounty(db),
    countPeopleByCounty(db),
  ]);
  return COUNTIES.map((c) => ({
    code: c.code,
    name: c.name,
    slug: c.slug,
    municipalities: municipalities.get(c.code) ?? 0,
    people: people.get(c.code) ?? 0,
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
  const [orgs, reporters] = await Promise.all([
    listOrganisations(db, { countyCode, type: 'municipality' }),
    countMembersByOrganisation(db, 'reporter', countyCode),
  ]);
  return orgs
    .filter((o) => o.municipalityCode !== null)
    .map((o) => ({ code: o.municipalityCode!, name: o.name, reporters: reporters.get(o.id) ?? 0 }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export async function countyCounts(
  db: Executor,
  countyCode: string,
): Promise<{ organisations: number; people: number; invitations: number }> {
  const [orgs, people, invitations] = await Promise.all([
    listOrganisations(db, { countyCode }),
    countPeopleByCounty(db, countyCode),
    countLiveInvitations(db, countyCode),
  ]);
  return { organisations: orgs.length, people: people.get(countyCode) ?? 0, invitations };
}

export interface Colleague {
  name: string;
  role: Role;
}

export const organisationPeople = (db: Executor, organisationId: string): Promise<Colleague[]> =>
  listOrganisationPeople(db, organisationId);

export interface CouncilOrganisation {
  id: string;
  name: string;
  type: string;
  members: number;
}

/** Organisations with at least one council member in the county. */
export async function councilOrganisations(db: Executor, countyCode: string): Promise<CouncilOrganisation[]> {
  const members = await countMembersByOrganisation(db, 'council_member', countyCode);
  const orgs = await listOrganisationsByIds(db, [...members.keys()]);
  return orgs.map((o) => ({ id: o.id, name: o.name, type: o.type, members: members.get(o.id)! }));
}
