import { randomUUID } from 'node:crypto';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { writeRobots, writeSitemap } from './indexing.ts';
import { createPage, publishPage, saveDraft } from './pages.ts';
import { urls } from './urls.ts';

/** The text of every element of a strictly parsed XML document (saxes: anything not well-formed throws). */
function elementTexts(xml: string): { root: string; texts: Array<{ name: string; text: string }> } {
  const parser = new SaxesParser({ xmlns: false });
  const texts: Array<{ name: string; text: string }> = [];
  const stack: Array<{ name: string; text: string }> = [];
  let root = '';
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => {
    if (!root) root = tag.name;
    stack.push({ name: tag.name, text: '' });
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => texts.push(stack.pop()!));
  parser.write(xml).close();
  return { root, texts };
}
const locsOf = (xml: string) =>
  elementTexts(xml)
    .texts.filter((t) => t.name === 'loc')
    .map((t) => t.text);

describe('the sitemaps and robots.txt', () => {
  let t: TestApp;
  let editor: TestUser;
  const county = '03';
  const base = 'http://samverkan.test';

  beforeAll(async () => {
    t = await buildTestApp();
    editor = await createTestUser(t.app.deps.db, 'county_editor', { countyCode: county });
  });
  afterAll(() => t.close());

  it('lists a published page by its absolute address, and not an unpublished one', async () => {
    const db = t.app.deps.db;
    const suffix = randomUUID().slice(0, 8);
    const published = await createPage(db, editor.actor, county, { title: `Trygghet i länet ${suffix}` });
    await saveDraft(
      db,
      editor.actor,
      { countyCode: county, pageId: published.id },
      {
        title: `Trygghet i länet ${suffix}`,
        body: 'Text om trygghet.',
      },
    );
    await publishPage(db, editor.actor, { countyCode: county, pageId: published.id }, { when: 'now' });
    const draft = await createPage(db, editor.actor, county, { title: `Ännu ett utkast ${suffix}` });
    await saveDraft(
      db,
      editor.actor,
      { countyCode: county, pageId: draft.id },
      {
        title: `Ännu ett utkast ${suffix}`,
        body: 'Inte klar.',
      },
    );

    const res = await t.app.inject({ method: 'GET', url: urls.countySitemap('uppsala') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(elementTexts(res.body).root).toBe('urlset');
    const locs = locsOf(res.body);
    expect(locs).toContain(`${base}/uppsala/`);
    expect(locs).toContain(`${base}${urls.page('uppsala', published.slug)}`);
    expect(locs).not.toContain(`${base}${urls.page('uppsala', draft.slug)}`);

    // The same bytes again cost a 304.
    const again = await t.app.inject({
      method: 'GET',
      url: urls.countySitemap('uppsala'),
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('indexes every county sitemap, and an unknown county has none', async () => {
    const res = await t.app.inject({ method: 'GET', url: urls.sitemap() });
    expect(res.statusCode).toBe(200);
    expect(elementTexts(res.body).root).toBe('sitemapindex');
    const locs = locsOf(res.body);
    expect(locs).toHaveLength(21);
    expect(locs).toContain(`${base}/uppsala/sitemap.xml`);
    expect((await t.app.inject({ method: 'GET', url: '/finnsinte/sitemap.xml' })).statusCode).toBe(404);
  });

  it('tells crawlers what to leave and where the sitemap is', async () => {
    const res = await t.app.inject({ method: 'GET', url: urls.robots() });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('Disallow: /*/redaktion\n');
    expect(res.body).toContain(`Sitemap: ${base}/sitemap.xml\n`);
  });

  it('escapes what editors wrote, and keeps robots.txt to its lines', () => {
    const xml = writeSitemap([{ loc: 'http://x.test/a?b=1&c=<d>"\'\u0001' }]);
    expect(locsOf(xml)).toEqual(['http://x.test/a?b=1&c=<d>"\'']);
    expect(writeRobots('http://x.test/s\nDisallow: /')).not.toContain('\nDisallow: /\n');
  });
});
