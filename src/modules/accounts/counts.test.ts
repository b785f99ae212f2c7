import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import { countCountyPeople, countMembersByOrganisation, countPeopleByCounty } from './repository.ts';
import { insertInvitation } from './repository.ts';

// The counts overview pages show, each asked as a prepared statement: what they count, exactly, measured as
// the change a few new people and invitations make (other tests share the database).
describe("a county's people, counted", () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  it('counts people with a role in the county, live invitations and holders of the role per organisation', async () => {
    const { db } = database;
    const lulea = (await findMunicipalityOrganisation(db, '2580'))!;
    const before = await countCountyPeople(db, '25', 'reporter');
    const peopleBefore = (await countPeopleByCounty(db)).get('25') ?? 0;
    const reportersBefore = (await countMembersByOrganisation(db, 'reporter', '25')).get(lulea.id) ?? 0;

    await createTestUser(db, 'reporter', { municipalityCode: '2580' });
    await createTestUser(db, 'reporter', { municipalityCode: '2580' });
    await createTestUser(db, 'county_admin', { countyCode: '25' });
    await createTestUser(db, 'reporter', { municipalityCode: '0180' });
    const invite = (expiresInMs: number, acceptedAt: Date | null = null): Promise<unknown> =>
      insertInvitation(db, {
        tokenHash: randomUUID(),
        email: `${randomUUID()}@exempel.se`,
        organisationId: lulea.id,
        role: 'reporter',
        countyCode: '25',
        expiresAt: new Date(Date.now() + expiresInMs),
        acceptedAt,
      });
    await invite(86_400_000);
    await invite(-1000);
    await invite(86_400_000, new Date());

    const after = await countCountyPeople(db, '25', 'reporter');
    expect(after.people - before.people).toBe(3);
    expect(after.invitations - before.invitations).toBe(1);
    expect((after.withRole.get(lulea.id) ?? 0) - (before.withRole.get(lulea.id) ?? 0)).toBe(2);
    expect([...after.withRole.values()].every((n) => typeof n === 'number' && n > 0)).toBe(true);
    // The grouped counts agree with the one-statement count.
    expect((await countPeopleByCounty(db)).get('25')! - peopleBefore).toBe(3);
    expect((await countPeopleByCounty(db, '25')).get('25')).toBe(after.people);
    expect((await countMembersByOrganisation(db, 'reporter', '25')).get(lulea.id)! - reportersBefore).toBe(2);
    expect((await countMembersByOrganisation(db, 'reporter')).get(lulea.id)).toBe(
      after.withRole.get(lulea.id),
    );
  });

  it('answers zero for a county nobody has joined, inside a transaction too', async () => {
    const counts = await database.db.transaction((tx) => countCountyPeople(tx, '99', 'reporter'));
    expect(counts).toEqual({ people: 0, invitations: 0, withRole: new Map() });
  });
});
