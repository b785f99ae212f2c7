import { hasAnyRole, hasRole, isSystemAdmin, type Actor, type Predicate } from '../../platform/authz.ts';

export interface CountyResource {
  countyCode: string;
}

/** Accounts: who may see a county's people and invite new ones. */
export const accountsPolicy = {
  /** the county's people and pending invitations */
  'county.people.view': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>,
  /** inviting someone to an organisation in the county */
  'county.people.invite': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) || hasRole(actor, 'county_admin', r.countyCode)) satisfies Predicate<CountyResource>,
} as const;
