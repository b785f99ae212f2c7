import { whenText } from './labels.ts';
import type { EventStatus, RegistrationStatus } from './tables.ts';
import type { Verdict } from '../../platform/authz.ts';

/** `true`, or the reason it may not be done. */
export type { Verdict };

/**
 * The state rules of events in one place: when an event may be edited, published or cancelled; whether
 * registration is open (and if not, why and since when); where a new registrant lands (a place or the
 * waiting list); how a registration moves between its states. Pure functions of the states and the time; each
 * rule answers `true` or, when not, why: a Swedish sentence a service throws as a ConflictError and a page
 * shows where a button or form is absent. Who may act is policy.ts's business.
 */

/** What the event rules look at. */
export interface EventState {
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
}

/** What the registration window looks at. */
export interface RegistrationWindow extends EventState {
  /** null: registration opens when the event is published */
  registrationOpensAt: Date | null;
  registrationClosesAt: Date;
}

const reason = {
  cancelled: 'Evenemanget är inställt.',
  notDraft: 'Evenemanget är redan publicerat.',
  ended: 'Evenemanget har redan ägt rum.',
  started: 'Evenemanget har redan börjat.',
  anonymised: 'Deltagarnas personuppgifter är redan borttagna.',
  notPublished: 'Evenemanget är inte publicerat.',
};

export const eventHasStarted = (e: EventState, now: Date): boolean => now >= e.startsAt;
export const eventHasEnded = (e: EventState, now: Date): boolean => now >= e.endsAt;

// ---- The event ---------------------------------------------------------------------------------------

/**
 * Whether the event is before the public: its page, and its image (src/modules/events/files.ts). A draft is
 * not; a published or cancelled one is (a cancelled event's page says so), as loadPublicEvent shows it.
 */
export const eventIsPublic = (e: Pick<EventState, 'status'>): boolean => e.status !== 'draft';

/** Texts, times, programme and places may change until the event is cancelled (a past event too: its recording). */
export function eventMayEdit(e: EventState): Verdict {
  return e.status === 'cancelled' ? reason.cancelled : true;
}

/** A draft is published once; a cancelled event stays cancelled. */
export function eventMayPublish(e: EventState): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (e.status !== 'draft') return reason.notDraft;
  return true;
}

/** A draft or a published event that has not ended may be cancelled (its registrants are told). */
export function eventMayCancel(e: EventState, now: Date): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (eventHasEnded(e, now)) return reason.ended;
  return true;
}

/** Attendance is marked once the event has begun, for an event that took place. */
export function eventMayMarkAttendance(e: EventState, now: Date): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (e.status !== 'published') return reason.notPublished;
  if (!eventHasStarted(e, now)) return 'Närvaro kan markeras först när evenemanget har börjat.';
  return true;
}

/** The organiser adds someone beyond the capacity, deliberately: a published event that has not ended. */
export function eventMayAddRegistrant(e: EventState, now: Date): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (e.status !== 'published') return reason.notPublished;
  if (eventHasEnded(e, now)) return reason.ended;
  return true;
}

/** Registrants may be written to while their data is kept. */
export function eventMayMessage(e: EventState & { registrantsAnonymisedAt: Date | null }): Verdict {
  return e.registrantsAnonymisedAt ? reason.anonymised : true;
}

// ---- Registration open or closed ---------------------------------------------------------------------

export type ClosedReason = 'draft' | 'cancelled' | 'not_yet_open' | 'closed' | 'started';

export type RegistrationOpenness =
  | { open: true; closesAt: Date }
  | {
      open: false;
      reason: ClosedReason;
      /** when it opens ('not_yet_open') or when it closed ('closed', 'started') */
      at?: Date;
      /** the sentence the event page shows where the form would be */
      message: string;
    };

/**
 * Whether the public may register now. Open from the opening time (or publication) until the closing time,
 * and never after the start. Closed after the last day as seed 004 says it: "Det är inte tillåtet att göra
 * anmälningar längre. Sista anmälningsdag var den 10 juni klockan 23.59."
 */
