import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { adminGlobalPolicy } from './policy.ts';
import { registerAdminRoutes } from './routes.ts';

/** System administration: organisations, users, the file mailbox, the job queue and the audit log. */
export const module: ModuleDescriptor = {
  name: 'admin',
  dependsOn: ['reference', 'accounts'],
  policies: { global: adminGlobalPolicy },
  routes: registerAdminRoutes,
  nav: [{ label: 'nav.admin', href: '/admin', access: access.global('system.administer'), order: 10 }],
};
