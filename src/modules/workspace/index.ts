import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { workspaceGlobalPolicy, workspacePolicy } from './policy.ts';
import { registerWorkspaceRoutes } from './routes.ts';

/**
 * Each role's start page: the county's work room, the council member's page, the national overview, and the
 * reporter's page (open tasks first, the organisation second).
 */
export const module: ModuleDescriptor = {
  name: 'workspace',
  dependsOn: ['reference', 'accounts', 'situation'],
  policies: { county: workspacePolicy, global: workspaceGlobalPolicy },
  routes: registerWorkspaceRoutes,
  nav: [
    { label: 'nav.national', href: '/nationellt', access: access.global('national.view'), order: 20 },
    { label: 'nav.countyAdmin', href: '/:county/admin', access: access.county('workspace.view'), order: 30 },
    { label: 'nav.council', href: '/:county/rad', access: access.county('council.view'), order: 40 },
    {
      label: 'nav.myOrganisation',
      href: '/min-organisation',
      access: access.global('organisation.view'),
      order: 60,
    },
  ],
};

export { organisationTypeLabel } from './views/pages.tsx';
