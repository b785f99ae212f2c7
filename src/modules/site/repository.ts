import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import { siteBanners, siteContacts, siteNews, sitePageRevisions, sitePages, siteSettings } from './tables.ts';
import { THEMES } from './themes.ts';

/**
 * Creates what every county's site has from the start: its start page and one page per theme (themes.ts), in
 * the themes' order, empty and unpublished. One statement; pages that exist are left as they are, so a renamed
 * or moved theme page keeps its place.
 */
export async function ensureCountyPages(db: Executor): Promise<void> {
  const themes = sql.join(
    THEMES.map((t, i) => sql`(${t.key}::text, ${t.slug}::text, ${i + 1}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    insert into site_pages (county_code, kind, theme_key, parent_id, slug, position)
    select c.code, 'start'::site_page_kind, null::text, null::uuid, '', 0 from counties c
    union all
    select c.code, 'theme'::site_page_kind, t.key, null::uuid, t.slug, t.position
      from counties c cross join (values ${themes}) as t(key, slug, position)
    on conflict do nothing`);
}

// ---- Reads shared by the editorial side, the public pages, the sitemap and the start pages ---------------

export type PageRow = typeof sitePages.$inferSelect;
export type RevisionRow = typeof sitePageRevisions.$inferSelect;
export type ContactRow = typeof siteContacts.$inferSelect;
export type NewsRow = typeof siteNews.$inferSelect;
export type BannerRow = typeof siteBanners.$inferSelect;
export type SettingsRow = typeof siteSettings.$inferSelect;

/** Every page of a county (the tree's rows), in their siblings' order. */
export async function listPageRows(db: Executor, countyCode: string): Promise<PageRow[]> {
  return db
    .select()
    .from(sitePages)
    .where(eq(sitePages.countyCode, countyCode))
    .orderBy(asc(sitePages.position), asc(sitePages.slug));
}

export async function findPageRow(
  db: Executor,
  countyCode: string,
  pageId: string,
): Promise<PageRow | undefined> {
  const [row] = await db
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.countyCode, countyCode), eq(sitePages.id, pageId)));
  return row;
}

/** The revisions with these ids (of one county), for the tree's titles and the public pages' content. */
export async function listRevisionRows(
  db: Executor,
  countyCode: string,
  ids: readonly string[],
): Promise<RevisionRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sitePageRevisions)
    .where(and(eq(sitePageRevisions.countyCode, countyCode), inArray(sitePageRevisions.id, [...ids])));
}

export async function findSettings(db: Executor, countyCode: string): Promise<SettingsRow> {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.countyCode, countyCode));
  return (
    row ?? {
      countyCode,
      requiresReview: false,
      supportEmail: null,
      supportPhone: null,
      updatedAt: new Date(0),
    }
  );
}

/** Every county's settings that have been saved (a county never saved has none: findSettings's defaults). */
export async function listSettingsRows(db: Executor): Promise<SettingsRow[]> {
  return db.select().from(siteSettings);
}

/** A county's contacts, those who left included (pages show who replaced them). */
export async function listContactRows(db: Executor, countyCode: string): Promise<ContactRow[]> {
  return db.select().from(siteContacts).where(eq(siteContacts.countyCode, countyCode));
}

/**
 * News items of a county (or national ones: `countyCode` null) public at `now`, newest first: published, not
 * expired.
 */
export async function listPublicNewsRows(
  db: Executor,
  countyCode: string | null,
  now: Date,
  limit: number,
): Promise<NewsRow[]> {
  return db
    .select()
    .from(siteNews)
    .where(
      and(
        countyCode === null ? isNull(siteNews.countyCode) : eq(siteNews.countyCode, countyCode),
        lte(siteNews.publishedAt, now),
        or(isNull(siteNews.expiresAt), gt(siteNews.expiresAt, now)),
      ),
    )
    .orderBy(desc(siteNews.publishedAt))
    .limit(limit);
}

/** The next time a news item of the county (or national) starts or stops being public, after `now`. */
export async function nextNewsChangeAt(
  db: Executor,
  countyCode: string | null,
  now: Date,
): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select least(
          (select min(published_at) from site_news where county_code is not distinct from ${countyCode} and published_at > ${now}),
          (select min(expires_at) from site_news where county_code is not distinct from ${countyCode} and expires_at > ${now})
        ) as at`,
  );
  return row?.at ? new Date(row.at) : null;
}

/**
 * The banners not yet ended for a county (its own and every county's), oldest start first: those in force now
 * and those scheduled (whose start is the next change).
 */
export async function listCurrentBannerRows(
  db: Executor,
  countyCode: string | undefined,
  now: Date,
): Promise<BannerRow[]> {
  return db
    .select()
    .from(siteBanners)
    .where(
      and(
        countyCode === undefined
          ? isNull(siteBanners.countyCode)
          : or(isNull(siteBanners.countyCode), eq(siteBanners.countyCode, countyCode)),
        isNull(siteBanners.withdrawnAt),
        gt(siteBanners.endsAt, now),
      ),
    )
    .orderBy(asc(siteBanners.startsAt));
}
