import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
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
