import type { Role } from './roles.ts';

export interface Membership {
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationType: string;
  /** the county the role applies in; null for national and system-wide roles */
  countyCode: string | null;
  municipalityCode: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; email: string; name: string; memberships: Membership[] };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export function isUser(actor: Actor): actor is UserActor {
  return actor.kind === 'user';
}

/** Small composable predicates; every module's policy is written with these. */
export function hasRole(actor: Actor, role: Role, countyCode?: string | null): boolean {
  return (
    isUser(actor) &&
    actor.memberships.some(
      (m) => m.role === role && (countyCode === undefined || m.countyCode === countyCode),
    )
  );
}

export function hasAnyRole(actor: Actor, roles: readonly Role[], countyCode?: string | null): boolean {
  return roles.some((r) => hasRole(actor, r, countyCode));
}

export const isSystemAdmin = (actor: Actor): boolean => hasRole(actor, 'system_admin');

export function memberOf(actor: Actor, organisationId: string): boolean {
  return isUser(actor) && actor.memberships.some((m) => m.organisationId === organisationId);
}

export type Predicate<R> = (actor: Actor, resource: R) => boolean;

/** How a route is reached: every route declares one of these, and a test fails on a route that does not. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  /** an action checked against the county in the URL (:county slug); a county the actor may not see is 404 */
  | { kind: 'county'; action: string }
  /** an action with no county: a signed-in actor without it gets 403 */
  | { kind: 'global'; action: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** false only for routes that change nothing yet must accept POST; none do today */
    csrf?: boolean;
  }
}