export function registrationOpenness(e: RegistrationWindow, now: Date): RegistrationOpenness {
  if (e.status === 'cancelled') return { open: false, reason: 'cancelled', message: reason.cancelled };
  if (e.status === 'draft')
    return { open: false, reason: 'draft', message: 'Anmälan öppnar när evenemanget publiceras.' };
  if (e.registrationOpensAt && now < e.registrationOpensAt)
    return {
      open: false,
      reason: 'not_yet_open',
      at: e.registrationOpensAt,
      message: `Anmälan öppnar den ${whenText(e.registrationOpensAt, now)}.`,
    };
  if (now > e.registrationClosesAt)
    return {
      open: false,
      reason: 'closed',
      at: e.registrationClosesAt,
      message: `Det är inte tillåtet att göra anmälningar längre. Sista anmälningsdag var den ${whenText(e.registrationClosesAt, now)}.`,
    };
  if (eventHasStarted(e, now))
    return {
      open: false,
      reason: 'started',
      at: e.startsAt,
      message: 'Det är inte tillåtet att göra anmälningar längre. Evenemanget har redan börjat.',
    };
  return { open: true, closesAt: e.registrationClosesAt };
}

/** The same as a verdict, for services. */
export function registrationMayOpen(e: RegistrationWindow, now: Date): Verdict {
  const o = registrationOpenness(e, now);
  return o.open ? true : o.message;
}

// ---- Places --------------------------------------------------------------------------------------------

export interface SeatCounts {
  /** null: unlimited */
  capacity: number | null;
  /** confirmed and offered registrations (each holds a place) */
  taken: number;
  /** registrations on the waiting list */
  waiting: number;
}

/** Places left (never below 0); null when unlimited. */
export const seatsLeft = (c: SeatCounts): number | null =>
  c.capacity === null ? null : Math.max(0, c.capacity - c.taken);

/** Whether a place is free for someone at the head of the waiting list. */
export const seatForWaiting = (c: SeatCounts): boolean => c.capacity === null || c.taken < c.capacity;

/**
 * Whether a place is free for a new registrant: one is left and nobody is waiting for it (the waiting list
 * is served first in, first out: a place freed while people wait is offered to them, not to a newcomer).
 */
export const seatFree = (c: SeatCounts): boolean =>
  seatForWaiting(c) && (c.capacity === null || c.waiting === 0);

/** Where a new registrant lands. */
export const placementOf = (c: SeatCounts): 'confirmed' | 'waiting' =>
  seatFree(c) ? 'confirmed' : 'waiting';

// ---- A registration's states ---------------------------------------------------------------------------

/**
 * The moves a registration may make:
 * - waiting → offered (a place freed; the first in line is offered it with a time-limited link)
 * - waiting → confirmed (the organiser takes someone from the waiting list beyond the capacity)
 * - offered → confirmed (the offer accepted in time)
 * - offered → cancelled (the offer expired: it passes on; or the registrant declined)
 * - confirmed, waiting → cancelled (the registrant, the organiser, or the event cancelled)
 */
const moves: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  waiting: ['offered', 'confirmed', 'cancelled'],
  offered: ['confirmed', 'cancelled'],
  confirmed: ['cancelled'],
  cancelled: [],
};

export const registrationMayMove = (from: RegistrationStatus, to: RegistrationStatus): boolean =>
  moves[from].includes(to);

export interface RegistrationState {
  status: RegistrationStatus;
  offerExpiresAt: Date | null;
  anonymisedAt: Date | null;
}

/** The registrant (by the personal link) or the organiser cancels: until the event starts. */
export function registrationMayCancel(r: RegistrationState, e: EventState, now: Date): Verdict {
  if (r.anonymisedAt) return reason.anonymised;
  if (r.status === 'cancelled') return 'Anmälan är redan avbokad.';
  if (e.status === 'cancelled') return reason.cancelled;
  if (eventHasStarted(e, now)) return reason.started;
  return true;
}

/** The registrant changes their name, organisation or answers: while the registration stands, before the start. */
export function registrationMayChange(r: RegistrationState, e: EventState, now: Date): Verdict {
  return registrationMayCancel(r, e, now);
}

/** Whether an offer has lapsed (it passes on to the next in line). */
export const offerHasExpired = (r: RegistrationState, now: Date): boolean =>
  r.status === 'offered' && r.offerExpiresAt !== null && now >= r.offerExpiresAt;

/** An offered place is accepted in time, for an event that still stands and has not begun. */
export function offerMayAccept(r: RegistrationState, e: EventState, now: Date): Verdict {
  if (r.anonymisedAt) return reason.anonymised;
  if (e.status === 'cancelled') return reason.cancelled;
  if (r.status === 'confirmed') return 'Platsen är redan bekräftad.';
  if (r.status !== 'offered' || offerHasExpired(r, now))
    return 'Erbjudandet gäller inte längre: tiden att bekräfta gick ut och platsen har gått vidare till nästa på väntelistan.';
  if (eventHasStarted(e, now)) return reason.started;
  return true;
}

