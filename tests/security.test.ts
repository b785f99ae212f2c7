import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { findMunicipalityOrganisation } from '../src/modules/reference/repository.ts';
import { access } from '../src/platform/authz.ts';
import { createTestUser, uniqueEmail, type TestUser } from './factories.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';

describe('security baseline', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await buildTestApp({
      extend: (app) => {
        app.get('/test/krasch', { config: { access: access.public() } }, async () => {
          throw new Error('hemlig intern detalj anna@example.se');
        });
      },
    });
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
  });
  afterAll(() => t.close());

  const invitationCount = async () =>
    Number(
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from invitations`))[0]!.n,
    );

  it('refuses a state-changing POST without a CSRF token with 403 and stores nothing', async () => {
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const org = await findMunicipalityOrganisation(t.database.db, '0380');
    const before = await invitationCount();
    const fields = { email: uniqueEmail(), organisationId: org!.id, role: 'reporter' };
    const missing = await client.post('/uppsala/admin/personer', fields);
    expect(missing.status).toBe(403);
    expect(missing.doc.querySelector('h1')?.text).toBe('Du har inte behörighet');
    const forged = await client.post('/uppsala/admin/personer', { ...fields, _csrf: 'förfalskad' });
    expect(forged.status).toBe(403);
    // A token from another visitor's session does not fit this one's secret.
    const other = new TestClient(t.app);
    const otherToken = (await other.get('/logga-in')).doc
      .querySelector('input[name="_csrf"]')!
      .getAttribute('value')!;
    expect((await client.post('/uppsala/admin/personer', { ...fields, _csrf: otherToken })).status).toBe(403);
    expect(await invitationCount()).toBe(before);
  });

  it('guards the login form with CSRF too', async () => {
    const page = await new TestClient(t.app).post('/logga-in', {
      email: admin.email,
      password: admin.password,
    });
    expect(page.status).toBe(403);
    expect(page.headers['set-cookie'] ?? '').not.toMatch(/sid=/);
  });

  it('sends a strict Content-Security-Policy and pages carry no inline script or style', async () => {
    const page = await new TestClient(t.app).get('/');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    for (const script of page.doc.querySelectorAll('script')) expect(script.getAttribute('src')).toBeTruthy();
    expect(page.doc.querySelectorAll('style')).toHaveLength(0);
    expect(page.doc.querySelectorAll('[style]')).toHaveLength(0);
    expect(page.body).not.toMatch(/\son[a-z]+=/i);
  });

  it('shows a Swedish 500 page with no stack trace or internal detail', async () => {
    const page = await new TestClient(t.app).get('/test/krasch');
    expect(page.status).toBe(500);
    expect(page.doc.querySelector('h1')?.text).toBe('Något gick fel');
    expect(page.body).not.toContain('hemlig');
    expect(page.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('writes no e-mail address, password or token to the technical log', async () => {
    const email = uniqueEmail('loggtest');
    const client = new TestClient(t.app);
    await client.submit('/logga-in', { email, password: 'hemligt-lösenord-123' });
    await client.submit('/glomt-losenord', { email });
    await client.get('/aterstall-losenord/en-hemlig-token-123');
    await client.get('/test/krasch');
    const log = t.logs.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('/aterstall-losenord/:token');
    expect(log).not.toContain(email);
    expect(log).not.toContain('hemligt-lösenord-123');
    expect(log).not.toContain('en-hemlig-token-123');
    expect(log).not.toContain('anna@example.se');
    expect(log).not.toContain('127.0.0.1');
  });

  it('switches the interface to English and back, without JavaScript', async () => {
    const client = new TestClient(t.app);
    // The language button sits in the toolbar of every page and returns to the same page.
    const login = await client.get('/logga-in');
    const form = login.doc.querySelector('form[action="/sprak"]')!;
    const hidden = Object.fromEntries(
      form.querySelectorAll('input').map((i) => [i.getAttribute('name')!, i.getAttribute('value')!]),
    );
    expect(hidden).toMatchObject({ locale: 'en', next: '/logga-in' });
    const switched = await client.post('/sprak', hidden);
    expect(switched.status).toBe(303);
    const page = await client.follow(switched);
    // The sign-in form is Swedish; the interface around it is now English and says so (WCAG 3.1.1, 3.1.2).
    expect(page.doc.querySelector('html')?.getAttribute('lang')).toBe('sv');
    expect(page.doc.querySelector('h1')?.text).toBe('Logga in');
    expect(page.doc.querySelector('header.govuk-header')?.getAttribute('lang')).toBe('en');
    expect(page.doc.querySelector('form[action="/sprak"] button')?.text.trim()).toBe('På svenska');
  });

  it('survives a language switch with a repeated next field', async () => {
    const client = new TestClient(t.app);
    const login = await client.get('/logga-in');
    const token = login.doc
      .querySelector('form[action="/sprak"] input[name="_csrf"]')!
      .getAttribute('value')!;
    const page = await client.post('/sprak', { _csrf: token, locale: 'en', next: ['/a', '/b'] });
    expect(page.status).toBe(303);
    expect(page.location).toBe('/');
  });

  it('answers health and readiness checks with the backend', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.json()).toEqual({ status: 'ok', database: t.database.backend });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
  });
});
