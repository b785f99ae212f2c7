import type { ModuleDescriptor } from '../../platform/module.ts';
import { registerSiteRoutes } from './routes.ts';

/** The public pages: the start page and each county's page. */
export const module: ModuleDescriptor = {
  name: 'site',
  routes: registerSiteRoutes,
  nav: [{ label: 'nav.start', href: '/', access: { kind: 'public' }, order: 0 }],
};
