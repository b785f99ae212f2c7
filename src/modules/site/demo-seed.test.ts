import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDatabase } from '../../../tests/helpers/db.ts';
import { queryRows, type Database } from '../../db/client.ts';
import { seedDemo } from '../demo/index.ts';
import { pageBanners } from './banners.ts';
import { seedSiteDemo } from './demo-seed.ts';
import { DEMO_NATIONAL_NEWS, DEMO_SITE } from './demo-content.ts';
import { reindexNews } from './news.ts';
import { reindexPages } from './pages.ts';
import { listPublicNewsRows } from './repository.ts';
import { readSiteTree } from './site-tree.ts';

/** The demo's public pages, seeded as the demo starts: through the services, once. */
describe("the demo's public pages", () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
    await seedDemo(database.db);
    await seedSiteDemo(database.db);
  }, 120_000);
  afterAll(() => drop());

  it("publishes seed 000's Västernorrland site: the start page, the eleven themes, the lecture series and the crisis page", async () => {
    const tree = await readSiteTree(database.db, '22', new Date());
    expect(tree.publicByPath.get('')?.title).toBe('Social hållbarhet');
    expect(tree.publicByPath.get('mans-vald-mot-kvinnor')?.title).toBe('Mäns våld mot kvinnor');
    expect(tree.publicByPath.get('forelasningsserie')?.title).toContain('föreläsningsserie');
    expect(tree.publicByPath.get('oro-och-utsatthet-i-tider-av-kris')).toBeDefined();
    expect(tree.publicByPath.size).toBe(DEMO_SITE[0]!.pages.length + 1);
  });

  it('has news in the demo counties and nationally, and Västra Götaland’s banner in force there only', async () => {
    for (const county of DEMO_SITE)
      expect((await listPublicNewsRows(database.db, county.code, new Date(), 10)).length).toBe(
        county.news.length,
      );
    expect((await listPublicNewsRows(database.db, null, new Date(), 10)).length).toBeGreaterThan(0);
    expect((await pageBanners(database.db, '14')).banners.map((b) => b.message)).toEqual([
      'Risk för vattenbrist i Västra Götalands län.',
    ]);
    expect((await pageBanners(database.db, '22')).banners).toEqual([]);
  });

  it('writes the same search index again from the pages and news themselves (search reindex)', async () => {
    const indexed = async () =>
      (
        await queryRows<{ kind: string; title: string; url: string }>(
          database.db,
          sql`select kind, title, url from search_documents where kind in ('page', 'news') order by kind, url`,
        )
      ).map((r) => `${r.kind} ${r.url} ${r.title}`);
    const before = await indexed();
    expect(before.filter((r) => r.startsWith('page /vasternorrland/'))).toHaveLength(
      DEMO_SITE[0]!.pages.length + 1,
    );
    await database.db.execute(sql`delete from search_documents where kind in ('page', 'news')`);
    expect(await reindexPages(database.db)).toBeGreaterThan(21 * 12);
    expect(await reindexNews(database.db)).toBe(
      DEMO_SITE.reduce((n, c) => n + c.news.length, 0) + DEMO_NATIONAL_NEWS.length,
    );
    expect(await indexed()).toEqual(before);
  });

  it('seeds once: a second start changes nothing', async () => {
    await seedSiteDemo(database.db);
    expect((await listPublicNewsRows(database.db, '22', new Date(), 10)).length).toBe(
      DEMO_SITE[0]!.news.length,
    );
  });
});
