import type { ModuleDescriptor } from '../../platform/module.ts';
import { eventsPolicy } from './policy.ts';
import * as tables from './tables.ts';

/**
 * Events and lecture series: a county's events with their programme, places, registration with a deadline,
 * a waiting list served first in, first out, confirmation mail with a calendar file, and registrants' personal
 * data erased after the event. This is the core (tables, rules, services); the pages are built on it.
 */
export const module: ModuleDescriptor = {
  name: 'events',
  dependsOn: ['reference', 'accounts', 'forms'],
  tables,
  policies: { county: eventsPolicy },
};

export * from './lifecycle.ts';
export * from './labels.ts';
export {
  authorize,
  can,
  decide,
  eventAbilities,
  eventsPolicy,
  registrationAbilities,
  type Decision,
  type EventAbilities,
  type EventResource,
  type RegistrationAbilities,
  type RegistrationResource,
} from './policy.ts';
export type {
  CancelReason,
  EventContact,
  EventStatus,
  PlaceKind,
  ProgrammeItemKind,
  RegistrationStatus,
  Speaker,
} from './tables.ts';
