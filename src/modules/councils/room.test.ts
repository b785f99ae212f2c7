import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { makeImage, makeText } from '../../../tests/helpers/files.ts';
import { queryRows } from '../../db/client.ts';
import { findCountyBoard, findMunicipalityOrganisation } from '../reference/index.ts';
import * as repo from './repository.ts';
import { addBody, addRepresentative, formCouncil } from './service.ts';

/**
 * The council work room's pages in Gävleborg (21): the county admin keeps councils (forms, changes, merges,
 * dissolves them; their members with logos, bodies and people); a council member sees the councils they sit
 * in and only their own bodies' internal parts; nobody else sees anything of them (404).
 */
describe("a council's work room", () => {
  let t: TestApp;
  let admin: TestUser;
  let adminClient: TestClient;
  let board: string;
  const unique = (base: string) => `${base} ${randomUUID().slice(0, 6)}`;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '21' });
    adminClient = new TestClient(t.app);
    await adminClient.login(admin.email, admin.password);
    board = (await findCountyBoard(t.database.db, '21'))!.id;
  });
  afterAll(() => t.close());

  const clientOf = async (user: TestUser) => {
    const client = new TestClient(t.app);
    await client.login(user.email, user.password);
    return client;
  };

  const form = (name: string, formedOn = '2024-01-01') =>
    formCouncil(t.database.db, admin.actor, '21', { name, formedOn }, { conveningOrganisationId: board });

  const auditActions = async (councilId: string) =>
    (
      await queryRows<{ action: string }>(
        t.database.db,
        sql`select action from audit_log where entity_type = 'council' and entity_id = ${councilId} order by occurred_at, id`,
      )
    ).map((r) => r.action);

  it('forms a council through its form, keeping the input beside the messages when it is refused', async () => {
    const list = await adminClient.get('/gavleborg/rad');
    expect(list.status).toBe(200);
    expect(list.doc.querySelector(`a[href="/gavleborg/rad/nytt"]`)?.text).toBe('Bilda ett råd');
    const refused = await adminClient.submit('/gavleborg/rad/nytt', {
      name: '',
      purpose: 'Att samordna länets arbete',
      formedOn: '2024-02-30',
      secretariatEmail: 'kansli.example',
    });
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#name-error')?.text).toContain('Ange ett namn');
    expect(refused.doc.querySelector('#formedOn-error')?.text).toContain('finns inte');
    expect(refused.doc.querySelector('#secretariatEmail-error')).not.toBeNull();
    expect(refused.doc.querySelector('textarea[name="purpose"]')?.text).toBe('Att samordna länets arbete');
    const name = unique('Råd för social hållbarhet');
    const made = await adminClient.submitOn(refused, {
      name,
      purpose: 'Att samordna länets arbete',
      formedOn: '2024-02-01',
      secretariatEmail: 'kansli@lansstyrelsen.example',
    });
    expect(made.status).toBe(303);
    const overview = await adminClient.follow(made);
    expect(overview.url).toMatch(/^\/gavleborg\/rad\/rad-for-social-hallbarhet[a-z0-9-]*\/oversikt$/);
    expect(overview.doc.querySelector('h1')?.text).toBe(name);
    expect(overview.body).toContain('Att samordna länets arbete');
    expect(overview.doc.querySelector('a[href$="/redigera"]')?.text).toBe('Ändra rådet');
  });

  it('changes and dissolves a council (asked first); an ended council answers 409 and says why', async () => {
    const council = await form(unique('Tillfälligt råd'));
    const base = `/gavleborg/rad/${council.slug}`;
    const newName = unique('Omdöpt råd');
    const edited = await adminClient.submit(`${base}/redigera`, {
      name: newName,
      slug: council.slug,
      formedOn: council.formedOn,
    });
    expect(edited.status).toBe(303);
    expect((await repo.findCouncil(t.database.db, council.id))?.name).toBe(newName);
    const ask = await adminClient.get(`${base}/upplos`);
    expect(ask.status).toBe(200);
    expect(ask.doc.querySelector('.govuk-warning-text')?.text).toContain('kan inte ändras');
    const early = await adminClient.submitOn(ask, { date: '2023-12-31' });
    expect(early.status).toBe(400);
    expect(early.doc.querySelector('#date-error')?.text).toContain('innan det bildades');
    expect((await adminClient.submitOn(ask, { date: '2025-06-30' })).status).toBe(303);
    expect((await adminClient.get(`${base}/redigera`)).status).toBe(409);
    const again = await adminClient.post(`${base}/redigera`, {
      _csrf: await adminClient.csrfToken(),
      name: 'Nytt namn',
      formedOn: '2024-01-01',
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain('Rådet är upplöst.');
    const overview = await adminClient.get(`${base}/oversikt`);
    expect(overview.doc.querySelector('a[href$="/redigera"]')).toBeNull();
    expect(overview.doc.querySelector('section[aria-labelledby="actions"]')?.text).toContain(
      'Rådet är upplöst.',
    );
    // The list: the active first, then the ended with the day they ended.
    const list = await adminClient.get('/gavleborg/rad');
    const ended = list.doc.querySelectorAll('table')[1]!;
    expect(ended.querySelector('caption')?.text).toBe('Råd som har upphört');
    expect(ended.text).toContain(newName);
    expect(ended.text).toContain('30 juni 2025');
    expect(await auditActions(council.id)).toEqual(['council.formed', 'council.edited', 'council.dissolved']);
  });

  it('merges councils chosen by checkbox into a new one, and refuses fewer than two', async () => {
    const a = await form(unique('Integrationsrådet'));
    const b = await form(unique('Jämställdhetsrådet'));
    const page = await adminClient.get('/gavleborg/rad/sammanslagning');
    expect(page.status).toBe(200);
    const one = await adminClient.submitOn(page, {
      councilIds: [a.id],
      name: 'Samverkansrådet',
      formedOn: '2025-01-01',
    });
    expect(one.status).toBe(400);
    expect(one.doc.querySelector('#councilIds-error')?.text).toContain('minst två');
    // The choice is kept.
    expect(one.doc.querySelector(`input[name="councilIds"][value="${a.id}"]`)?.getAttribute('checked')).toBe(
      '',
    );
    const name = unique('Samverkansrådet');
    const merged = await adminClient.submitOn(page, {
      councilIds: [a.id, b.id],
      name,
      formedOn: '2025-01-01',
    });
    expect(merged.status).toBe(303);
    const overview = await adminClient.follow(merged);
    expect(overview.doc.querySelector('h1')?.text).toBe(name);
    expect(overview.body).toContain(a.name);
    expect((await repo.findCouncil(t.database.db, a.id))?.status).toBe('merged');
  });

  it('adds members of any county by search, ends a membership, and shows logos on the public page', async () => {
    const council = await form(unique('Medlemsrådet'));
    const base = `/gavleborg/rad/${council.slug}`;
    const gavle = (await findMunicipalityOrganisation(t.database.db, '2180'))!;
    const uppsala = (await findMunicipalityOrganisation(t.database.db, '0380'))!;
    const members = await adminClient.get(`${base}/medlemmar`);
    // Without a search: the county's own organisations (and the national ones), not another county's.
    expect(members.doc.querySelector(`input[value="${gavle.id}"]`)).not.toBeNull();
    expect(members.doc.querySelector(`input[value="${uppsala.id}"]`)).toBeNull();
    const searched = await adminClient.get(`${base}/medlemmar?sok=uppsala kommun`);
    expect(searched.doc.querySelector(`input[value="${uppsala.id}"]`)).not.toBeNull();
    const none = await adminClient.submitOn(searched, { date: '2024-03-01' }, `${base}/medlemmar`);
    expect(none.status).toBe(400);
    expect(none.doc.querySelector('#organisationIds-error')).not.toBeNull();
    const added = await adminClient.submitOn(
      searched,
      { organisationIds: [uppsala.id], date: '2024-03-01' },
      `${base}/medlemmar`,
    );
    expect(added.status).toBe(303);
    await adminClient.submit(
      `${base}/medlemmar`,
      { organisationIds: [gavle.id], date: '2024-03-01' },
      `${base}/medlemmar`,
    );
    const view = await repo.listMembers(t.database.db, council.id);
    const uppsalaMember = view.find((m) => m.organisationId === uppsala.id)!;
    const gavleMember = view.find((m) => m.organisationId === gavle.id)!;

    // A logo: a text file named .png is refused by its content; a PNG is taken, and shown with its alt text.
    const memberUrl = `${base}/medlemmar/${gavleMember.id}`;
    const csrf = await adminClient.csrfToken();
    const notImage = await adminClient.postMultipart(`${memberUrl}/logotyp`, { _csrf: csrf }, [
      { field: 'logo', filename: 'logga.png', type: 'image/png', bytes: makeText() },
    ]);
    expect(notImage.status).toBe(400);
    expect(notImage.doc.querySelector('#logo-error')?.text).toContain('innehållet som avgör');
    const first = await adminClient.postMultipart(`${memberUrl}/logotyp`, { _csrf: csrf }, [
      { field: 'logo', filename: 'gavle.png', bytes: await makeImage('png', 200, 80) },
    ]);
    expect(first.status).toBe(303);
    const firstLogo = (await repo.findMember(t.database.db, council.id, gavleMember.id))!.logoFileId!;
    expect(firstLogo).toBeTruthy();
    const second = await adminClient.postMultipart(`${memberUrl}/logotyp`, { _csrf: csrf }, [
      { field: 'logo', filename: 'gavle.jpg', bytes: await makeImage('jpeg', 200, 80) },
    ]);
    expect(second.status).toBe(303);
    const secondLogo = (await repo.findMember(t.database.db, council.id, gavleMember.id))!.logoFileId!;
    expect(secondLogo).not.toBe(firstLogo);
    const [old] = await queryRows<{ owner_id: string | null }>(
      t.database.db,
      sql`select owner_id from files where id = ${firstLogo}`,
    );
    expect(old?.owner_id).toBeNull();
    const visitor = new TestClient(t.app);
    const publicPage = await visitor.get(base);
    const img = publicPage.doc.querySelector(`img[alt="Logotyp: ${gavle.name}"]`);
    expect(img).not.toBeNull();
    const logo = await visitor.get(img!.getAttribute('src')!);
    expect(logo.status).toBe(200);
    expect(logo.headers['content-type']).toBe('image/jpeg');
    // The replaced logo is nobody's to see.
    const [{ name: oldName }] = (await queryRows<{ name: string }>(
      t.database.db,
      sql`select original_name as name from files where id = ${firstLogo}`,
    )) as [{ name: string }];
    expect((await visitor.get(`/filer/${firstLogo}/${oldName}`)).status).toBe(404);
    expect(
      (await adminClient.get(memberUrl)).doc.querySelector(`img[alt="Logotyp: ${gavle.name}"]`),
    ).not.toBeNull();

    // Ending a membership: a former member, with the day it left.
    const ended = await adminClient.submit(
      `${base}/medlemmar/${uppsalaMember.id}`,
      { date: '2025-12-31' },
      `${base}/medlemmar/${uppsalaMember.id}/avsluta`,
    );
    expect(ended.status).toBe(303);
    const after = await adminClient.get(`${base}/medlemmar`);
    const former = after.doc.querySelectorAll('table')[1]!;
    expect(former.text).toContain(uppsala.name);
    expect(former.text).toContain('31 december 2025');
    expect(await auditActions(council.id)).toEqual([
      'council.formed',
      'council.members_added',
      'council.members_added',
      'council.member_logo_changed',
      'council.member_logo_changed',
      'council.member_left',
    ]);
  });

  it('keeps the bodies a tree and their people; a person with an account is that account’s', async () => {
    const council = await form(unique('Organrådet'));
    const base = `/gavleborg/rad/${council.slug}`;
    const root = (await repo.listBodies(t.database.db, council.id))[0]!;
    const added = await adminClient.submit(`${base}/organ`, {
      kind: 'secretariat',
      name: 'Kansligruppen',
      commission: 'Bereder rådets möten',
      reportsToId: root.id,
    });
    expect(added.status).toBe(303);
    const kansli = (await repo.listBodies(t.database.db, council.id)).find(
      (b) => b.name === 'Kansligruppen',
    )!;
    const refused = await adminClient.submit(
      `${base}/organ`,
      { kind: 'network', name: 'Nätverket' },
      `${base}/organ`,
    );
    expect(refused.status).toBe(400);
    expect(refused.doc.querySelector('#reportsToId-error')).not.toBeNull();
    expect(refused.doc.querySelector('input[name="name"]')?.getAttribute('value')).toBe('Nätverket');
    await addBody(t.database.db, admin.actor, '21', council.id, {
      kind: 'working_group',
      name: 'Arbetsgruppen',
      reportsToId: root.id,
    });
    const group = (await repo.listBodies(t.database.db, council.id)).find((b) => b.name === 'Arbetsgruppen')!;
    const moved = await adminClient.submit(
      `${base}/organ`,
      { reportsToId: kansli.id },
      `${base}/organ/${group.id}/flytta`,
    );
    expect(moved.status).toBe(303);
    const tree = await adminClient.get(`${base}/organ`);
    // Nested lists with headings: the council, its secretariat group under it, the working group under that.
    expect(tree.doc.querySelector('ul.sv-tree > li > h2')?.text.trim()).toBe(council.name);
    expect(tree.doc.querySelector('ul.sv-tree ul.sv-tree ul.sv-tree > li > h4')?.text.trim()).toBe(
      'Arbetsgruppen',
    );
    const circle = await adminClient.submit(
      `${base}/organ`,
      { reportsToId: group.id },
      `${base}/organ/${kansli.id}/flytta`,
    );
    expect(circle.status).toBe(400);
    expect(circle.doc.querySelector(`#flytta-${kansli.id}-reportsToId-error`)?.text).toContain(
      'rapporterar till den',
    );

    // A person whose address is an account's gets the account; the role changes; a person is removed.
    const member = await createTestUser(t.database.db, 'council_member', { countyCode: '21' });
    const person = await adminClient.submit(`${base}/organ/${kansli.id}`, {
      organisationId: board,
      name: 'Kim Kansli',
      title: 'Utvecklingsledare',
      email: member.email.toUpperCase(),
      role: 'member',
    });
    expect(person.status).toBe(303);
    const [kim] = await repo.listRepresentatives(t.database.db, [kansli.id]);
    expect(kim?.userId).toBe(member.id);
    // The form sent twice (or the address again) seats nobody a second time.
    const again = await adminClient.submit(
      `${base}/organ/${kansli.id}`,
      {
        organisationId: board,
        name: 'Kim Kansli',
        email: member.email,
        role: 'member',
      },
      `${base}/organ/${kansli.id}/personer`,
    );
    expect(again.status).toBe(400);
    expect(again.doc.querySelector('#email-error')?.text).toContain('finns redan');
    expect(await repo.listRepresentatives(t.database.db, [kansli.id])).toHaveLength(1);
    const role = await adminClient.submit(
      `${base}/organ/${kansli.id}`,
      { role: 'chair' },
      `${base}/organ/${kansli.id}/personer/${kim!.id}/roll`,
    );
    expect(role.status).toBe(303);
    expect((await repo.listRepresentatives(t.database.db, [kansli.id]))[0]?.role).toBe('chair');
    await addRepresentative(t.database.db, admin.actor, '21', council.id, kansli.id, {
      organisationId: board,
      name: 'Sam Sekreterare',
      role: 'secretary',
    });
    const sam = (await repo.listRepresentatives(t.database.db, [kansli.id])).find(
      (p) => p.name === 'Sam Sekreterare',
    )!;
    const removed = await adminClient.submit(
      `${base}/organ/${kansli.id}`,
      {},
      `${base}/organ/${kansli.id}/personer/${sam.id}/ta-bort`,
    );
    expect(removed.status).toBe(303);
    expect((await repo.listRepresentatives(t.database.db, [kansli.id])).map((p) => p.name)).toEqual([
      'Kim Kansli',
    ]);
    expect(await auditActions(council.id)).toEqual([
      'council.formed',
      'council.body_added',
      'council.body_added',
      'council.body_moved',
      'council.representative_added',
      'council.representative_role_changed',
      'council.representative_added',
      'council.representative_removed',
    ]);
  });

  it('shows a council member their councils and only their own bodies’ internal parts; others get 404', async () => {
    const council = await form(unique('Sittande råd'));
    const other = await form(unique('Annat råd'));
    const base = `/gavleborg/rad/${council.slug}`;
    const [root] = await repo.listBodies(t.database.db, council.id);
    const group = await addBody(t.database.db, admin.actor, '21', council.id, {
      kind: 'working_group',
      name: 'Arbetsgruppen',
      reportsToId: root!.id,
    });
    const member = await createTestUser(t.database.db, 'council_member', { countyCode: '21' });
    // Named by address before the account existed: the seat is theirs all the same.
    await addRepresentative(t.database.db, admin.actor, '21', council.id, root!.id, {
      organisationId: board,
      name: 'Rut Rådman',
      email: member.email,
      role: 'member',
    });
    await addRepresentative(t.database.db, admin.actor, '21', council.id, group.id, {
      organisationId: board,
      name: 'Gun Grupp',
      email: 'gun.grupp@lansstyrelsen.example',
      role: 'member',
    });
    const client = await clientOf(member);
    const list = await client.get('/gavleborg/rad');
    expect(list.status).toBe(200);
    expect(list.doc.querySelector('main')?.text).toContain(council.name);
    expect(list.doc.querySelector('main')?.text).not.toContain(other.name);
    expect(list.doc.querySelector('a[href="/gavleborg/rad/nytt"]')).toBeNull();
    const overview = await client.get(`${base}/oversikt`);
    expect(overview.status).toBe(200);
    expect(overview.doc.querySelector('section[aria-labelledby="actions"]')).toBeNull();
    expect(overview.body).toContain('Du sitter i');
    const own = await client.get(`${base}/organ/${root!.id}`);
    expect(own.body).toContain(member.email);
    expect(own.doc.querySelector('form[action$="/personer"]')).toBeNull();
    const theirs = await client.get(`${base}/organ/${group.id}`);
    expect(theirs.status).toBe(200);
    expect(theirs.body).toContain('Gun Grupp');
    expect(theirs.body).not.toContain('gun.grupp@lansstyrelsen.example');
    expect(theirs.body).not.toContain('E-post');
    // The admin's pages are not theirs; another council, and this one under another county, are not there.
    expect((await client.get(`${base}/redigera`)).status).toBe(404);
    expect((await client.get(`/gavleborg/rad/${other.slug}/oversikt`)).status).toBe(404);
    expect((await client.get(`/uppsala/rad/${council.slug}/oversikt`)).status).toBe(404);
    // An editor of the county sits nowhere: an honest empty list, and 404 inside.
    const editor = await clientOf(await createTestUser(t.database.db, 'county_editor', { countyCode: '21' }));
    const empty = await editor.get('/gavleborg/rad');
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('Du sitter inte i någon grupp');
    expect((await editor.get(`${base}/oversikt`)).status).toBe(404);
    expect((await editor.get(`${base}/medlemmar`)).status).toBe(404);
    // Another county's admin: 404 for this county's council under either county.
    const stranger = await clientOf(
      await createTestUser(t.database.db, 'county_admin', { countyCode: '20' }),
    );
    expect((await stranger.get(`/dalarna/rad/${council.slug}/oversikt`)).status).toBe(404);
    expect((await stranger.get(`${base}/oversikt`)).status).toBe(404);
  });

  it('the overview counts the members, bodies and people and links to those parts', async () => {
    const council = await form(unique('Översiktsrådet'));
    const page = await adminClient.get(`/gavleborg/rad/${council.slug}/oversikt`);
    const parts = page.doc.querySelector('section[aria-labelledby="parts"]')!;
    expect(parts.querySelector(`a[href="/gavleborg/rad/${council.slug}/medlemmar"]`)).not.toBeNull();
    expect(parts.text).toContain('1 medlemsorganisation');
    expect(parts.text).toContain('1 grupp med 0 personer');
  });
});
