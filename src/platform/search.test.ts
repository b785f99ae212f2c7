import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDatabase } from '../../tests/helpers/db.ts';
import type { Database } from '../db/client.ts';
import {
  cleanQuery,
  indexEntries,
  reindexAll,
  SEARCH_LIMITS,
  searchDocuments,
  snippetHtmlOf,
  type SearchEntry,
} from './search.ts';

const HOUR = 60 * 60 * 1000;
const now = new Date('2026-05-04T10:00:00Z');

const entry = (over: Partial<SearchEntry> = {}): SearchEntry => ({
  sourceId: randomUUID(),
  countyCode: '22',
  themeKeys: [],
  title: 'En sida',
  summary: '',
  body: '',
  url: '/vasternorrland/en-sida',
  visibleFrom: new Date(now.getTime() - HOUR),
  visibleUntil: null,
  shownDate: null,
  ...over,
});

/** Swedish full-text search over the index, on both databases (stemming, weights, windows, filters, paging). */
describe('searching the index', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    const put = async (name: string, kind: 'page' | 'news' | 'event' | 'document', e: SearchEntry) => {
      ids[name] = e.sourceId;
      await indexEntries(database.db, kind, randomUUID(), [e]);
    };
    await put(
      'lecture',
      'event',
      entry({
        title: 'Föreläsning om våld i nära relationer',
        summary: 'Regionen och länsstyrelsen bjuder in.',
        body: 'Välkommen till en **föreläsning** i Sundsvall.',
        themeKeys: ['violence'],
        url: '/vasternorrland/kalender/forelasning',
        shownDate: new Date('2026-06-01T08:00:00Z'),
      }),
    );
    await put(
      'bodyOnly',
      'page',
      entry({
        title: 'Krismaterial',
        body: 'Materialet togs fram efter en föreläsning med polisen. Se [kalendern](/vasternorrland/kalender) för mer.',
        themeKeys: ['crime-prevention'],
      }),
    );
    await put(
      'hostile',
      'news',
      entry({
        title: '<script>alert(1)</script> Integration',
        body: 'Integration <img src=x onerror=alert(1)> och <script>alert(2)</script> språkcafé',
        themeKeys: ['integration'],
      }),
    );
    await put('otherCounty', 'page', entry({ countyCode: '03', title: 'Föreläsningar i Uppsala' }));
    await put(
      'ended',
      'news',
      entry({ title: 'Gammal föreläsning', visibleUntil: new Date(now.getTime() - 1) }),
    );
    await put(
      'scheduled',
      'page',
      entry({ title: 'Kommande föreläsning', visibleFrom: new Date(now.getTime() + HOUR) }),
    );
  });
  afterAll(() => drop());

  const search = (query: string, over: Partial<Parameters<typeof searchDocuments>[1]> = {}) =>
    searchDocuments(database.db, { query, page: 1, now, ...over });
  const hitsOf = async (query: string, over: Partial<Parameters<typeof searchDocuments>[1]> = {}) => {
    const out = await search(query, over);
    if (out.kind !== 'results') throw new Error(out.message);
    return out;
  };

  it('finds a word by its stem ("föreläsningar" finds "föreläsning"), the title first', async () => {
    const out = await hitsOf('föreläsningar', { countyCode: '22' });
    expect(out.hits.map((h) => h.sourceId)).toEqual([ids.lecture, ids.bodyOnly]);
    expect(out.total).toBe(2);
    expect(out.hits[0]!.safeSnippet).toContain('<mark>föreläsning</mark>');
    expect(out.hits[0]!.safeSnippet).not.toContain('**');
    // The index keeps the words a reader sees: a link's text, not its Markdown or its address.
    expect(out.hits[1]!.safeSnippet).toContain('Se kalendern för mer');
    expect(out.hits[1]!.safeSnippet).not.toContain('](');
    expect(out.hits[0]!.shownDate?.toISOString()).toBe('2026-06-01T08:00:00.000Z');
  });

  it('finds only what is visible now, and in every county when none is named', async () => {
    const out = await hitsOf('föreläsning');
    expect(new Set(out.hits.map((h) => h.sourceId))).toEqual(
      new Set([ids.lecture, ids.bodyOnly, ids.otherCounty]),
    );
    const later = await hitsOf('föreläsning', { now: new Date(now.getTime() + 2 * HOUR) });
    expect(later.hits.map((h) => h.sourceId)).toContain(ids.scheduled);
    expect(out.hits.map((h) => h.sourceId)).not.toContain(ids.ended);
    const earlier = await hitsOf('föreläsning', { now: new Date(now.getTime() - HOUR / 2) });
    expect(earlier.hits.map((h) => h.sourceId)).toContain(ids.ended);
  });

  it('filters by theme and kind', async () => {
    expect((await hitsOf('föreläsning', { themeKeys: ['violence'] })).hits.map((h) => h.sourceId)).toEqual([
      ids.lecture,
    ]);
    expect((await hitsOf('föreläsning', { kinds: ['page'] })).hits.map((h) => h.sourceId).sort()).toEqual(
      [ids.bodyOnly, ids.otherCounty].sort(),
    );
    expect((await hitsOf('föreläsning', { kinds: ['document'] })).total).toBe(0);
  });

  it('escapes what the text holds: a tag comes out as text (ts_headline drops some), only <mark> is markup', async () => {
    const out = await hitsOf('integration');
    const hit = out.hits.find((h) => h.sourceId === ids.hostile)!;
    expect(hit.safeSnippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.safeSnippet).toContain('&lt;img src=x');
    expect(hit.safeSnippet).toContain('<mark>Integration</mark>');
    expect(hit.title).toBe('<script>alert(1)</script> Integration');
  });

  it('turns markers into <mark> only in pairs, and escapes the rest', () => {
    expect(snippetHtmlOf('a \u0001b\u0002 <c> \u0001d')).toBe('a <mark>b</mark> &lt;c&gt; d');
    expect(cleanQuery(`  a\u0001b  ${'x'.repeat(500)}`)).toHaveLength(SEARCH_LIMITS.query);
  });

  it('answers an empty or stop-word-only question with a message, and phrases and "-not" work', async () => {
    expect((await search('   ')).kind).toBe('nothing-asked');
    const stop = await search('och att det');
    expect(stop.kind).toBe('nothing-asked');
    if (stop.kind === 'nothing-asked') expect(stop.message).toMatch(/Skriv ett eller flera ord/);
    expect((await search('"<script>" OR')).kind).toBe('results');
    expect((await hitsOf('föreläsning -polisen', { countyCode: '22' })).hits.map((h) => h.sourceId)).toEqual([
      ids.lecture,
    ]);
    expect((await hitsOf('"nära relationer"')).hits.map((h) => h.sourceId)).toEqual([ids.lecture]);
  });

  it('pages: the total counts every match, a page beyond the end is empty', async () => {
    const group = randomUUID();
    await indexEntries(
      database.db,
      'page',
      group,
      Array.from({ length: 25 }, (_, i) => entry({ countyCode: '01', title: `Jämställdhet del ${i}` })),
    );
    const first = await hitsOf('jämställdheten', { countyCode: '01' });
    expect([first.total, first.hits.length]).toEqual([25, SEARCH_LIMITS.pageSize]);
    const second = await hitsOf('jämställdheten', { countyCode: '01', page: 2 });
    expect(second.hits).toHaveLength(5);
    expect((await hitsOf('jämställdheten', { countyCode: '01', page: 99 })).hits).toHaveLength(0);
    await indexEntries(database.db, 'page', group, []);
    expect((await hitsOf('jämställdheten', { countyCode: '01' })).total).toBe(0);
  });

  it('indexes every kind again through the modules that declare it', async () => {
    const calls: string[] = [];
    const counts = await reindexAll(database.db, [
      { searchIndex: { event: () => (calls.push('event'), Promise.resolve(2)) } },
      {},
      { searchIndex: { document: () => (calls.push('document'), Promise.resolve(1)) } },
    ]);
    expect(counts).toEqual({ event: 2, document: 1 });
    expect(calls).toEqual(['event', 'document']);
  });
});
