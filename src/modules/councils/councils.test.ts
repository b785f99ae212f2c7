import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { testDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findCountyBoard, findMunicipalityOrganisation } from '../reference/index.ts';
import {
  addBody,
  addMembers,
  addRepresentative,
  changeRepresentativeRole,
  councilOverview,
  dissolveCouncil,
  endMembership,
  formCouncil,
  mergeCouncils,
  moveBody,
  removeRepresentative,
} from './service.ts';
import { listMembers } from './repository.ts';

/** Västmanland (19), whose two councils became one (seed 003); no other test file writes councils there. */
describe('councils: forming, members, bodies, merging and dissolving', () => {
  let database: Database;
  let admin: TestUser;
  let board: string;
  const name = (base: string) => `${base} ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    database = await testDatabase();
    admin = await createTestUser(database.db, 'county_admin', { countyCode: '19' });
    board = (await findCountyBoard(database.db, '19'))!.id;
  });

  const form = (title: string, formedOn = '2020-01-01') =>
    formCouncil(
      database.db,
      admin.actor,
      '19',
      { name: name(title), formedOn },
      { conveningOrganisationId: board },
    );

  it('forms a council convened by the county board, with the council itself as its first body', async () => {
    const council = await form('Integrationsrådet');
    expect(council.status).toBe('active');
    expect(council.slug).toMatch(/^integrationsradet/);
    const { members, tree } = await councilOverview(database.db, '19', council.id);
    expect(members).toEqual([expect.objectContaining({ organisationId: board, convenes: true })]);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.kind).toBe('council');
    const [audit] = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_log where entity_type = 'council' and entity_id = ${council.id}`,
    );
    expect(audit?.action).toBe('council.formed');
  });

  it('refuses bad input beside the field and another county’s admin as if there were no council', async () => {
    await expect(
      formCouncil(
        database.db,
        admin.actor,
        '19',
        { name: '', formedOn: '2020-02-30' },
        { conveningOrganisationId: board },
      ),
    ).rejects.toSatisfy(
      (e) => e instanceof ValidationError && 'name' in e.fieldErrors && 'formedOn' in e.fieldErrors,
    );
    // An address the service itself uses is not said to be another council's.
    await expect(
      formCouncil(
        database.db,
        admin.actor,
        '19',
        { name: 'Nytt råd', slug: 'nytt', formedOn: '2020-02-01' },
        { conveningOrganisationId: board },
      ),
    ).rejects.toSatisfy(
      (e) => e instanceof ValidationError && /används av tjänsten/.test(e.fieldErrors.slug ?? ''),
    );
    await expect(
      formCouncil(
        database.db,
        admin.actor,
        '19',
        { name: 'Rådet', formedOn: '2020-01-01', secretariatEmail: 'kansli.lansstyrelsen.se' },
        { conveningOrganisationId: board },
      ),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationError &&
        e.fieldErrors.secretariatEmail === 'Ange en e-postadress i formatet namn@exempel.se',
    );
    const council = await form('Rådet');
    const other = await createTestUser(database.db, 'county_admin', { countyCode: '03' });
    await expect(
      addMembers(database.db, other.actor, '19', council.id, [board], '2020-01-01'),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      addMembers(database.db, other.actor, '03', council.id, [board], '2020-01-01'),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists its members in Swedish order, å before ä, in every list (PGlite sorts by byte)', async () => {
    const council = await form('Brottsförebyggande rådet');
    const alvkarleby = (await findMunicipalityOrganisation(database.db, '0319'))!.id;
    const [aklagar] = await queryRows<{ id: string }>(
      database.db,
      sql`select id from organisations where name = 'Åklagarmyndigheten'`,
    );
    await addMembers(database.db, admin.actor, '19', council.id, [alvkarleby, aklagar!.id], '2020-02-01');
    const names = (await listMembers(database.db, council.id)).map((m) => m.organisationId);
    expect(names).toEqual([board, aklagar!.id, alvkarleby]);
  });

  it('keeps its bodies a tree and its people among its member organisations', async () => {
    const council = await form('Råd för social hållbarhet');
    const vasteras = (await findMunicipalityOrganisation(database.db, '1980'))!.id;
    await addMembers(database.db, admin.actor, '19', council.id, [vasteras], '2020-02-01');
    const root = (await councilOverview(database.db, '19', council.id)).tree[0]!;
    const kansli = await addBody(database.db, admin.actor, '19', council.id, {
      kind: 'secretariat',
      name: 'Kansligruppen',
      reportsToId: root.id,
    });
    const samordning = await addBody(database.db, admin.actor, '19', council.id, {
      kind: 'coordination',
      name: 'Samordningsgruppen',
      reportsToId: kansli.id,
    });
    await expect(
      moveBody(database.db, admin.actor, '19', council.id, kansli.id, samordning.id),
    ).rejects.toSatisfy(
      (e) => e instanceof ValidationError && /rapporterar till den/.test(e.fieldErrors.reportsToId ?? ''),
    );
    await moveBody(database.db, admin.actor, '19', council.id, samordning.id, root.id);
    await addRepresentative(database.db, admin.actor, '19', council.id, root.id, {
      organisationId: vasteras,
      name: 'Ordförande Testsson',
      role: 'chair',
    });
    const outsider = (await findMunicipalityOrganisation(database.db, '0180'))!.id;
    await expect(
      addRepresentative(database.db, admin.actor, '19', council.id, root.id, {
        organisationId: outsider,
        name: 'Utomstående',
        role: 'member',
      }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && 'organisationId' in e.fieldErrors);
    const { tree } = await councilOverview(database.db, '19', council.id);
    expect(tree[0]!.children.map((b) => b.name).sort()).toEqual(['Kansligruppen', 'Samordningsgruppen']);
    expect(tree[0]!.people.map((p) => p.role)).toEqual(['chair']);
  });

  it('merges two councils into a new one with all their members, and keeps their history (seed 003)', async () => {
    const integration = await form('Integrationsrådet');
    const equality = await form('Jämställdhetsrådet');
    const vasteras = (await findMunicipalityOrganisation(database.db, '1980'))!.id;
    const sala = (await findMunicipalityOrganisation(database.db, '1981'))!.id;
    await addMembers(database.db, admin.actor, '19', integration.id, [vasteras], '2020-01-01');
    await addMembers(database.db, admin.actor, '19', equality.id, [vasteras, sala], '2020-01-01');
    const merged = await mergeCouncils(database.db, admin.actor, '19', [integration.id, equality.id], {
      name: name('Samverkansrådet för social hållbarhet'),
      formedOn: '2024-10-01',
    });
    const overview = await councilOverview(database.db, '19', merged.id);
    expect(overview.members.map((m) => m.organisationId).sort()).toEqual([board, vasteras, sala].sort());
    expect(overview.members.find((m) => m.organisationId === board)?.convenes).toBe(true);
    expect(overview.mergedFrom.map((c) => c.id).sort()).toEqual([integration.id, equality.id].sort());
    for (const old of overview.mergedFrom) {
      expect(old).toMatchObject({ status: 'merged', endedOn: '2024-10-01', mergedIntoId: merged.id });
    }
    // What has ended changes no more.
    await expect(
      addMembers(database.db, admin.actor, '19', integration.id, [sala], '2025-01-01'),
    ).rejects.toBeInstanceOf(ConflictError);
    // Not before it began, nor on a day to come (the member would be listed as former at once).
    await expect(
      endMembership(database.db, admin.actor, '19', merged.id, sala, '2019-12-31'),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      endMembership(
        database.db,
        admin.actor,
        '19',
        merged.id,
        sala,
        '2025-07-01',
        new Date('2025-06-30T12:00:00Z'),
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      endMembership(database.db, admin.actor, '19', merged.id, sala, '2025-06-30'),
    ).resolves.toBeUndefined();
    expect(
      (await councilOverview(database.db, '19', merged.id)).members.find((m) => m.organisationId === sala)
        ?.leftOn,
    ).toBe('2025-06-30');
  });

  it('of two merges of the same council at once, one goes through and the other is refused', async () => {
    const a = await form('Råd A');
    const b = await form('Råd B');
    const c = await form('Råd C');
    const outcomes = await Promise.allSettled([
      mergeCouncils(database.db, admin.actor, '19', [a.id, b.id], {
        name: name('AB'),
        formedOn: '2025-01-01',
      }),
      mergeCouncils(database.db, admin.actor, '19', [b.id, c.id], {
        name: name('BC'),
        formedOn: '2025-01-01',
      }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(ConflictError);
    const [{ n }] = (await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from councils where merged_into_id is not null and id in (${a.id}, ${b.id}, ${c.id})`,
    )) as [{ n: number }];
    expect(n).toBe(2);
  });

  it('removes a person and changes a role while the council is active; a dissolved council refuses both', async () => {
    const council = await form('Råd med personer');
    const root = (await councilOverview(database.db, '19', council.id)).tree[0]!;
    const person = await addRepresentative(database.db, admin.actor, '19', council.id, root.id, {
      organisationId: board,
      name: 'Lisa Ledamot',
      email: admin.email,
      role: 'member',
    });
    // An address that is an account's: the person is that account.
    expect(person.userId).toBe(admin.id);
    const chair = await changeRepresentativeRole(
      database.db,
      admin.actor,
      '19',
      council.id,
      root.id,
      person.id,
      {
        role: 'chair',
      },
    );
    expect(chair.role).toBe('chair');
    await expect(
      changeRepresentativeRole(database.db, admin.actor, '19', council.id, root.id, person.id, {
        role: 'king',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const other = await addRepresentative(database.db, admin.actor, '19', council.id, root.id, {
      organisationId: board,
      name: 'Olle Ersättare',
      role: 'deputy',
    });
    expect(other.userId).toBeNull();
    await removeRepresentative(database.db, admin.actor, '19', council.id, root.id, other.id);
    expect((await councilOverview(database.db, '19', council.id)).tree[0]!.people.map((p) => p.name)).toEqual(
      ['Lisa Ledamot'],
    );
    // Another body's person, or one of another county, is not there.
    await expect(
      removeRepresentative(database.db, admin.actor, '19', council.id, root.id, other.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await dissolveCouncil(database.db, admin.actor, '19', council.id, '2025-01-01');
    await expect(
      removeRepresentative(database.db, admin.actor, '19', council.id, root.id, person.id),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      changeRepresentativeRole(database.db, admin.actor, '19', council.id, root.id, person.id, {
        role: 'member',
      }),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it('dissolves an active council, not before it was formed, and only once', async () => {
    const council = await form('Tillfälligt råd', '2022-01-01');
    await expect(
      dissolveCouncil(database.db, admin.actor, '19', council.id, '2021-12-31'),
    ).rejects.toBeInstanceOf(ValidationError);
    // Not on a day to come: the council would be dissolved today and say it ends later.
    await expect(
      dissolveCouncil(
        database.db,
        admin.actor,
        '19',
        council.id,
        '2023-07-01',
        new Date('2023-06-30T12:00:00Z'),
      ),
    ).rejects.toThrow(ValidationError);
    const dissolved = await dissolveCouncil(database.db, admin.actor, '19', council.id, '2023-06-30');
    expect(dissolved).toMatchObject({ status: 'dissolved', endedOn: '2023-06-30' });
    await expect(dissolveCouncil(database.db, admin.actor, '19', council.id, '2023-07-01')).rejects.toThrow(
      'Rådet är upplöst.',
    );
  });
});
