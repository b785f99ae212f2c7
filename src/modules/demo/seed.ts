import type { Db } from '../../db/client.ts';
import type { Role } from '../../platform/roles.ts';
import { seedSituationDemo } from '../situation/index.ts';
import { createUser, findUserByEmail } from '../accounts/index.ts';
import {
  findCountyBoard,
  findMunicipalityOrganisation,
  findOrganisationByName,
  insertOrganisations,
} from '../reference/index.ts';

export const DEMO_PASSWORD = 'demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  description: string;
  /** how to find the organisation */
  organisation: { countyBoard: string } | { municipality: string } | { name: string };
  countyCode: string | null;
}

/** One account per role, all with the password "demo". Every person is invented. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: 'system@demo.test',
    name: 'Sara Systemsson',
    role: 'system_admin',
    description: 'systemadministratör',
    organisation: { name: 'Samverkan – systemförvaltning' },
    countyCode: null,
  },
  {
    email: 'nationell@demo.test',
    name: 'Nils Nationell',
    role: 'national_coordinator',
    description: 'nationell samordnare',
    organisation: { countyBoard: '13' },
    countyCode: null,
  },
  {
    email: 'uppsala@demo.test',
    name: 'Ulla Upplänning',
    role: 'county_admin',
    description: 'länsadministratör, Uppsala län',
    organisation: { countyBoard: '03' },
    countyCode: '03',
  },
  {
    email: 'vasternorrland@demo.test',
    name: 'Vera Västnorr',
    role: 'county_admin',
    description: 'länsadministratör, Västernorrlands län',
    organisation: { countyBoard: '22' },
    countyCode: '22',
  },
  {
    email: 'redaktor.vasternorrland@demo.test',
    name: 'Rakel Redaktör',
    role: 'county_editor',
    description: 'länsredaktör, Västernorrlands län',
    organisation: { countyBoard: '22' },
    countyCode: '22',
  },
  {
    email: 'granskare.vasternorrland@demo.test',
    name: 'Gustav Granskare',
    role: 'county_editor',
    description: 'länsredaktör (granskar), Västernorrlands län',
    organisation: { countyBoard: '22' },
    countyCode: '22',
  },
  {
    email: 'vastmanland@demo.test',
    name: 'Viktor Västman',
    role: 'county_admin',
    description: 'länsadministratör, Västmanlands län',
    organisation: { countyBoard: '19' },
    countyCode: '19',
  },
  {
    email: 'vastra-gotaland@demo.test',
    name: 'Greta Göta',
    role: 'county_admin',
    description: 'länsadministratör, Västra Götalands län',
    organisation: { countyBoard: '14' },
    countyCode: '14',
  },
  {
    email: 'kommun.0380@demo.test',
    name: 'Kim Kommunsson',
    role: 'reporter',
    description: 'rapportör, Uppsala kommun',
    organisation: { municipality: '0380' },
    countyCode: '03',
  },
  {
    email: 'kommun.2281@demo.test',
    name: 'Sam Sundqvist',
    role: 'reporter',
    description: 'rapportör, Sundsvalls kommun',
    organisation: { municipality: '2281' },
    countyCode: '22',
  },
  {
    email: 'rad.uppsala@demo.test',
    name: 'Rut Rådman',
    role: 'council_member',
    description: 'rådsmedlem, Uppsala län',
    organisation: { name: 'Region Uppsala' },
    countyCode: '03',
  },
];

/** Invented council members of Uppsala's council (seed 001's member organisations), without a password. */
const UPPSALA_COUNCIL: ReadonlyArray<{ name: string; organisation: string }> = [
  { name: 'Lena Landshövdingsson', organisation: 'Länsstyrelsen i Uppsala län' },
  { name: 'Per Polisman', organisation: 'Polismyndigheten' },
  { name: 'Kerstin Kriminalvårdare', organisation: 'Kriminalvården' },
  { name: 'Ulf Universitetsson', organisation: 'Uppsala universitet' },
  { name: 'Fia Försäkringsdotter', organisation: 'Försäkringskassan' },
  { name: 'Arne Arbetsförmedlare', organisation: 'Arbetsförmedlingen' },
  { name: 'Knut Knivstabo', organisation: 'Knivsta kommun' },
  { name: 'Ebba Enköpingsbo', organisation: 'Enköpings kommun' },
];

async function resolveOrganisation(db: Db, ref: DemoAccount['organisation']): Promise<string> {
  const org =
    'countyBoard' in ref
      ? await findCountyBoard(db, ref.countyBoard)
      : 'municipality' in ref
        ? await findMunicipalityOrganisation(db, ref.municipality)
        : await findOrganisationByName(db, ref.name);
  if (!org) throw new Error(`Demodata: organisationen saknas (${JSON.stringify(ref)})`);
  return org.id;
}

/** Seeds the demo accounts once; a database that already has them is left as it is. */
export async function seedDemo(db: Db): Promise<boolean> {
  if (await findUserByEmail(db, DEMO_ACCOUNTS[0]!.email)) return false;
  await seedAccounts(db);
  await seedSituationDemo(db);
  return true;
}

async function seedAccounts(db: Db): Promise<void> {
  await insertOrganisations(db, [{ type: 'other', name: 'Samverkan – systemförvaltning', countyCode: null }]);
  for (const account of DEMO_ACCOUNTS) {
    await createUser(db, null, {
      email: account.email,
      name: account.name,
      password: DEMO_PASSWORD,
      role: account.role,
      organisationId: await resolveOrganisation(db, account.organisation),
      countyCode: account.countyCode,
    });
  }
  for (const [i, member] of UPPSALA_COUNCIL.entries()) {
    await createUser(db, null, {
      email: `radsledamot${i + 1}.uppsala@demo.test`,
      name: member.name,
      password: null,
      role: 'council_member',
      organisationId: await resolveOrganisation(db, { name: member.organisation }),
      countyCode: '03',
    });
  }
}
