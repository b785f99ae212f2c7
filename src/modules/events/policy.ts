import {
  hasAnyRole,
  isSystemAdmin,
  stateRule,
  stateRulesOf,
  type Actor,
  type CountyResource,
  type Decision,
  type Predicate,
  type ResourceOfRule,
} from '../../platform/authz.ts';
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

const rule = stateRule;

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
export type ResourceOf<A extends StateAction> = ResourceOfRule<StateRules, A>;
export type { Decision };

/**
 * `decide` asks an action's role rule, then its state rule; `can` for a button; `authorize` for services,
 * inside the transaction after locking the rows whose state decides (404 without the role, a conflict with
 * the reason when the state does not allow it). The same questions for every module: platform/authz.ts.
 */
export const { decide, can, authorize } = stateRulesOf(stateRules);

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
