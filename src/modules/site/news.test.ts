import { sql } from 'drizzle-orm';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { makeImage } from '../../../tests/helpers/files.ts';
import { createNews, latestNews, type NewsInput } from './news.ts';
import { urls } from './urls.ts';

/** An element of a parsed XML document: its name, attributes, text and children. */
interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** Parses XML with a strict parser (saxes): anything not well-formed throws. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)])),
      text: '',
      children: [],
    };
    stack.at(-1)!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('cdata', (t) => (stack.at(-1)!.text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root.children[0]!;
}
const all = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
const one = (node: XmlNode, name: string): XmlNode => all(node, name)[0]!;

const HOSTILE = 'Rubrik & <script>alert("x")</script> \u0001 ]]> — ”citat” \'apostrof\'';
/** The title as saved: one line, the control character gone. */
const SHOWN = 'Rubrik & <script>alert("x")</script> ]]> — ”citat” \'apostrof\'';

describe('site news: the editors, the public pages and the feeds', () => {
  let t: TestApp;
  let editor: TestUser;
  let otherEditor: TestUser;
  let coordinator: TestUser;
  let ed: TestClient;
  let other: TestClient;
  let coord: TestClient;
  const anon = () => new TestClient(t.app);

  const input = (over: Partial<NewsInput> = {}): NewsInput => ({
    title: 'Ny handlingsplan',
    slug: '',
    summary: 'Länet har en ny plan.',
    body: '## Bakgrund\n\nPlanen gäller **2026–2030**.',
    themeKeys: ['violence'],
    imageFileId: null,
    imageAlt: '',
    publish: { mode: 'now' },
    expiresAt: null,
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.app.deps.db;
    editor = await createTestUser(db, 'county_editor', { countyCode: '03' });
    otherEditor = await createTestUser(db, 'county_editor', { countyCode: '22' });
    coordinator = await createTestUser(db, 'national_coordinator');
    ed = new TestClient(t.app);
    other = new TestClient(t.app);
    coord = new TestClient(t.app);
    await ed.login(editor.email, editor.password);
    await other.login(otherEditor.email, otherEditor.password);
    await coord.login(coordinator.email, coordinator.password);
  });
  afterAll(() => t.close());

  const errorOf = (page: Page, field: string) =>
    page.doc.querySelector(`#${field}-error`)?.text.replace('Fel:', '').trim();

  it('refuses bad input beside each field, in Swedish, with the input kept and nothing saved', async () => {
    const form = await ed.get(urls.newNews('uppsala'));
    expect(form.status).toBe(200);
    const page = await ed.submitOn(form, {
      title: '',
      summary: 'Behålls',
      slug: 'Fel Adress!',
      themes: ['violence', 'inget-tema'],
      publish: 'at',
      publishDate: '2026-02-30',
      publishTime: '25.00',
      expiresDate: 'i morgon',
    });
    expect(page.status).toBe(400);
    expect(errorOf(page, 'title')).toBe('Skriv nyhetens rubrik');
    expect(errorOf(page, 'slug')).toContain('små bokstäver');
    expect(errorOf(page, 'themes')).toBe('Välj bland länets teman');
    expect(errorOf(page, 'publishDate')).toContain('finns inte: februari 2026 har 28 dagar');
    expect(errorOf(page, 'publishTime')).toContain('timmarna går från 00 till 23');
    expect(errorOf(page, 'expiresDate')).toContain('ÅÅÅÅ-MM-DD');
    expect(page.doc.querySelector('.govuk-error-summary')).not.toBeNull();
    expect(page.doc.querySelector('#summary')?.text).toBe('Behålls');
    const [count] = await queryRows<{ n: number }>(
      t.app.deps.db,
      sql`select count(*)::int as n from site_news where summary = 'Behålls'`,
    );
    expect(count?.n).toBe(0);
  });

  it('publishes at a time: planned in the list, 404 to visitors until then, public from its time', async () => {
    const db = t.app.deps.db;
    // Scheduled 1.5 s ahead (the service is told it is an hour earlier, as an editor saving then would be).
    const at = new Date(Date.now() + 1500);
    const item = await createNews(
      db,
      editor.actor,
      '03',
      input({ title: 'Planerad nyhet', publish: { mode: 'at', at } }),
      new Date(at.getTime() - 3_600_000),
    );
    const list = await ed.get(urls.news('uppsala'));
    expect(list.doc.querySelector('main table')?.text).toContain('Planerad');
    const address = urls.countyNewsItem('uppsala', item.slug);
    expect((await anon().get(address)).status).toBe(404);
    expect((await anon().get(urls.countyNews('uppsala'))).doc.querySelector('main')?.text).not.toContain(
      'Planerad nyhet',
    );
    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 50));
    const shown = await anon().get(address);
    expect(shown.status).toBe(200);
    expect(shown.doc.querySelector('h1')?.text).toBe('Planerad nyhet');
    expect(shown.doc.querySelector('.sv-news-body')?.querySelector('h2, h3')?.text).toBe('Bakgrund');
    expect(shown.doc.querySelector('main')?.text).toContain('Mäns våld mot kvinnor');
    expect((await anon().get(urls.countyNews('uppsala'))).doc.querySelector('main')?.text).toContain(
      'Planerad nyhet',
    );
    // Searchable from its publication on, at its public address.
    const [entry] = await queryRows<{ url: string; visible_from: string }>(
      db,
      sql`select url, visible_from from search_documents where kind = 'news' and group_id = ${item.id}`,
    );
    expect(entry?.url).toBe(address);
  });

  it('an editor writes, publishes with an image, unpublishes and deletes through the pages', async () => {
    const form = await ed.get(urls.newNews('uppsala'));
    const hidden = Object.fromEntries(
      form.doc
        .querySelectorAll('main form[method="post"] input[type="hidden"]')
        .map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']),
    );
    const image = await makeImage('jpeg', 1200, 600);
    // The alt text is missing: the image is kept (its id in the form) while the message says why.
    const missingAlt = await ed.postMultipart(
      urls.newNews('uppsala'),
      { ...hidden, title: 'Med bild', publish: 'now', themes: 'integration' },
      [{ field: 'image', filename: 'bild.jpg', type: 'image/jpeg', bytes: image }],
    );
    expect(missingAlt.status).toBe(400);
    expect(errorOf(missingAlt, 'imageAlt')).toBe('Beskriv bilden med en alternativtext');
    const imageRef = missingAlt.doc.querySelector('input[name="imageRef"]')?.getAttribute('value');
    expect(imageRef).toBeTruthy();
    const saved = await ed.submitOn(missingAlt, {
      title: 'Med bild',
      publish: 'now',
      imageAlt: 'Ett diagram',
    });
    expect(saved.status).toBe(303);
    const [row] = await queryRows<{ id: string; slug: string }>(
      t.app.deps.db,
      sql`select id::text as id, slug from site_news where title = 'Med bild'`,
    );
    const address = urls.countyNewsItem('uppsala', row!.slug);
    const shown = await anon().get(address);
    expect(shown.status).toBe(200);
    const src = shown.doc.querySelector('main img')!.getAttribute('src')!;
    expect(shown.doc.querySelector('main img')!.getAttribute('alt')).toBe('Ett diagram');
    expect((await anon().get(src, { checkPage: false })).status).toBe(200);

    // Unpublished: a draft again, gone for visitors, its image too.
    const edit = await ed.get(urls.editNews('uppsala', row!.id));
    const unpublished = await ed.submitOn(edit, {}, urls.unpublishNews('uppsala', row!.id));
    expect(unpublished.status).toBe(303);
    expect((await anon().get(address)).status).toBe(404);
    expect((await anon().get(src, { checkPage: false })).status).toBe(404);
    const deleted = await ed.submit(
      urls.editNews('uppsala', row!.id),
      {},
      urls.deleteNews('uppsala', row!.id),
    );
    expect(deleted.status).toBe(303);
    expect((await ed.get(urls.editNews('uppsala', row!.id))).status).toBe(404);
    const actions = await queryRows<{ action: string }>(
      t.app.deps.db,
      sql`select action from audit_log where entity_id = ${row!.id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'news.created',
      'news.published',
      'news.unpublished',
      'news.deleted',
    ]);
  });

  it('keeps another county’s items and the national ones apart (404)', async () => {
    const mine = await createNews(t.app.deps.db, editor.actor, '03', input({ title: 'Uppsalas egen' }));
    expect((await other.get(urls.editNews('uppsala', mine.id))).status).toBe(404);
    expect((await other.get(urls.editNews('vasternorrland', mine.id))).status).toBe(404);
    expect((await anon().get(urls.countyNewsItem('vasternorrland', mine.slug))).status).toBe(404);
    expect((await anon().get(urls.nationalNewsItem(mine.slug))).status).toBe(404);
    expect((await coord.get(urls.editNationalNews(mine.id))).status).toBe(404);
    // A county editor may not reach the banners (the county admin's).
    expect((await ed.get(urls.banners('uppsala'))).status).toBe(404);
    expect((await ed.get(urls.nationalNewsList())).status).toBe(403);
  });

  it('refuses an expiry before the publication and a slug another item has', async () => {
    await createNews(t.app.deps.db, editor.actor, '03', input({ title: 'Upptagen', slug: 'upptagen' }));
    const page = await ed.submit(urls.newNews('uppsala'), {
      title: 'Ny',
      slug: 'upptagen',
      publish: 'now',
    });
    expect(page.status).toBe(400);
    expect(errorOf(page, 'slug')).toBe('En annan nyhet har redan den adressen: välj en annan');
    const expired = await ed.submit(urls.newNews('uppsala'), {
      title: 'Ny',
      publish: 'now',
      expiresDate: '2020-01-01',
    });
    expect(expired.status).toBe(400);
    expect(errorOf(expired, 'expiresDate')).toBe('Nyheten måste sluta visas efter att den publiceras');
  });

  it('the coordinator writes national news; the national list, latestNews and the feeds show it', async () => {
    const created = await coord.submit(urls.newNationalNews(), {
      title: HOSTILE,
      summary: 'Sammanfattning & <b>fet</b>',
      body: 'Text med <script>x</script> och [länk](https://example.se/?a=1&b=2)',
      publish: 'now',
      themes: ['integration', 'andts'],
    });
    expect(created.status).toBe(303);
    const list = await anon().get(urls.nationalNews());
    expect(list.status).toBe(200);
    const link = list.doc.querySelector('.sv-news-list a')!;
    expect(link.text).toBe(SHOWN);
    // Visible links to the feeds.
    expect(list.doc.querySelector(`a[href="${urls.nationalFeed('rss')}"]`)).not.toBeNull();
    expect(list.doc.querySelector(`a[href="${urls.nationalFeed('atom')}"]`)).not.toBeNull();
    const item = await anon().get(link.getAttribute('href')!);
    expect(item.status).toBe(200);
    expect(item.doc.querySelector('main script')).toBeNull();
    expect((await latestNews(t.app.deps.db, null, 5)).map((n) => n.url)).toContain(link.getAttribute('href'));
    // Filtered by a theme it does not have: not listed.
    const filtered = await anon().get(`${urls.nationalNews()}?tema=disability`);
    expect(filtered.doc.querySelector('.sv-news-list')).toBeNull();

    for (const format of ['atom', 'rss'] as const) {
      const res = await t.app.inject({ method: 'GET', url: urls.nationalFeed(format) });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      const doc = parseXml(res.body);
      if (format === 'atom') {
        expect(doc.name).toBe('feed');
        const entry = all(doc, 'entry').find((e) => one(e, 'title').text.startsWith('Rubrik'))!;
        expect(one(entry, 'title').text).toBe(SHOWN);
        expect(one(entry, 'link').attributes.href).toBe(`http://samverkan.test${link.getAttribute('href')}`);
        expect(one(entry, 'content').text).not.toContain('<script>');
        expect(all(entry, 'category').map((c) => c.attributes.term)).toEqual(['Integration', 'ANDTS']);
      } else {
        expect(doc.name).toBe('rss');
        const item = all(one(doc, 'channel'), 'item').find((e) => one(e, 'title').text.startsWith('Rubrik'))!;
        expect(one(item, 'description').text).toBe('Sammanfattning & <b>fet</b>');
      }
      const again = await t.app.inject({
        method: 'GET',
        url: urls.nationalFeed(format),
        headers: { 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
    // A county's feed holds the county's items only.
    const county = parseXml(
      (await t.app.inject({ method: 'GET', url: urls.countyFeed('uppsala', 'atom') })).body,
    );
    const titles = all(county, 'entry').map((e) => one(e, 'title').text);
    expect(titles).toContain('Uppsalas egen');
    expect(titles.some((x) => x.startsWith('Rubrik'))).toBe(false);
  });
});
