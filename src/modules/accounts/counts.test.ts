import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import { countMembersByOrganisation, countPeopleByCounty, countyRoster } from './repository.ts';
import { insertInvitation } from './repository.ts';

// The counts overview pages show, each asked as a prepared statement: what they count, exactly, measured as
// the change a few new people and invitations make (other tests share the database).
describe("a county's people, counted", () => {
  let database: Database;
  beforeAll(async () => {
    database = await testDatabase();
  });

  it("lists the county's organisations with the holders of a role in each, its people and its live invitations", async () => {
    const { db } = database;
    const lulea = (await findMunicipalityOrganisation(db, '2580'))!;
    const withRole = (r: Awaited<ReturnType<typeof countyRoster>>, id: string): number =>
      r.organisations.find((o) => o.id === id)?.withRole ?? -1;
    const before = await countyRoster(db, '25', 'reporter');
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

    const after = await countyRoster(db, '25', 'reporter');
    expect(after.people - before.people).toBe(3);
    expect(after.invitations - before.invitations).toBe(1);
    expect(withRole(after, lulea.id) - withRole(before, lulea.id)).toBe(2);
    // Norrbotten's own organisations only (its 14 municipalities and its county board, at least), each once.
    const ids = after.organisations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.organisations.filter((o) => o.type === 'municipality')).toHaveLength(14);
    expect(after.organisations.some((o) => o.name === 'Uppsala kommun')).toBe(false);
    expect(after.organisations.every((o) => typeof o.withRole === 'number' && o.withRole >= 0)).toBe(true);
    // The grouped counts agree with the one-statement count.
    expect((await countPeopleByCounty(db)).get('25')! - peopleBefore).toBe(3);
    expect((await countPeopleByCounty(db, '25')).get('25')).toBe(after.people);
    expect((await countMembersByOrganisation(db, 'reporter', '25')).get(lulea.id)! - reportersBefore).toBe(2);
    expect((await countMembersByOrganisation(db, 'reporter')).get(lulea.id)).toBe(withRole(after, lulea.id));
  });

  it('answers nothing for a county without organisations, inside a transaction too', async () => {
    const roster = await database.db.transaction((tx) => countyRoster(tx, '99', 'reporter'));
    expect(roster).toEqual({ organisations: [], people: 0, invitations: 0, invitationsValidUntil: Infinity });
  });
});
