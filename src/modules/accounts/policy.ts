import {
  hasAnyRole,
  hasRole,
  isSystemAdmin,
  type Actor,
  type CountyResource,
  type Predicate,
} from '../../platform/authz.ts';

/** Accounts: who may see a county's people and invite new ones. */
export const accountsPolicy = {
  /** the county's people and pending invitations */
  'people.view': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) ||
    hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>,
  /** inviting someone to an organisation in the county */
  'people.invite': ((actor: Actor, r: CountyResource) =>
    isSystemAdmin(actor) || hasRole(actor, 'county_admin', r.countyCode)) satisfies Predicate<CountyResource>,
} as const;
