import { ConflictError, NotFoundError } from './errors.ts';
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

/** Every county-owned resource names its county (the tenant); policies receive it with the resource's state. */
export interface CountyResource {
  countyCode: string;
}

/** A county action's rule: who may act in the county, and (for a resource with state) whether its state allows it. */
export type CountyPolicy = Predicate<CountyResource>;
/** A rule for an action without a county (national work, one's own organisation, system administration). */
export type GlobalPolicy = (actor: Actor) => boolean;

/** The policies one module contributes to the vocabulary; action names read `<thing>.<verb>` (`response.approve`). */
export interface PolicySet {
  county?: Record<string, CountyPolicy>;
  global?: Record<string, GlobalPolicy>;
}

/**
 * The one vocabulary of actions, put together from every module's policies at start. An unknown action is a
 * programming error (it throws), so a typo in a route's declaration fails the first request and the route test.
 */
export class Policies {
  private readonly county = new Map<string, CountyPolicy>();
  private readonly global = new Map<string, GlobalPolicy>();

  constructor(sets: PolicySet[]) {
    for (const set of sets) {
      for (const [name, rule] of Object.entries(set.county ?? {})) this.add(this.county, name, rule);
      for (const [name, rule] of Object.entries(set.global ?? {})) this.add(this.global, name, rule);
    }
  }

  private add<T>(map: Map<string, T>, name: string, rule: T): void {
    if (!/^[a-z]+(\.[a-z][a-zA-Z]*)+$/.test(name))
      throw new Error(`Åtgärden ${name} följer inte grammatiken <sak>.<verb>`);
    if (this.county.has(name) || this.global.has(name)) throw new Error(`Åtgärden ${name} finns redan`);
    map.set(name, rule);
  }

  can(actor: Actor, action: string, resource: CountyResource): boolean {
    const rule = this.county.get(action);
    if (!rule) throw new Error(`Okänd åtgärd: ${action}`);
    return rule(actor, resource);
  }

  canGlobal(actor: Actor, action: string): boolean {
    const rule = this.global.get(action);
    if (!rule) throw new Error(`Okänd åtgärd: ${action}`);
    return rule(actor);
  }

  /** Whether a route's declaration names a known action of the right kind. */
  declares(access: RouteAccess): boolean {
    if (access.kind === 'county') return this.county.has(access.action);
    if (access.kind === 'global') return this.global.has(access.action);
    return true;
  }

  countyActions(): string[] {
    return [...this.county.keys()];
  }

  globalActions(): string[] {
    return [...this.global.keys()];
  }
}

/** How a route is reached: every route declares one of these, and a test fails on a route that does not. */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  /** an action checked against the county in the URL (:county slug); a county the actor may not see is 404 */
  | { kind: 'county'; action: string }
  /** an action with no county: a signed-in actor without it gets 403 */
  | { kind: 'global'; action: string };

/** Typed route access declarations; every route states one. */
export const access = {
  public: (): RouteAccess => ({ kind: 'public' }),
  signedIn: (): RouteAccess => ({ kind: 'signed-in' }),
  county: (action: string): RouteAccess => ({ kind: 'county', action }),
  global: (action: string): RouteAccess => ({ kind: 'global', action }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** false only for routes that change nothing yet must accept POST; none do today */
    csrf?: boolean;
  }
}

// ---- Actions on a resource in its state ------------------------------------------------------------------

/** A state rule's answer: allowed, or why not (in Swedish, for the page). */
export type Verdict = true | string;

/** One action on a resource in its state: who may do it, and whether the resource's state allows it now. */
export interface StateRule<R> {
  /** who may do it (in the resource's county, for its organisation …) */
  who: (actor: Actor, resource: R) => boolean;
  /** whether the resource's state allows it now (a module's lifecycle rule) */
  state: (resource: R, now: Date) => Verdict;
}

/** A state rule with its resource's type named. */
export const stateRule = <R>(r: StateRule<R>): StateRule<R> => r;

export type Decision =
  | { allowed: true }
  | { allowed: false; refusal: 'role' }
  | { allowed: false; refusal: 'state'; reason: string };

/** The resource an action of a module's table of state rules acts on. */
export type ResourceOfRule<T, A extends keyof T> = T[A] extends StateRule<infer R> ? R : never;

/**
 * A module's table of state rules made into the three questions every caller asks of it, so that services,
 * routes, views and navigation ask one rule: `decide` (the role rule, then the state rule), `can` (for a
 * button) and `authorize` (for services, inside the transaction after locking the rows whose state decides:
 * someone without the role learns nothing (404), a state that does not allow it is a conflict with the
 * reason).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each rule's resource type is its own
export function stateRulesOf<T extends Record<string, StateRule<any>>>(rules: T) {
  function decide<A extends keyof T & string>(
    actor: Actor,
    action: A,
    resource: ResourceOfRule<T, A>,
    now = new Date(),
  ): Decision {
    const r = rules[action] as StateRule<ResourceOfRule<T, A>>;
    if (!r.who(actor, resource)) return { allowed: false, refusal: 'role' };
    const verdict = r.state(resource, now);
    return verdict === true ? { allowed: true } : { allowed: false, refusal: 'state', reason: verdict };
  }
  const can = <A extends keyof T & string>(
    actor: Actor,
    action: A,
    resource: ResourceOfRule<T, A>,
    now = new Date(),
  ): boolean => decide(actor, action, resource, now).allowed;
  function authorize<A extends keyof T & string>(
    actor: Actor,
    action: A,
    resource: ResourceOfRule<T, A>,
    now = new Date(),
  ): void {
    const d = decide(actor, action, resource, now);
    if (d.allowed) return;
    if (d.refusal === 'role') throw new NotFoundError();
    throw new ConflictError(d.reason);
  }
  return { decide, can, authorize };
}
