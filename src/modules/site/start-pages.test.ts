import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { readSiteTree } from './site-tree.ts';
import { urls } from './urls.ts';

const FRAME = [urls.accessibility(), urls.privacy(), urls.cookies(), urls.support()];

function footerLinks(page: Page): string[] {
  return page.doc.querySelectorAll('footer a').map((a) => a.getAttribute('href') ?? '');
}

/**
 * The start pages and the public-sector frame through the application: what a visitor sees on `/` and a
 * county's start page, the footer on every page, the frame's four pages, and the public pages' ETag.
 */
describe('the start pages and the frame', () => {
  let t: TestApp;
  const county = { code: '13', slug: 'halland', name: 'Hallands län' };
  const newsSlug = `nationell-${randomUUID().slice(0, 8)}`;

  /** Publishes a page of Halland's with a revision, as the editors' service will. */
  async function publish(
    pageId: string,
    fields: { title: string; summary?: string; body?: string; contactIds?: string[] },
  ) {
    const id = randomUUID();
    const contacts = `{${(fields.contactIds ?? []).join(',')}}`;
    await t.database.db.execute(
      sql`insert into site_page_revisions (id, page_id, county_code, number, state, title, summary, body, contact_ids, published_at)
          values (${id}, ${pageId}, ${county.code}, (select coalesce(max(number), 0) + 1 from site_page_revisions where page_id = ${pageId}),
                  'published', ${fields.title}, ${fields.summary ?? ''}, ${fields.body ?? ''}, ${contacts}::uuid[], now())`,
    );
    await t.database.db.execute(
      sql`update site_pages set published_revision_id = ${id} where id = ${pageId}`,
    );
  }

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('links the frame from the footer of a public page and of a signed-in page', async () => {
    const visitor = new TestClient(t.app);
    const home = await visitor.get('/');
    expect(footerLinks(home)).toEqual(expect.arrayContaining(FRAME));

    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: county.code });
    const official = new TestClient(t.app);
    await official.login(admin.email, admin.password);
    const start = await official.get('/start', { checkPage: false });
    const page = start.status === 303 ? await official.follow(start) : start;
    expect(page.status).toBe(200);
    expect(footerLinks(page)).toEqual(expect.arrayContaining(FRAME));
  });

  it('serves the four frame pages, each with one h1, the county board named inside a county', async () => {
    const visitor = new TestClient(t.app);
    const titles: string[] = [];
    for (const url of FRAME) {
      const page = await visitor.get(url);
      expect(page.status).toBe(200);
      expect(page.doc.querySelectorAll('h1')).toHaveLength(1);
      titles.push(page.doc.querySelector('h1')!.text.trim());
    }
    expect(titles).toEqual([
      'Tillgänglighetsredogörelse',
      'Så behandlar vi personuppgifter',
      'Kakor',
      'Kontakt och support',
    ]);
    const statement = (await visitor.get(urls.accessibility())).body;
    expect(statement).toContain('delvis förenlig');
    expect(statement).toContain('https://www.digg.se/tdosanmalan');
    const cookies = (await visitor.get(urls.cookies())).doc;
    expect(cookies.querySelectorAll('tbody code').map((c) => c.text)).toEqual([
      'sid',
      'csrf',
      'flash',
      'lang',
      'kept',
    ]);
    const privacy = (await visitor.get(urls.privacy())).body;
    expect(privacy).toContain(`${t.config.eventRetentionDays} dagar efter att evenemanget`);

    // inside a county: the footer names its county board, with the support contact its admins set
    const before = await visitor.get(urls.countyHome(county.slug));
    expect(before.doc.querySelector('footer')!.text).toContain('Länsstyrelsen i Hallands län');
    await t.database.db.execute(
      sql`insert into site_settings (county_code, support_email, support_phone) values (${county.code}, 'social@halland.example', '035-12 34 56')
          on conflict (county_code) do update set support_email = excluded.support_email, support_phone = excluded.support_phone`,
    );
    const after = await visitor.get(urls.countyHome(county.slug));
    expect(after.doc.querySelector('footer a[href="mailto:social@halland.example"]')).not.toBeNull();
    expect(after.doc.querySelector('footer a[href="tel:035123456"]')?.text).toBe('035-12 34 56');
    const support = await visitor.get(urls.support());
    expect(support.doc.querySelector('a[href="mailto:social@halland.example"]')).not.toBeNull();
  });

  it("shows a county's published theme, hides an unwritten one, and its introduction and contacts", async () => {
    const visitor = new TestClient(t.app);
    const tree = await readSiteTree(t.database.db, county.code, new Date());
    const integration = tree.pages.find((p) => p.themeKey === 'integration')!;
    const andts = tree.pages.find((p) => p.themeKey === 'andts')!;

    const empty = await visitor.get(urls.countyHome(county.slug));
    expect(empty.doc.querySelector('h1')!.text).toBe('Social hållbarhet i Hallands län');
    expect(empty.doc.querySelector(`a[href="${urls.page(county.slug, integration.path)}"]`)).toBeNull();

    const contact = randomUUID();
    await t.database.db.execute(
      sql`insert into site_contacts (id, county_code, name, role, email) values (${contact}, ${county.code}, 'Ada Exempelsson', 'Samordnare', 'ada@halland.example')`,
    );
    await publish(integration.id, { title: 'Integration i Halland', summary: 'Nyanländas etablering.' });
    await publish(tree.start!.id, {
      title: 'Social hållbarhet i Halland',
      summary: 'Länsstyrelsen samlar länets arbete.',
      body: 'Vi arbetar **tillsammans** med kommunerna.\n\n<script>alert(1)</script>',
      contactIds: [contact],
    });

    const page = await visitor.get(urls.countyHome(county.slug));
    expect(page.doc.querySelector('h1')!.text).toBe('Social hållbarhet i Halland');
    expect(page.doc.querySelector('.sv-intro strong')?.text).toBe('tillsammans');
    expect(page.body).not.toContain('<script>alert(1)');
    const themeLink = page.doc.querySelector(`a[href="${urls.page(county.slug, integration.path)}"]`);
    expect(themeLink?.text).toBe('Integration i Halland');
    expect(page.doc.querySelector(`a[href="${urls.page(county.slug, andts.path)}"]`)).toBeNull();
    expect(page.doc.querySelector('#kontakt')!.parentNode!.text).toContain('Ada Exempelsson');
    expect(page.doc.querySelector('form[role="search"]')?.getAttribute('action')).toBe(
      urls.countySearch(county.slug),
    );
    expect(page.doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      `${t.config.publicUrl}/${county.slug}/`,
    );
    expect(page.doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(
      'Social hållbarhet i Halland',
    );
    expect(page.doc.querySelector('link[rel="alternate"][type="application/atom+xml"]')).not.toBeNull();
  });

  it("shows the coordinator's national news on /, not one not yet published", async () => {
    const visitor = new TestClient(t.app);
    const future = new Date(Date.now() + 3_600_000);
    await t.database.db.execute(
      sql`insert into site_news (slug, title, summary, published_at) values
          (${newsSlug}, 'Ny nationell vägledning', 'Om samverkan mot våld.', now()),
          (${`${newsSlug}-senare`}, 'Kommer senare', '', ${future})`,
    );
    const home = await visitor.get('/');
    const link = home.doc.querySelector(`a[href="${urls.nationalNewsItem(newsSlug)}"]`);
    expect(link?.text).toBe('Ny nationell vägledning');
    expect(home.body).not.toContain('Kommer senare');
    expect(home.doc.querySelector(`a[href="${urls.nationalNews()}"]`)).not.toBeNull();
    // the map and the list both lead to every county
    expect(home.doc.querySelectorAll('svg a[href="/halland/"]')).toHaveLength(1);
    expect(home.doc.querySelectorAll('ul.sv-county-list a[href="/halland/"]').length).toBeGreaterThan(0);
  });

  it('answers 304 to a public page whose ETag the browser has, and 200 once it changes', async () => {
    const visitor = new TestClient(t.app);
    await visitor.get('/'); // the CSRF cookie
    const first = await visitor.get(urls.cookies());
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await t.app.inject({
      url: urls.cookies(),
      headers: { cookie: cookieOf(visitor), 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    // another page, or another visitor (another token), is another tag
    const other = await t.app.inject({
      url: urls.privacy(),
      headers: { cookie: cookieOf(visitor), 'if-none-match': etag },
    });
    expect(other.statusCode).toBe(200);
    const stranger = await t.app.inject({ url: urls.cookies(), headers: { 'if-none-match': etag } });
    expect(stranger.statusCode).toBe(200);

    // a signed-in page is never kept
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: county.code });
    const official = new TestClient(t.app);
    await official.login(admin.email, admin.password);
    const signedIn = await official.get(urls.cookies());
    expect(signedIn.headers.etag).toBeUndefined();
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });
});

/** The Cookie header a client sends (its private cookie jar, read through a request it makes). */
function cookieOf(client: TestClient): string {
  return (client as unknown as { cookieHeader(): string }).cookieHeader();
}
