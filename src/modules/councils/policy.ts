import {
  hasAnyRole,
  isSystemAdmin,
  stateRule,
  stateRulesOf,
  type Actor,
  type CountyResource,
  type Predicate,
  type ResourceOfRule,
} from '../../platform/authz.ts';
import * as lifecycle from './lifecycle.ts';

/**
 * Councils. A county admin keeps the county's councils: forms, merges and dissolves them, and keeps their
 * members, bodies and people. The council's members see its internal parts through the workspace's
 * `council.view`; the public sees its public page.
 */
const keeps = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin'], r.countyCode)) satisfies Predicate<CountyResource>;

export const councilsPolicy = {
  /** form a council in the county, and see the county's councils with their history */
  'council.manage': keeps,
} as const;

/** A council of a county, in its state. */
export interface CouncilResource extends CountyResource, lifecycle.CouncilState {}

/** The councils to merge, all of the county in the URL. */
export interface MergeResource extends CountyResource {
  councils: lifecycle.CouncilState[];
}

const stateRules = {
  /** texts, members, bodies and their people */
  'council.edit': stateRule<CouncilResource>({ who: keeps, state: lifecycle.councilMayEdit }),
  'council.dissolve': stateRule<CouncilResource>({ who: keeps, state: lifecycle.councilMayDissolve }),
  'council.merge': stateRule<MergeResource>({
    who: keeps,
    state: (r) => lifecycle.councilsMayMerge(r.councils),
  }),
};

type StateRules = typeof stateRules;
export type StateAction = keyof StateRules;
export type ResourceOf<A extends StateAction> = ResourceOfRule<StateRules, A>;

/** The same questions as every module's (platform/authz.ts): the services under a lock, the pages for buttons. */
export const { decide, can, authorize } = stateRulesOf(stateRules);
