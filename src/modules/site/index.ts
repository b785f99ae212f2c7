import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { siteGlobalPolicy, sitePolicy } from './policy.ts';
import { countySupport } from './frame.ts';
import { registerSiteRoutes } from './routes.ts';
import { seedSite } from './seed.ts';
import * as tables from './tables.ts';

/**
 * The public pages: the national start page and each county's social-sustainability site (start page, theme
 * pages, free pages, news, contacts), written by the county's editors with drafts, review and scheduled
 * publishing; warning banners; the footer's public-sector pages; feeds and the sitemap.
 */
export const module: ModuleDescriptor = {
  name: 'site',
  dependsOn: ['reference', 'accounts', 'councils', 'events'],
  tables,
  policies: { county: sitePolicy, global: siteGlobalPolicy },
  routes: registerSiteRoutes,
  nav: [
    { label: 'nav.start', href: '/', access: { kind: 'public' }, order: 0 },
    { label: 'nav.editorial', href: '/:county/redaktion', access: access.county('site.edit'), order: 34 },
  ],
  // Every county's start page and its eleven theme pages, empty and unpublished until written.
  seed: (db) => seedSite(db),
  // Whom to contact at the county board, in the footer of every page of the county's room.
  countySupport,
};

export * from './lifecycle.ts';
export { THEMES, THEME_KEYS, themeOf, isThemeKey, RESERVED_SLUGS, type ThemeKey } from './themes.ts';
export { urls as siteUrls } from './urls.ts';
export { countySupport, everyCountySupport } from './frame.ts';
export { sitePolicy, siteGlobalPolicy, pageAbilities, decide, can, authorize } from './policy.ts';
