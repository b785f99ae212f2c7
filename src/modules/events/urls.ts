import { countySlugOf } from '../../platform/tenancy.ts';

/**
 * The addresses of the events pages, in one place: routes, views, mails and calendar files use these. Paths
 * are relative to the site; mails prefix `config.publicUrl`. A county is named by its slug in paths.
 */
export const urls = {
  /** the calendar of all of Sweden */
  nationalCalendar: (): string => '/kalender',
  /** a county's public calendar */
  calendar: (countySlug: string): string => `/${countySlug}/kalender`,
  /** a county's subscribable calendar feed (iCalendar) */
  calendarFeed: (countySlug: string): string => `/${countySlug}/kalender.ics`,
  /** a county's news feed of events (Atom) */
  atomFeed: (countySlug: string): string => `/${countySlug}/kalender.atom`,
  /** the same news feed as RSS 2.0 */
  rssFeed: (countySlug: string): string => `/${countySlug}/kalender.rss`,
  /** the subscribable calendar feed of all of Sweden (iCalendar) */
  nationalCalendarFeed: (): string => '/kalender.ics',
  /** the news feed of all of Sweden's events (Atom) */
  nationalAtomFeed: (): string => '/kalender.atom',
  /** a published event's public page */
  event: (countySlug: string, eventSlug: string): string => `/${countySlug}/kalender/${eventSlug}`,
  /** one event as an iCalendar file */
  eventIcs: (countySlug: string, eventSlug: string): string =>
    `/${countySlug}/kalender/${eventSlug}/kalenderfil.ics`,
  /** the registrant's own page: see, change, cancel, erase (the personal link) */
  registration: (token: string): string => `/anmalan/${token}`,
  /** the receipt right after registering (the form's POST redirects here, so a reload registers nothing) */
  registrationReceipt: (token: string): string => `/anmalan/${token}/tack`,
  /** accept an offered place (the time-limited link of the offer mail) */
  offer: (token: string): string => `/anmalan/erbjudande/${token}`,
  /** an attendee's evaluation: answered once, anonymously (the link of the evaluation mail) */
  evaluation: (token: string): string => `/utvardering/${token}`,
  /** the organiser's list of the county's events */
  manage: (countySlug: string): string => `/${countySlug}/evenemang`,
  /** the organiser's page of one event */
  manageEvent: (countySlug: string, eventId: string): string => `/${countySlug}/evenemang/${eventId}`,
  /** the organiser's list of an event's registrants */
  registrants: (countySlug: string, eventId: string): string => `/${countySlug}/evenemang/${eventId}/anmalda`,
  /** the county's questionnaires for registration questions and evaluations (the forms builder) */
  questionnaires: (countySlug: string): string => `/${countySlug}/evenemang/formular`,
  /** the organiser's pages and forms beneath one event (organiser pages: routes/organiser.ts) */
  organiser: {
    newEvent: (countySlug: string): string => `/${countySlug}/evenemang/nytt`,
    edit: (countySlug: string, eventId: string): string => `/${countySlug}/evenemang/${eventId}/andra`,
    publish: (countySlug: string, eventId: string): string => `/${countySlug}/evenemang/${eventId}/publicera`,
    cancel: (countySlug: string, eventId: string): string => `/${countySlug}/evenemang/${eventId}/stall-in`,
    recording: (countySlug: string, eventId: string): string =>
      `/${countySlug}/evenemang/${eventId}/inspelning`,
    message: (countySlug: string, eventId: string): string =>
      `/${countySlug}/evenemang/${eventId}/meddelande`,
    attendance: (countySlug: string, eventId: string): string =>
      `/${countySlug}/evenemang/${eventId}/narvaro`,
    export: (countySlug: string, eventId: string, format: 'csv' | 'xlsx'): string =>
      `/${countySlug}/evenemang/${eventId}/anmalda.${format}`,
    addRegistrant: (countySlug: string, eventId: string): string =>
      `/${countySlug}/evenemang/${eventId}/anmalda/ny`,
    cancelRegistration: (countySlug: string, eventId: string, registrationId: string): string =>
      `/${countySlug}/evenemang/${eventId}/anmalda/${registrationId}/avboka`,
    givePlace: (countySlug: string, eventId: string, registrationId: string): string =>
      `/${countySlug}/evenemang/${eventId}/anmalda/${registrationId}/ge-plats`,
    /** the event's evaluation: its questionnaire, when it goes out, the answers summarised */
    evaluation: (countySlug: string, eventId: string): string =>
      `/${countySlug}/evenemang/${eventId}/utvardering`,
    newSeries: (countySlug: string): string => `/${countySlug}/evenemang/serier/ny`,
    series: (countySlug: string, seriesId: string): string => `/${countySlug}/evenemang/serier/${seriesId}`,
    editSeries: (countySlug: string, seriesId: string): string =>
      `/${countySlug}/evenemang/serier/${seriesId}/andra`,
  },
};

export { countySlugOf };
