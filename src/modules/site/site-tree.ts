import { keptUntilChanged } from '../../db/change-feed.ts';
import type { Db } from '../../db/client.ts';
import { nextVisibleChange, visibleRevisionId, type PageKind } from './lifecycle.ts';
import { listPageRows, listRevisionRows, type PageRow } from './repository.ts';
import { themeOf } from './themes.ts';

/** One page of a county's site as the tree knows it: where it is, and what the public sees of it now. */
export interface SitePage {
  id: string;
  kind: PageKind;
  themeKey: string | null;
  parentId: string | null;
  slug: string;
  /** its path under /{county}/: '' for the start page, "integration/nyanlanda" for a sub-page */
  path: string;
  position: number;
  /** the visible revision's title; a page never published has its theme's name or its slug */
  title: string;
  summary: string;
  /** the revision the public sees now, if any */
  visibleRevisionId: string | null;
  /** public now: it has a visible revision and so has every page above it */
  isPublic: boolean;
  /** when the visible revision became public (the sitemap's lastmod) */
  publishedAt: Date | null;
  childIds: string[];
}

export interface SiteTree {
  countyCode: string;
  /** every page, parents before children, siblings in order */
  pages: SitePage[];
  byId: ReadonlyMap<string, SitePage>;
  /** the public pages by path */
  publicByPath: ReadonlyMap<string, SitePage>;
  start: SitePage | undefined;
  /** when what the public sees changes next by the clock alone (a scheduled publication) */
  nextChangeAt: Date | null;
}

/** The path of every page from its parents' slugs. */
export function pathsOf(rows: readonly PageRow[]): Map<string, string> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const paths = new Map<string, string>();
  const pathOf = (row: PageRow, depth = 0): string => {
    const known = paths.get(row.id);
    if (known !== undefined) return known;
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    const path = parent && depth < 32 ? `${pathOf(parent, depth + 1)}/${row.slug}` : row.slug;
    paths.set(row.id, path);
    return path;
  };
  for (const r of rows) pathOf(r);
  return paths;
}

/** Reads a county's site as the public sees it at `now` and as its editors see its structure. */
export async function readSiteTree(db: Db, countyCode: string, now: Date): Promise<SiteTree> {
  const rows = await listPageRows(db, countyCode);
  const visible = new Map(rows.map((r) => [r.id, visibleRevisionId(r, now)]));
  const revisions = new Map(
    (
      await listRevisionRows(
        db,
        countyCode,
        [...visible.values()].filter((id): id is string => id !== null),
      )
    ).map((r) => [r.id, r]),
  );
  const paths = pathsOf(rows);
  const byId = new Map<string, SitePage>();
  for (const r of rows) {
    const revision = revisions.get(visible.get(r.id) ?? '');
    byId.set(r.id, {
      id: r.id,
      kind: r.kind,
      themeKey: r.themeKey,
      parentId: r.parentId,
      slug: r.slug,
      path: paths.get(r.id) ?? r.slug,
      position: r.position,
      title: revision?.title || (r.themeKey ? (themeOf(r.themeKey)?.name ?? r.slug) : r.slug),
      summary: revision?.summary ?? '',
      visibleRevisionId: revision?.id ?? null,
      isPublic: false,
      publishedAt: revision?.publishedAt ?? null,
      childIds: [],
    });
  }
  // Parents before children (so a child's isPublic can ask its parent's), siblings in order.
  const ordered: SitePage[] = [];
  const visit = (page: SitePage, parentPublic: boolean) => {
    page.isPublic = parentPublic && page.visibleRevisionId !== null;
    ordered.push(page);
    for (const child of rows.filter((r) => r.parentId === page.id)) {
      const c = byId.get(child.id)!;
      page.childIds.push(c.id);
      visit(c, page.isPublic);
    }
  };
  for (const r of rows.filter((r) => r.parentId === null || !byId.has(r.parentId)))
    visit(byId.get(r.id)!, true);
  const next = rows
    .map((r) => nextVisibleChange(r, now))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime())[0];
  return {
    countyCode,
    pages: ordered,
    byId,
    publicByPath: new Map(ordered.filter((p) => p.isPublic).map((p) => [p.path, p])),
    start: ordered.find((p) => p.kind === 'start'),
    nextChangeAt: next ?? null,
  };
}

/**
 * The county's site now, kept per process until a page or revision changes or the next scheduled publication
 * comes: the public pages, the start page, the sitemap and the editors' tree ask this, not the database.
 */
export const siteTree = keptUntilChanged(
  ['site_pages', 'site_page_revisions'],
  (db: Db, countyCode: string) => readSiteTree(db, countyCode, new Date()),
  (countyCode) => countyCode,
  { until: (tree) => tree.nextChangeAt?.getTime() ?? Infinity },
);

/** The breadcrumbs of a page: the county's start page, then each page above it. */
export function ancestorsOf(tree: SiteTree, page: SitePage): SitePage[] {
  const out: SitePage[] = [];
  let parent = page.parentId ? tree.byId.get(page.parentId) : undefined;
  while (parent && out.length < 32) {
    out.unshift(parent);
    parent = parent.parentId ? tree.byId.get(parent.parentId) : undefined;
  }
  return out;
}
