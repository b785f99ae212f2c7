import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';

/**
 * An invitation to an address that already has an account says so and asks for that account's password: the
 * link alone, with a "new" password of the visitor's choosing, never opens someone's existing account.
 */
describe('accounts: an invitation to an address that already has an account', () => {
  let t: TestApp;
  let admin: TestUser;
  let existing: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    existing = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0380' });
  });
  afterAll(() => t.close());

  const roles = async (userId: string) =>
    (
      await queryRows<{ role: string; name: string }>(
        t.database.db,
        sql`select m.role, o.name from memberships m join organisations o on o.id = m.organisation_id
          where m.user_id = ${userId} order by o.name`,
      )
    ).map((r) => `${r.role} ${r.name}`);

  it('the inviter is told the person already has an account', async () => {
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const page = await client.get('/uppsala/admin/personer');
    const knivsta = page.doc
      .querySelectorAll('#organisationId option')
      .find((o) => o.text === 'Knivsta kommun')!
      .getAttribute('value')!;
    const sent = await client.submitOn(page, {
      email: existing.email,
      organisationId: knivsta,
      role: 'reporter',
    });
    expect(sent.status).toBe(303);
    const next = await client.follow(sent);
    expect(next.doc.querySelector('.govuk-notification-banner__heading')?.text).toContain(
      `${existing.email} har redan ett konto`,
    );
    // Inviting again to a role the person already holds is refused beside the e-mail field.
    const uppsala = page.doc
      .querySelectorAll('#organisationId option')
      .find((o) => o.text === 'Uppsala kommun')!
      .getAttribute('value')!;
    const again = await client.submitOn(page, {
      email: existing.email,
      organisationId: uppsala,
      role: 'reporter',
    });
    expect(again.status).toBe(400);
    expect(again.doc.querySelector('#email-error')?.text).toContain('har redan rollen');
  });

  it('the invitation page says so and takes the account’s own password; a new password does not open it', async () => {
    const make = factories(t.app);
    const invitation = await make.invitation({ county: '03', municipality: '0381' });
    // Point the invitation at the existing account's address, as an inviter would.
    await t.database.db.execute(
      sql`update invitations set email = ${existing.email} where email = ${invitation.email}`,
    );
    const visitor = new TestClient(t.app);
    const url = `/inbjudan/${invitation.token}`;
    const page = await visitor.get(url);
    expect(page.status).toBe(200);
    expect(pageProblems(page.doc)).toEqual([]);
    expect(page.doc.querySelector('h1')?.text).toBe('Du har redan ett konto');
    expect(page.body).toContain(`Det finns redan ett konto i Samverkan för ${existing.email}`);
    expect(page.doc.querySelector('input[name="name"], input[name="confirm"]')).toBeNull();

    // The old way in: a name and a password of one's own choosing. Refused, and nobody is signed in.
    const hijack = await visitor.post(url, {
      _csrf: page.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!,
      name: 'Någon annan',
      password: 'ett helt nytt lösenord',
      confirm: 'ett helt nytt lösenord',
    });
    expect(hijack.status).toBe(400);
    expect((await visitor.get('/start')).status).toBe(303);
    expect((await visitor.get('/start')).location).toContain('/logga-in');

    const wrong = await visitor.submitOn(page, { password: 'fel lösenord helt och hållet' });
    expect(wrong.status).toBe(400);
    expect(wrong.doc.querySelector('#password-error')?.text).toContain('Fel lösenord');
    expect(await roles(existing.id)).toEqual(['reporter Uppsala kommun']);

    const accepted = await visitor.submitOn(page, { password: existing.password });
    expect(accepted.status).toBe(303);
    expect(await roles(existing.id)).toEqual(['reporter Enköpings kommun', 'reporter Uppsala kommun']);
    const start = await visitor.get('/start');
    expect(start.location).not.toContain('/logga-in');
    // Used up.
    expect((await new TestClient(t.app).get(url)).status).toBe(404);
  });

  it('an address without an account still chooses a name and a password', async () => {
    const make = factories(t.app);
    const invitation = await make.invitation({ county: '03' });
    const page = await new TestClient(t.app).get(`/inbjudan/${invitation.token}`);
    expect(page.doc.querySelector('h1')?.text).toBe('Välkommen till Samverkan');
    expect(page.doc.querySelector('input[name="name"]')).not.toBeNull();
  });
});
