import { access } from '../../platform/authz.ts';
import type { ModuleDescriptor } from '../../platform/module.ts';
import { seedEventsDemo } from './demo-seed.ts';
export { SEED_004_SLUG } from './demo-seed.ts';
import { EVENT_IMAGE_OWNER, eventImageOwner } from './files.ts';
import { eventsMail } from './mail.ts';
import { eventsPolicy } from './policy.ts';
import { forgetEvaluationLinks, sendEvaluations } from './evaluation.ts';
import { registerEvaluationRoutes } from './routes/evaluation.ts';
import { registerOrganiserRoutes } from './routes/organiser.ts';
import { registerPublicRoutes } from './routes/public.ts';
import { registerRegistrantRoutes } from './routes/registrant.ts';
import { anonymiseRegistrants, expireOffers, sendJoiningInfo } from './service.ts';
import { reindexEvents } from './search.ts';
import * as tables from './tables.ts';

/**
 * Events and lecture series: a county's events with their programme, places, registration with a deadline,
 * a waiting list served first in, first out, confirmation mail with a calendar file, and registrants' personal
 * data erased after the event. This is the core (tables, rules, services); the pages are built on it.
 * Design notes for those building on it: /work/helpers/events-design.md.
 */
export const module: ModuleDescriptor = {
  name: 'events',
  dependsOn: ['reference', 'accounts', 'forms'],
  tables,
  policies: { county: eventsPolicy },
  mailTemplates: eventsMail,
  // An event's image in the platform's file store: public when the event is, else seen by its organisers.
  fileOwners: { [EVENT_IMAGE_OWNER]: eventImageOwner },
  // Published events in the public search (indexed as they change; all again after a restore).
  searchIndex: { event: reindexEvents },
  routes: (app, deps) => {
    registerRegistrantRoutes(app, deps);
    registerPublicRoutes(app, deps);
    registerOrganiserRoutes(app, deps);
    registerEvaluationRoutes(app, deps);
  },
  nav: [
    // The calendar of all of Sweden, for everyone.
    { label: 'nav.calendar', href: '/kalender', access: access.public(), order: 1 },
    // The organiser's pages, for those who keep the county's events.
    { label: 'nav.events', href: '/:county/evenemang', access: access.county('event.view'), order: 32 },
  ],
  // Seed 004's event, seed 000's lecture series and an event ahead in each demo county (demo mode only).
  seedDemo: (db) => seedEventsDemo(db),
  maintenance: [
    // Offers not confirmed in time pass on to the next in line.
    (ctx) => expireOffers(ctx),
    // The meeting link and practical information, a set number of hours before the start.
    (ctx) => sendJoiningInfo(ctx),
    // Registrants' personal data, EVENT_RETENTION_DAYS after the event (counts stay).
    (ctx) => anonymiseRegistrants(ctx),
    // The evaluation, after the event, to those who attended (once each).
    (ctx) => sendEvaluations(ctx),
    // Evaluation invitations let go of registrations whose data is erased (the answers never named them).
    (ctx) => forgetEvaluationLinks(ctx),
  ],
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
export {
  acceptOffer,
  addRegistrant,
  anonymiseRegistrants,
  cancelEvent,
  cancelRegistration,
  cancelRegistrationByOrganiser,
  changeRegistration,
  confirmBeyondCapacity,
  createEvent,
  createSeries,
  eraseRegistration,
  eventCalendarFile,
  eventResourceOf,
  eventUrl,
  expireOffers,
  findByPersonalToken,
  loadEvent,
  loadPublicEvent,
  markAttendance,
  messageRegistrants,
  personalToken,
  publicEventOf,
  publishEvent,
  QUESTIONNAIRE_OWNER,
  register,
  sendJoiningInfo,
  updateEvent,
  updateSeries,
  type EventRef,
  type EventsContext,
  type OfferOutcome,
  type PublicEvent,
  type PublicEventView,
  type RegistrationResult,
} from './service.ts';
export {
  figuresOf,
  findEvent,
  findEventBySlug,
  findRegistration,
  findSeries,
  findSeriesBySlug,
  listEvents,
  listOrganisers,
  listProgramme,
  listRegistrations,
  listSeries,
  seatCounts,
  seatCountsOf,
  waitingPosition,
  type Counts,
  type EventListFilter,
  type EventRow,
  type Figures,
  type Organiser,
  type ProgrammeItemRow,
  type RegistrationRow,
  type SeriesRow,
} from './repository.ts';
export {
  EVENT_LIMITS,
  eventInputSchema,
  messageInputSchema,
  registrationChangeSchema,
  registrationInputFrom,
  registrationInputSchema,
  seriesInputSchema,
  slugOf,
  SLUG,
  type EventInput,
  type MessageInput,
  type ProgrammeItemInput,
  type RegistrationChange,
  type RegistrationInput,
  type SeriesInput,
} from './schemas.ts';
export {
  calendarEntryOf,
  ICS_CONTENT_TYPE,
  writeCalendar,
  type CalendarSource,
  type IcsCalendar,
  type IcsEvent,
} from './ics.ts';
export { countySlugOf, urls } from './urls.ts';
export {
  answerEvaluation,
  chooseEvaluation,
  evaluationOverview,
  evaluationToken,
  forgetEvaluationLinks,
  loadEvaluationByToken,
  sendEvaluations,
  type EvaluationOverview,
  type QuestionSummary,
} from './evaluation.ts';
export {
  ACCESSIBILITY_TEMPLATE,
  DIETARY_TEMPLATE,
  eventsQuestionnaireBuilder,
  mayEditEventQuestionnaires,
} from './questions.ts';
export { eventsMail } from './mail.ts';
export {
  cancelReasons,
  eventStatuses,
  placeKinds,
  programmeItemKinds,
  registrationStatuses,
  type CancelReason,
  type EventContact,
  type EventStatus,
  type PlaceKind,
  type ProgrammeItemKind,
  type RegistrationStatus,
  type Speaker,
} from './tables.ts';