/** An offered place is declined (it goes on to the next in line at once): while the offer could be accepted. */
export function offerMayDecline(r: RegistrationState, e: EventState, now: Date): Verdict {
  if (r.status === 'confirmed')
    return 'Platsen är redan bekräftad. Om du inte kan komma avbokar du den med länken i bekräftelsemejlet.';
  return offerMayAccept(r, e, now);
}

/** Whether a free place may be offered to the waiting list now: a published event that has not begun. */
export function eventMayOffer(e: EventState, now: Date): Verdict {
  if (e.status !== 'published') return e.status === 'cancelled' ? reason.cancelled : reason.notPublished;
  if (eventHasStarted(e, now)) return reason.started;
  return true;
}

/** An offer's deadline: `offerHours` from now, but never after the start. */
export function offerExpiry(now: Date, offerHours: number, e: EventState): Date {
  const t = Math.min(now.getTime() + offerHours * 3_600_000, e.startsAt.getTime());
  return new Date(t);
}

/** The registrant's attendance is marked on a standing (confirmed) registration. */
export function registrationMayMarkAttendance(r: RegistrationState, e: EventState, now: Date): Verdict {
  const ev = eventMayMarkAttendance(e, now);
  if (ev !== true) return ev;
  if (r.anonymisedAt) return reason.anonymised;
  if (r.status !== 'confirmed') return 'Närvaro markeras bara för bekräftade deltagare.';
  return true;
}

// ---- Personal data -----------------------------------------------------------------------------------

/** The default number of days after an event that its registrants' personal data is erased. */
export const DEFAULT_RETENTION_DAYS = 90;

/** When the event's registrants' personal data is to be erased. */
export const anonymisationDueAt = (e: EventState, retentionDays: number): Date =>
  new Date(e.endsAt.getTime() + retentionDays * 86_400_000);

export const anonymisationIsDue = (e: EventState, retentionDays: number, now: Date): boolean =>
  now >= anonymisationDueAt(e, retentionDays);

// ---- The evaluation after the event ------------------------------------------------------------------

/** How long after its end an event's evaluation goes out: time for the organiser to mark attendance. */
export const EVALUATION_DELAY_HOURS = 2;

/** When the evaluation goes out. */
export const evaluationSendsAt = (e: EventState): Date =>
  new Date(e.endsAt.getTime() + EVALUATION_DELAY_HOURS * 3_600_000);

/**
 * Whether an event's evaluation may go out now: a published event, EVALUATION_DELAY_HOURS after its end,
 * while its registrants' data is kept (without it there is nobody to write to).
 */
export function evaluationMaySend(
  e: EventState & { registrantsAnonymisedAt: Date | null },
  now: Date,
): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (e.status !== 'published') return reason.notPublished;
  if (now < evaluationSendsAt(e))
    return `Utvärderingen skickas ${EVALUATION_DELAY_HOURS} timmar efter att evenemanget har slutat.`;
  if (e.registrantsAnonymisedAt) return reason.anonymised;
  return true;
}

/** The organiser chooses (or changes, or drops) the evaluation's questionnaire until it has gone out. */
export function evaluationMayChoose(e: EventState, evaluation: { sentAt: Date | null } | undefined): Verdict {
  if (e.status === 'cancelled') return reason.cancelled;
  if (evaluation?.sentAt)
    return 'Utvärderingen är redan skickad till deltagarna, så formuläret kan inte bytas.';
  return true;
}

/** What the choice of an evaluation's recipients looks at. */
export interface EvaluationCandidate {
  status: RegistrationStatus;
  attended: boolean | null;
  anonymisedAt: Date | null;
}

/**
 * Who is asked to evaluate: those marked as attending. When nobody's attendance has been marked (the organiser
 * did not mark it), everyone with a confirmed place is asked instead; a no-show (marked false) never is.
 * Registrations whose data is erased have nobody to ask.
 */
export function evaluationRecipients<R extends EvaluationCandidate>(registrations: R[]): R[] {
  const confirmed = registrations.filter((r) => r.status === 'confirmed' && !r.anonymisedAt);
  const marked = confirmed.some((r) => r.attended !== null);
  return confirmed.filter((r) => (marked ? r.attended === true : true));
}

/** An evaluation link is answered once; a link whose registrant's data is erased leads nowhere. */
export function evaluationMayAnswer(
  invitation: { answered: boolean },
  registration: { anonymisedAt: Date | null } | undefined,
): Verdict {
  if (invitation.answered)
    return 'Utvärderingen är besvarad med den här länken, och den går inte att använda igen.';
  if (!registration || registration.anonymisedAt) return 'Länken gäller inte längre.';
  return true;
}
