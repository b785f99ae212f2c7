import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { indexEntries, type SearchEntry } from '../../platform/search.ts';

/** The search pages as a visitor without JavaScript uses them: the GET form, filters, results, paging. */
describe('the search pages', () => {
  let t: TestApp;
  let anon: TestClient;
  const tag = `q${Math.random().toString(36).slice(2, 7)}`;
  const entry = (over: Partial<SearchEntry>): SearchEntry => ({
    sourceId: randomUUID(),
    countyCode: '22',
    themeKeys: [],
    title: 'Sida',
    summary: '',
    body: '',
    url: '/vasternorrland/sida',
    visibleFrom: new Date(Date.now() - 60_000),
    visibleUntil: null,
    shownDate: null,
    ...over,
  });

  beforeAll(async () => {
    t = await buildTestApp();
    anon = new TestClient(t.app);
    const db = t.app.deps.db;
    await indexEntries(db, 'page', randomUUID(), [
      entry({
        title: `Föreläsning om barnkonventionen ${tag}`,
        summary: 'En föreläsning i Sundsvall.',
        themeKeys: ['child-rights'],
        url: '/vasternorrland/barnets-rattigheter',
      }),
    ]);
    await indexEntries(db, 'news', randomUUID(), [
      entry({
        title: `<script>alert(1)</script> Föreläsningar ${tag}`,
        body: 'Nyheten <b>om</b> föreläsningar.',
        url: '/vasternorrland/nyheter/x',
        shownDate: new Date('2026-03-02T09:00:00Z'),
      }),
    ]);
    await indexEntries(db, 'page', randomUUID(), [
      entry({ countyCode: '03', title: `Föreläsning i Uppsala ${tag}`, url: '/uppsala/x' }),
    ]);
    await indexEntries(
      db,
      'page',
      randomUUID(),
      Array.from({ length: 45 }, (_, i) => entry({ countyCode: '01', title: `Många ${tag} nummer ${i}` })),
    );
  });
  afterAll(() => t.close());

  const titles = (page: Page) =>
    page.doc.querySelectorAll('.sv-search-results h3 a').map((a) => a.text.trim());
  const heading = (page: Page) => page.doc.querySelector('main h2')?.text.replace(/\s+/g, ' ').trim();

  it('shows the empty form first: a labelled search field and a button, as a GET form', async () => {
    const page = await anon.get('/sok');
    expect(page.status).toBe(200);
    const form = page.doc.querySelector('form[role=search]')!;
    expect(form.getAttribute('method')).toBe('get');
    expect(form.getAttribute('action')).toBe('/sok');
    expect(page.doc.querySelector('label[for=q]')?.text).toContain('Sökord');
    expect(form.querySelector('button')?.text.trim()).toBe('Sök');
    expect(page.doc.querySelector('select#lan')).not.toBeNull();
    expect(page.doc.querySelectorAll('input[name=tema]')).toHaveLength(11);
    expect(page.doc.querySelectorAll('input[name=typ]').map((i) => i.getAttribute('value'))).toEqual([
      'sida',
      'nyhet',
      'evenemang',
      'dokument',
    ]);
    expect(titles(page)).toEqual([]);
  });

  it('finds by a stemmed word in the county, with a count, the kind and the date, the text escaped', async () => {
    const page = await anon.get(`/vasternorrland/sok?q=${encodeURIComponent(`föreläsningarna ${tag}`)}`);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control'] ?? '').not.toMatch(/public/);
    expect(heading(page)).toBe(`2 träffar för ”föreläsningarna ${tag}”`);
    expect(titles(page)).toHaveLength(2);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> Föreläsningar');
    expect(page.doc.querySelectorAll('.sv-search-results mark').length).toBeGreaterThan(0);
    expect(page.body).not.toContain('<b>om</b>');
    const meta = page.doc.querySelectorAll('.sv-search-meta').map((m) => m.text);
    expect(meta).toContain('Nyhet · Västernorrlands län · 2 mars 2026');
    expect(page.doc.querySelector('select#lan')).toBeNull();
  });

  it('filters by county, theme and kind on the national page', async () => {
    const q = `q=${encodeURIComponent(`föreläsning ${tag}`)}`;
    expect(titles(await anon.get(`/sok?${q}`))).toHaveLength(3);
    expect(titles(await anon.get(`/sok?${q}&lan=uppsala`))).toEqual([`Föreläsning i Uppsala ${tag}`]);
    expect(titles(await anon.get(`/sok?${q}&tema=child-rights`))).toEqual([
      `Föreläsning om barnkonventionen ${tag}`,
    ]);
    const news = await anon.get(`/sok?${q}&typ=nyhet&typ=okand&tema=nonsense&lan=ingenstans&sida=x`);
    expect(titles(news)).toHaveLength(1);
    expect(news.doc.querySelector('input[name=typ][value=nyhet]')?.hasAttribute('checked')).toBe(true);
  });

  it('pages through many results, keeping the question and filters in every link', async () => {
    const first = await anon.get(`/sok?q=${tag}+många&lan=stockholm`);
    expect(heading(first)).toContain('45 träffar');
    expect(titles(first)).toHaveLength(20);
    const nav = first.doc.querySelector('nav.govuk-pagination')!;
    expect(nav.getAttribute('aria-label')).toBe('Sidor med sökresultat');
    expect(nav.querySelector('[aria-current=page]')?.text.trim()).toBe('1');
    const next = nav.querySelector('a[rel=next]')!.getAttribute('href')!;
    expect(next).toContain('lan=stockholm');
    const third = await anon.get(next.replace('sida=2', 'sida=3'));
    expect(titles(third)).toHaveLength(5);
    expect(third.doc.querySelector('a[rel=next]')).toBeNull();
  });

  it('helps when nothing is found, and explains a question of only common words', async () => {
    const none = await anon.get('/vasternorrland/sok?q=zzyzxqwv');
    expect(heading(none)).toBe('Inga träffar för ”zzyzxqwv”');
    expect(none.doc.querySelector('main a[href^="/sok?"]')).not.toBeNull();
    const stop = await anon.get('/sok?q=och+att');
    expect(stop.status).toBe(200);
    expect(stop.doc.querySelector('[role=status]')?.text).toContain('Skriv ett eller flera ord');
    const long = await anon.get(`/sok?q=${'ord%20'.repeat(400)}`);
    expect(long.status).toBe(200);
  });

  it('is 404 for a county that does not exist', async () => {
    expect((await anon.get('/ingenstans/sok?q=a')).status).toBe(404);
  });
});
