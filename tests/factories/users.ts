import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';
import { createUser } from '../../src/modules/accounts/index.ts';
import {
  findCountyBoard,
  findMunicipalityOrganisation,
  findOrganisationByName,
  type Organisation,
} from '../../src/modules/reference/index.ts';
import type { UserActor } from '../../src/platform/authz.ts';
import type { Role } from '../../src/platform/roles.ts';

export const TEST_PASSWORD = 'ett långt testlösenord';

export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}.${randomUUID().slice(0, 8)}@test.example`;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** the user as a signed-in request sees it, for calling services directly */
  actor: UserActor;
}

/**
 * Creates a user with one role. County roles default to the county board of the county; a reporter to
 * the first municipality named; national roles to the Halland county board; the system admin to SKR.
 */
export async function createTestUser(
  db: Db,
  role: Role,
  opts: { countyCode?: string; municipalityCode?: string; organisationName?: string } = {},
): Promise<TestUser> {
  const countyCode = opts.countyCode ?? opts.municipalityCode?.slice(0, 2) ?? '03';
  const org = opts.organisationName
    ? await findOrganisationByName(db, opts.organisationName)
    : role === 'reporter'
      ? await findMunicipalityOrganisation(db, opts.municipalityCode ?? '0380')
      : role === 'system_admin'
        ? await findOrganisationByName(db, 'Sveriges Kommuner och Regioner')
        : await findCountyBoard(db, role === 'national_coordinator' ? '13' : countyCode);
  if (!org) throw new Error('testorganisationen saknas');
  const email = uniqueEmail(role);
  const national = role === 'system_admin' || role === 'national_coordinator';
  const name = `Test ${role}`;
  const id = await createUser(db, null, {
    email,
    name,
    password: TEST_PASSWORD,
    role,
    organisationId: org.id,
    countyCode: national ? null : countyCode,
  });
  return {
    id,
    email,
    password: TEST_PASSWORD,
    actor: actorOf(id, email, name, role, org, national ? null : countyCode),
  };
}

function actorOf(
  id: string,
  email: string,
  name: string,
  role: Role,
  org: Organisation,
  countyCode: string | null,
): UserActor {
  return {
    kind: 'user',
    id,
    email,
    name,
    memberships: [
      {
        role,
        organisationId: org.id,
        organisationName: org.name,
        organisationType: org.type,
        countyCode,
        municipalityCode: org.municipalityCode ?? null,
      },
    ],
  };
}
