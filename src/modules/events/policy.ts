import {
  hasAnyRole,
  isSystemAdmin,
  type Actor,
  type CountyResource,
  type Predicate,
} from '../../platform/authz.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import * as lifecycle from './lifecycle.ts';

/**
 * Events. The organisers are the county's admins and editors (länsadministratör, länsredaktör): they keep the
 * county's events, series and registrants. The public registers on published events' pages and handles its
 * own registration through a personal link; those are public routes whose rules are lifecycle.ts's alone
 * (the token is the permission).
 *
 * As in lägesbild: the county rules below say who may act in a county at all (routes, navigation); for an
 * action on an event `decide`/`authorize` ask the same role rule and then the lifecycle rule with the event's
 * state: the services under a lock, the pages for their buttons.
 */
const organises = ((actor: Actor, r: CountyResource) =>
  isSystemAdmin(actor) ||
  hasAnyRole(actor, ['county_admin', 'county_editor'], r.countyCode)) satisfies Predicate<CountyResource>;

export const eventsPolicy = {
  /** the county's events (drafts included), series and figures */
  'event.view': organises,
  /** make a new event or series in the county */
  'event.create': organises,
  /** change an event: texts, times, place, capacity, programme, organisers, questions, recording */
  'event.edit': organises,
  /** publish a draft in the county's calendar */
  'event.publish': organises,
  /** cancel an event: every registrant is told */
  'event.cancel': organises,
  /** the registrants: see, export, message, mark attendance, add someone beyond the capacity */
  'event.registrants': organises,
} as const;

// ---- Actions on an event in its state ------------------------------------------------------------------

/** An event of a county, in its state. */
export interface EventResource extends CountyResource, lifecycle.EventState {
  registrantsAnonymisedAt: Date | null;
}

/** One registration of an event, for the organiser's actions on it. */
export interface RegistrationResource extends CountyResource {
  event: lifecycle.EventState;
  registration: lifecycle.RegistrationState;
}

interface StateRule<R> {
  who: (actor: Actor, resource: R) => boolean;
  state: (resource: R, now: Date) => lifecycle.Verdict;
}
const rule = <R>(r: StateRule<R>): StateRule<R> => r;

const stateRules = {
  'event.edit': rule<EventResource>({
    who: eventsPolicy['event.edit'],
    state: (r) => lifecycle.eventMayEdit(r),
  }),
  'event.publish': rule<EventResource>({
    who: eventsPolicy['event.publish'],
    state: (r) => lifecycle.eventMayPublish(r),
  }),
  'event.cancel': rule<EventResource>({ who: eventsPolicy['event.cancel'], state: lifecycle.eventMayCancel }),
  /** add someone beyond the capacity, or take someone from the waiting list beyond it */
  'event.addRegistrant': rule<EventResource>({
    who: eventsPolicy['event.registrants'],
    state: lifecycle.eventMayAddRegistrant,
  }),
  'event.message': rule<EventResource>({
    who: eventsPolicy['event.registrants'],
    state: (r) => lifecycle.eventMayMessage(r),
  }),
  'event.attendance': rule<RegistrationResource>({
    who: eventsPolicy['event.registrants'],
    state: (r, now) => lifecycle.registrationMayMarkAttendance(r.registration, r.event, now),
  }),
  'registration.cancel': rule<RegistrationResource>({
    who: eventsPolicy['event.registrants'],
    state: (r, now) => lifecycle.registrationMayCancel(r.registration, r.event, now),
  }),
};

type StateRules = typeof stateRules;
export type StateAction = keyof StateRules;
export type ResourceOf<A extends StateAction> = StateRules[A] extends StateRule<infer R> ? R : never;

export type Decision =
  | { allowed: true }
  | { allowed: false; refusal: 'role' }
  | { allowed: false; refusal: 'state'; reason: string };

/** Asks an action's role rule, then its state rule. */
export function decide<A extends StateAction>(
  actor: Actor,
  action: A,
  resource: ResourceOf<A>,
  now = new Date(),
): Decision {
  const r = stateRules[action] as StateRule<ResourceOf<A>>;
  if (!r.who(actor, resource)) return { allowed: false, refusal: 'role' };
  const verdict = r.state(resource, now);
  return verdict === true ? { allowed: true } : { allowed: false, refusal: 'state', reason: verdict };
}

export const can = <A extends StateAction>(
  actor: Actor,
  action: A,
  resource: ResourceOf<A>,
  now = new Date(),
): boolean => decide(actor, action, resource, now).allowed;

/**
 * For services, inside the transaction after locking the event: someone without the role learns nothing
 * (404), a state that does not allow it is a conflict with the reason.
 */
export function authorize<A extends StateAction>(
  actor: Actor,
  action: A,
  resource: ResourceOf<A>,
  now = new Date(),
): void {
  const d = decide(actor, action, resource, now);
  if (d.allowed) return;
  if (d.refusal === 'role') throw new NotFoundError();
  throw new ConflictError(d.reason);
}

// ---- Abilities: what the organiser's pages show, from the same rules ---------------------------------

export interface EventAbilities {
  canEdit: boolean;
  canPublish: boolean;
  canCancel: boolean;
  canSeeRegistrants: boolean;
  canAddRegistrant: boolean;
  canMessage: boolean;
  /** why cancelling is not offered, for the event's page */
  cancelRefusal: string | undefined;
}

export function eventAbilities(actor: Actor, r: EventResource, now = new Date()): EventAbilities {
  const cancel = decide(actor, 'event.cancel', r, now);
  return {
    canEdit: can(actor, 'event.edit', r, now),
    canPublish: can(actor, 'event.publish', r, now),
    canCancel: cancel.allowed,
    canSeeRegistrants: eventsPolicy['event.registrants'](actor, r),
    canAddRegistrant: can(actor, 'event.addRegistrant', r, now),
    canMessage: can(actor, 'event.message', r, now),
    cancelRefusal: !cancel.allowed && cancel.refusal === 'state' ? cancel.reason : undefined,
  };
}

export interface RegistrationAbilities {
  canMarkAttendance: boolean;
  canCancel: boolean;
}

export function registrationAbilities(
  actor: Actor,
  r: RegistrationResource,
  now = new Date(),
): RegistrationAbilities {
  return {
    canMarkAttendance: can(actor, 'event.attendance', r, now),
    canCancel: can(actor, 'registration.cancel', r, now),
  };
}
