import type { Actor, RouteAccess } from './platform/authz.ts';
import { accountsPolicy, type CountyResource } from './modules/accounts/policy.ts';
import { adminGlobalPolicy } from './modules/admin/policy.ts';
import { workspaceGlobalPolicy, workspacePolicy } from './modules/workspace/policy.ts';
import { situationGlobalPolicy, situationPolicy } from './modules/situation/policy.ts';

/** The one vocabulary of actions: every module's county-scoped predicates … */
export const countyPolicies = { ...accountsPolicy, ...workspacePolicy, ...situationPolicy } as const;
/** … and those without a county. */
export const globalPolicies = {
  ...adminGlobalPolicy,
  ...workspaceGlobalPolicy,
  ...situationGlobalPolicy,
} as const;

export type CountyAction = keyof typeof countyPolicies;
export type GlobalAction = keyof typeof globalPolicies;

export function can(actor: Actor, action: string, resource: CountyResource): boolean {
  const predicate = (countyPolicies as Record<string, (a: Actor, r: CountyResource) => boolean>)[action];
  if (!predicate) throw new Error(`Okänd åtgärd: ${action}`);
  return predicate(actor, resource);
}

export function canGlobal(actor: Actor, action: string): boolean {
  const predicate = (globalPolicies as Record<string, (a: Actor) => boolean>)[action];
  if (!predicate) throw new Error(`Okänd åtgärd: ${action}`);
  return predicate(actor);
}

/** Typed route access declarations; every route states one. */
export const access = {
  public: (): RouteAccess => ({ kind: 'public' }),
  signedIn: (): RouteAccess => ({ kind: 'signed-in' }),
  county: (action: CountyAction): RouteAccess => ({ kind: 'county', action }),
  global: (action: GlobalAction): RouteAccess => ({ kind: 'global', action }),
};
