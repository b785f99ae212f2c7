import { hasAnyRole, hasRole, isSystemAdmin, type Actor, type Predicate } from '../../platform/authz.ts';
import type { CountyResource } from '../../platform/authz.ts';

/** The role start pages: a county's work room, the council member's page, the national overview. */
export const workspacePolicy = {
  'workspace.view': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>,
  'council.view': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(
      actor,
      ['council_member', 'county_admin', 'county_editor'],
      r.countyCode,
    )) satisfies Predicate<CountyResource>,
} as const;

export const workspaceGlobalPolicy = {
  'national.view': (actor: Actor) => isSystemAdmin(actor) || hasRole(actor, 'national_coordinator'),
  'organisation.view': (actor: Actor) => hasRole(actor, 'reporter'),
} as const;
