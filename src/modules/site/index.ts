import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { pageBanners } from './banners.ts';
import { NEWS_IMAGE_OWNER, newsImageOwner, reindexNews } from './news.ts';
import { siteGlobalPolicy, sitePolicy } from './policy.ts';
import { foldDuePublications, PAGE_FILE_OWNER, pageFileOwner, reindexPages } from './pages.ts';
import { countySupport } from './frame.ts';
import { registerSiteRoutes } from './routes.ts';
import { seedSite } from './seed.ts';
import { seedSiteDemo } from './demo-seed.ts';
import * as tables from './tables.ts';

/**
 * The public pages: the national start page and each county's social-sustainability site (start page, theme
 * pages, free pages, news, contacts), written by the county's editors with drafts, review and scheduled
 * publishing; warning banners; the footer's public-sector pages; feeds and the sitemap.
 */
export const module: ModuleDescriptor = {
  name: 'site',
  dependsOn: ['reference', 'accounts', 'councils', 'events', 'demo'],
  tables,
  policies: { county: sitePolicy, global: siteGlobalPolicy },
  routes: registerSiteRoutes,
  fileOwners: { [PAGE_FILE_OWNER]: pageFileOwner, [NEWS_IMAGE_OWNER]: newsImageOwner },
  // Scheduled revisions whose time has come become the published ones (the public sees them from their time).
  maintenance: [(ctx) => foldDuePublications(ctx)],
  // The warning banners in force for the county's pages (its own and every county's), kept in memory.
  pageBanners,
  // What `npm run cli -- search reindex` writes again from the site's own rows.
  searchIndex: { page: reindexPages, news: (db) => reindexNews(db) },
  nav: [
    { label: 'nav.start', href: '/', access: { kind: 'public' }, order: 0 },
    { label: 'nav.editorial', href: '/:county/redaktion', access: access.county('site.edit'), order: 34 },
  ],
  // Every county's start page and its eleven theme pages, empty and unpublished until written.
  seed: (db) => seedSite(db),
  // Seed 000's Västernorrland site, start pages and news in three more counties, Västra Götaland's banner.
  seedDemo: (db) => seedSiteDemo(db),
  // Whom to contact at the county board, in the footer of every page of the county's room.
  countySupport,
};

export * from './lifecycle.ts';
export { THEMES, THEME_KEYS, themeOf, isThemeKey, RESERVED_SLUGS, type ThemeKey } from './themes.ts';
export { urls as siteUrls } from './urls.ts';
export { latestNews, newsStatusLabels, type NewsCard } from './news.ts';
export { bannerStatusLabels } from './banners.ts';
export { countySupport, everyCountySupport } from './frame.ts';
export { sitePolicy, siteGlobalPolicy, pageAbilities, decide, can, authorize } from './policy.ts';
export { loadPageContent, contentOf, type PageRef } from './pages.ts';
export { PageContent, ContactCard, type PageContentView } from './views/page-content.tsx';
export { resolveContacts, type ContactView } from './contacts-view.ts';
