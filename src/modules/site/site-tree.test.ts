import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateDatabase } from '../../../tests/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { readSiteTree } from './site-tree.ts';
import { THEMES } from './themes.ts';

/** The tree of a county's site: what exists from the start, and what the public sees by the clock. */
describe("a county's site tree", () => {
  let database: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ database, drop } = await privateDatabase());
  });
  afterAll(() => drop());

  it('has the start page and the eleven theme pages in every county, none public until written', async () => {
    const tree = await readSiteTree(database.db, '22', new Date());
    expect(tree.start?.path).toBe('');
    expect(tree.pages.filter((p) => p.kind === 'theme').map((p) => p.path)).toEqual(
      THEMES.map((t) => t.slug),
    );
    expect(tree.pages.find((p) => p.themeKey === 'violence')?.title).toBe('Mäns våld mot kvinnor');
    expect(tree.publicByPath.size).toBe(0);
    const other = await readSiteTree(database.db, '03', new Date());
    expect(other.pages).toHaveLength(THEMES.length + 1);
    expect(other.pages.every((p) => !tree.byId.has(p.id))).toBe(true);
  });

  it('shows a scheduled revision from its time, and a sub-page only while its parent is public', async () => {
    const db = database.db;
    const tree = await readSiteTree(db, '22', new Date());
    const theme = tree.pages.find((p) => p.themeKey === 'andts')!;
    const child = randomUUID();
    await db.execute(
      sql`insert into site_pages (id, county_code, kind, parent_id, slug) values (${child}, '22', 'page', ${theme.id}, 'spel')`,
    );
    const rev = async (pageId: string, title: string) => {
      const id = randomUUID();
      await db.execute(
        sql`insert into site_page_revisions (id, page_id, county_code, number, state, title, published_at) values (${id}, ${pageId}, '22', (select coalesce(max(number), 0) + 1 from site_page_revisions where page_id = ${pageId}), 'published', ${title}, now())`,
      );
      return id;
    };
    const childRev = await rev(child, 'Spel om pengar');
    await db.execute(sql`update site_pages set published_revision_id = ${childRev} where id = ${child}`);
    const at = new Date(Date.now() + 60 * 60 * 1000);
    const themeRev = await rev(theme.id, 'ANDTS i länet');
    await db.execute(
      sql`update site_pages set scheduled_revision_id = ${themeRev}, scheduled_at = ${at} where id = ${theme.id}`,
    );

    const before = await readSiteTree(db, '22', new Date());
    expect(before.publicByPath.has('andts/spel')).toBe(false);
    expect(before.nextChangeAt?.getTime()).toBe(at.getTime());

    const after = await readSiteTree(db, '22', new Date(at.getTime() + 1));
    expect(after.publicByPath.get('andts')?.title).toBe('ANDTS i länet');
    expect(after.publicByPath.get('andts/spel')?.title).toBe('Spel om pengar');
    expect(after.nextChangeAt).toBeNull();
  });
});
