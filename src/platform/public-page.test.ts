import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../tests/helpers/client.ts';

// The start page and the counties' public pages are rendered once per language and address and kept; what
// differs per visitor (the CSRF token, a signed-in person's name and menu, a message) must still differ.
describe('a public page kept after its first rendering', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const token = (page: Page): string =>
    page.doc.querySelector('form[action="/sprak"] input[name="_csrf"]')?.getAttribute('value') ?? '';

  it("gives each visitor a token of their own that works, and never another's", async () => {
    const anna = new TestClient(t.app);
    const bertil = new TestClient(t.app);
    const [a1, b1, a2] = [
      await anna.get('/uppsala/'),
      await bertil.get('/uppsala/'),
      await anna.get('/uppsala/'),
    ];
    for (const p of [a1, b1, a2]) expect(p.status).toBe(200);
    expect(token(a1)).not.toBe('');
    expect(token(a1)).not.toContain('slot');
    expect(token(b1)).not.toBe(token(a1));
    expect(a1.body.replace(token(a1), '')).toBe(a2.body.replace(token(a2), ''));
    expect(a1.body).toContain('<h1 class="govuk-heading-l">Social hållbarhet i Uppsala län</h1>');
    expect(a1.body).not.toContain('Sundsvall');

    // Bertil's token works with Bertil's cookie and not with Anna's.
    expect((await bertil.post('/sprak', { _csrf: token(b1), locale: 'en', next: '/uppsala/' })).status).toBe(
      303,
    );
    expect((await anna.post('/sprak', { _csrf: token(b1), locale: 'en', next: '/uppsala/' })).status).toBe(
      403,
    );
    // …and Bertil now reads the page in English, Anna still in Swedish.
    const english = await bertil.get('/uppsala/');
    expect(english.doc.querySelector('form[action="/sprak"] button')?.text).not.toBe(
      a1.doc.querySelector('form[action="/sprak"] button')?.text,
    );
    expect((await anna.get('/uppsala/')).body.replace(/value="[^"]*"/g, '')).toBe(
      a1.body.replace(/value="[^"]*"/g, ''),
    );
  });

  it('shows a signed-in person their own name and menu, not the kept anonymous page', async () => {
    const visitor = new TestClient(t.app);
    await visitor.get('/');
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const page = await client.get('/');
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('form[action="/logga-ut"]')).not.toBeNull();
    expect(page.doc.querySelector('a[href="/uppsala/admin"]')).not.toBeNull();
    const anonymous = await visitor.get('/');
    expect(anonymous.doc.querySelector('form[action="/logga-ut"]')).toBeNull();
    expect(anonymous.doc.querySelector('a[href="/uppsala/admin"]')).toBeNull();
  });

  it("keeps a returning visitor's token, and never for a cookie whose signature fails", async () => {
    const anna = new TestClient(t.app);
    const first = await anna.get('/uppsala/'); // no cookie yet: the secret is made and set
    const second = await anna.get('/uppsala/');
    const third = await anna.get('/uppsala/');
    expect(token(third)).toBe(token(second));
    for (const page of [first, third])
      expect(
        (await anna.post('/sprak', { _csrf: token(page), locale: 'sv', next: '/uppsala/' })).status,
      ).toBe(303);
    // A cookie whose signature fails is replaced by a new secret, and its token belongs to that secret only:
    // someone else sending the same bad cookie gets a token of their own, which Cecilia's cookie refuses.
    const cecilia = new TestClient(t.app);
    const david = new TestClient(t.app);
    for (const c of [cecilia, david]) c.cookies.set('csrf', 'forged.signature');
    const c1 = await cecilia.get('/uppsala/');
    expect(cecilia.cookies.get('csrf')).not.toBe('forged.signature');
    const d1 = await david.get('/uppsala/');
    expect(token(d1)).not.toBe(token(c1));
    expect((await cecilia.post('/sprak', { _csrf: token(d1), locale: 'sv', next: '/uppsala/' })).status).toBe(
      403,
    );
    expect((await cecilia.post('/sprak', { _csrf: token(c1), locale: 'sv', next: '/uppsala/' })).status).toBe(
      303,
    );
  });
});
