import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD, uniqueEmail, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import { auditLog } from '../../platform/tables.ts';
import { findMunicipalityOrganisation, findOrganisationByName } from '../reference/index.ts';
import { invitations, memberships } from './tables.ts';
import { findUserByEmail } from './repository.ts';

describe('accounts', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
  });
  afterAll(() => t.close());

  const errorSummaryLinks = (page: Page) =>
    page.doc.querySelectorAll('.govuk-error-summary a').map((a) => [a.getAttribute('href'), a.text.trim()]);

  /** Sends the queued mail to the file mailbox and returns the newest message to the address. */
  async function lastMailTo(email: string) {
    await t.app.jobs.runDue();
    const box = await readMailbox(mailDirOf(t.config.dataDir));
    return box.find((m) => m.to === email);
  }

  describe('signing in', () => {
    it('lands each role on its start page with a hardened session cookie', async () => {
      const client = new TestClient(t.app);
      const page = await client.login(admin.email, admin.password);
      expect(page.location).toBe('/uppsala/admin');
      const cookie = [page.headers['set-cookie']].flat().find((c) => String(c).startsWith('sid='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      const start = await client.follow(page);
      expect(start.status).toBe(200);
      expect(start.doc.querySelector('h1')?.text).toBe('Länets arbete');
    });

    it('follows a local next address but never an outside one', async () => {
      const client = new TestClient(t.app);
      let page = await client.submit('/logga-in?next=%2Fuppsala%2Fadmin%2Fpersoner', {
        email: admin.email,
        password: admin.password,
      });
      expect(page.location).toBe('/uppsala/admin/personer');
      page = await new TestClient(t.app).submit('/logga-in?next=%2F%2Fevil.example', {
        email: admin.email,
        password: admin.password,
      });
      expect(page.location).toBe('/uppsala/admin');
    });

    it('shows a wrong password as a field error, keeps the address and never echoes the password', async () => {
      const page = await new TestClient(t.app).submit('/logga-in', {
        email: admin.email,
        password: 'fel lösenord',
      });
      expect(page.status).toBe(400);
      expect(errorSummaryLinks(page)).toEqual([['#email', 'Fel e-postadress eller lösenord']]);
      expect(page.doc.querySelector('#email')?.getAttribute('value')).toBe(admin.email);
      expect(page.body).not.toContain('fel lösenord');
      expect(pageProblems(page.doc)).toEqual([]);
    });

    it('asks for both fields when the form is empty', async () => {
      const page = await new TestClient(t.app).submit('/logga-in', { email: '', password: '' });
      expect(page.status).toBe(400);
      expect(errorSummaryLinks(page)).toEqual([
        ['#email', 'Ange e-postadress'],
        ['#password', 'Ange ditt lösenord'],
      ]);
      expect(page.doc.querySelector('#email-error')?.text).toContain('Ange e-postadress');
    });

    it('backs off after repeated failures for one address', async () => {
      const victim = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0381' });
      const client = new TestClient(t.app);
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) {
        statuses.push(
          (await client.submit('/logga-in', { email: victim.email, password: 'gissning' })).status,
        );
      }
      expect(statuses.slice(0, 8)).toEqual(Array(8).fill(400));
      expect(statuses[8]).toBe(429);
      // Even the right password waits out the window.
      const page = await client.submit('/logga-in', { email: victim.email, password: victim.password });
      expect(page.status).toBe(429);
      expect(page.headers['retry-after']).toBeDefined();
      expect(page.doc.querySelector('.govuk-error-summary')?.text).toContain('För många felaktiga försök');
    });

    it('counts only failures, so colleagues signing in from one office address are never held back', async () => {
      const colleague = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0382' });
      for (let i = 0; i < 12; i++) {
        expect(
          (
            await new TestClient(t.app).submit('/logga-in', {
              email: colleague.email,
              password: colleague.password,
            })
          ).status,
        ).toBe(303);
      }
    });

    it('signs out and ends the session on the server', async () => {
      const client = new TestClient(t.app);
      await client.login(admin.email, admin.password);
      const sid = client.cookies.get('sid')!;
      // The sign-out button sits in the toolbar of every page, with its own CSRF token.
      const page = await client.get('/uppsala/admin');
      const token = page.doc
        .querySelector('form[action="/logga-ut"] input[name="_csrf"]')!
        .getAttribute('value')!;
      const out = await client.post('/logga-ut', { _csrf: token });
      expect(out.status).toBe(303);
      const stolen = new TestClient(t.app);
      stolen.cookies.set('sid', sid);
      expect((await stolen.get('/uppsala/admin')).status).toBe(303);
    });
  });

  describe('password reset', () => {
    it('mails a single-use link that sets a new password and ends old sessions', async () => {
      const user = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0380' });
      const old = new TestClient(t.app);
      await old.login(user.email, user.password);

      const client = new TestClient(t.app);
      const sent = await client.submit('/glomt-losenord', { email: user.email.toUpperCase() });
      expect(sent.status).toBe(200);
      expect(sent.doc.querySelector('h1')?.text).toBe('Kontrollera din e-post');
      const mail = await lastMailTo(user.email);
      const link = /http:\/\/samverkan\.test(\/aterstall-losenord\/[\w-]+)/.exec(mail!.text)![1]!;

      const mismatch = await client.submit(link, {
        password: 'ett nytt långt lösenord',
        confirm: 'ett annat',
      });
      expect(mismatch.status).toBe(400);
      expect(errorSummaryLinks(mismatch)).toEqual([['#confirm', 'Lösenorden är inte lika']]);
      const tooShort = await client.submit(link, { password: 'kort', confirm: 'kort' });
      expect(errorSummaryLinks(tooShort)).toEqual([['#password', 'Lösenordet måste ha minst 12 tecken']]);

      const done = await client.submit(link, {
        password: 'ett nytt långt lösenord',
        confirm: 'ett nytt långt lösenord',
      });
      expect(done.status).toBe(303);
      expect((await client.get(link)).status).toBe(404);
      expect((await old.get('/min-organisation')).status).toBe(303);
      expect(
        (await new TestClient(t.app).submit('/logga-in', { email: user.email, password: TEST_PASSWORD }))
          .status,
      ).toBe(400);
      await new TestClient(t.app).login(user.email, 'ett nytt långt lösenord');
    });

    it('answers an unknown address exactly like a known one and sends nothing', async () => {
      const email = uniqueEmail('okand');
      const page = await new TestClient(t.app).submit('/glomt-losenord', { email });
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('h1')?.text).toBe('Kontrollera din e-post');
      expect(await lastMailTo(email)).toBeUndefined();
    });

    it('rejects a malformed address next to the field and keeps it', async () => {
      const page = await new TestClient(t.app).submit('/glomt-losenord', { email: 'anna(at)exempel.se' });
      expect(page.status).toBe(400);
      expect(page.doc.querySelector('#email')?.getAttribute('value')).toBe('anna(at)exempel.se');
      expect(page.doc.querySelector('#email-error')?.text).toContain('namn@exempel.se');
    });
  });

  describe('invitations', () => {
    it('lets a county admin invite a reporter, who accepts, chooses a password and is signed in', async () => {
      const client = new TestClient(t.app);
      await client.login(admin.email, admin.password);
      const org = await findMunicipalityOrganisation(t.database.db, '0360');
      const email = uniqueEmail('inbjuden');
      const sent = await client.submit('/uppsala/admin/personer', {
        email,
        organisationId: org!.id,
        role: 'reporter',
      });
      expect(sent.status).toBe(303);
      const list = await client.follow(sent);
      expect(list.doc.querySelector('.govuk-notification-banner')?.text).toContain(
        `En inbjudan har skickats till ${email}`,
      );
      expect(list.body).toContain(email);

      const [audit] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'invitation.created'), sql`${auditLog.after}->>'email' = ${email}`));
      expect(audit).toMatchObject({ countyCode: '03', entityType: 'invitation' });

      const mail = await lastMailTo(email);
      expect(mail?.subject).toBe('Inbjudan till Samverkan – Tierps kommun');
      const link = /http:\/\/samverkan\.test(\/inbjudan\/[\w-]+)/.exec(mail!.text)![1]!;

      const invited = new TestClient(t.app);
      const form = await invited.get(link);
      expect(form.status).toBe(200);
      expect(form.body).toContain('rapportör för Tierps kommun');
      const bad = await invited.submitOn(form, {
        name: '',
        password: 'ett långt lösenord!',
        confirm: 'ett långt lösenord!',
      });
      expect(bad.status).toBe(400);
      expect(errorSummaryLinks(bad)).toEqual([['#name', 'Ange ditt namn']]);
      const accepted = await invited.submit(link, {
        name: 'Ida Inbjuden',
        password: 'ett långt lösenord!',
        confirm: 'ett långt lösenord!',
      });
      expect(accepted.status).toBe(303);
      const landing = await invited.follow(accepted);
      expect(landing.doc.querySelector('h1')?.text).toBe('Min organisation');
      expect(landing.body).toContain('Tierps kommun');
      expect((await new TestClient(t.app).get(link)).status).toBe(404);

      const user = await findUserByEmail(t.database.db, email);
      const rows = await t.database.db.select().from(memberships).where(eq(memberships.userId, user!.id));
      expect(rows).toMatchObject([{ role: 'reporter', countyCode: '03', organisationId: org!.id }]);
    });

    it('keeps the input and stores nothing when the invitation is wrong', async () => {
      const client = new TestClient(t.app);
      await client.login(admin.email, admin.password);
      const sundsvall = await findMunicipalityOrganisation(t.database.db, '2281');
      const before = await countInvitations();
      const page = await client.submit('/uppsala/admin/personer', {
        email: 'inte en adress',
        organisationId: sundsvall!.id,
        role: 'reporter',
      });
      expect(page.status).toBe(400);
      expect(page.doc.querySelector('#email')?.getAttribute('value')).toBe('inte en adress');
      expect(page.doc.querySelector('#role option[selected]')?.getAttribute('value')).toBe('reporter');
      const other = await client.submit('/uppsala/admin/personer', {
        email: uniqueEmail(),
        organisationId: sundsvall!.id,
        role: 'reporter',
      });
      expect(other.status).toBe(400);
      expect(errorSummaryLinks(other)).toEqual([['#organisationId', 'Välj en organisation i länet']]);
      const region = await findOrganisationByName(t.database.db, 'Region Uppsala');
      const wrongRole = await client.submit('/uppsala/admin/personer', {
        email: uniqueEmail(),
        organisationId: region!.id,
        role: 'county_admin',
      });
      expect(errorSummaryLinks(wrongRole)[0]?.[0]).toBe('#role');
      expect(await countInvitations()).toBe(before);
    });

    it('answers 404 when a county admin posts to another county, and stores nothing', async () => {
      const client = new TestClient(t.app);
      await client.login(admin.email, admin.password);
      const home = await client.get('/uppsala/admin/personer');
      const token = home.doc.querySelector('main form input[name="_csrf"]')!.getAttribute('value')!;
      const org = await findMunicipalityOrganisation(t.database.db, '2281');
      const before = await countInvitations();
      const page = await client.post('/vasternorrland/admin/personer', {
        _csrf: token,
        email: uniqueEmail(),
        organisationId: org!.id,
        role: 'reporter',
      });
      expect(page.status).toBe(404);
      expect(await countInvitations()).toBe(before);
    });

    it('refuses a county editor, who may see people but not invite', async () => {
      const editor = await createTestUser(t.database.db, 'county_editor', { countyCode: '03' });
      const client = new TestClient(t.app);
      await client.login(editor.email, editor.password);
      const page = await client.get('/uppsala/admin/personer');
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('main form')).toBeNull();
    });
  });

  async function countInvitations(): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${invitations}`,
    );
    return Number(row!.n);
  }
});
