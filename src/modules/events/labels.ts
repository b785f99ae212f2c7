import type {
  CancelReason,
  EventStatus,
  PlaceKind,
  ProgrammeItemKind,
  RegistrationStatus,
} from './tables.ts';

/*
 * The one Swedish wording of each events concept, for the web pages, exports, mail and calendar files alike.
 * A value without a label here is a programming error, not a fallback.
 */

/** An event's status ("evenemanget" is neuter). */
export const eventStatusLabels: Readonly<Record<EventStatus, string>> = {
  draft: 'Utkast',
  published: 'Publicerat',
  cancelled: 'Inställt',
};

/** A registration's status ("anmälan" is common gender). */
export const registrationStatusLabels: Readonly<Record<RegistrationStatus, string>> = {
  confirmed: 'Bekräftad',
  waiting: 'På väntelistan',
  offered: 'Erbjuden plats',
  cancelled: 'Avbokad',
};

export const cancelReasonLabels: Readonly<Record<CancelReason, string>> = {
  registrant: 'Avbokad av deltagaren',
  organiser: 'Avbokad av arrangören',
  offer_expired: 'Erbjudandet gick ut',
  event_cancelled: 'Evenemanget ställdes in',
};

export const placeKindLabels: Readonly<Record<PlaceKind, string>> = {
  address: 'På plats',
  digital: 'Digitalt',
};

export const programmeItemKindLabels: Readonly<Record<ProgrammeItemKind, string>> = {
  talk: 'Föredrag',
  break: 'Paus',
  discussion: 'Diskussion',
};

/** Attendance as marked by the organiser: not yet, attended, or a no-show. */
export const attendanceText = (attended: boolean | null): string =>
  attended === null ? 'Ej markerad' : attended ? 'Deltog' : 'Uteblev';

/** The cost as the event page shows it: "Gratis" or "450 kr" (öre shown when there are any). */
export function costText(costOre: number): string {
  if (costOre <= 0) return 'Gratis';
  const kronor = costOre / 100;
  return `${kronor.toLocaleString('sv-SE', { minimumFractionDigits: costOre % 100 ? 2 : 0, maximumFractionDigits: 2 })} kr`;
}

const TZ = 'Europe/Stockholm';
const dayMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, day: 'numeric', month: 'long' });
const dayMonthYear = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TZ,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const clock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TZ,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const yearOf = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric' });

/** "12.30": a Swedish clock time as the seeds write it. */
export const clockText = (d: Date): string => clock.format(d).replace(':', '.');

/**
 * "10 juni klockan 23.59" (Swedish time); the year is named when it is not the year of `now`
 * ("10 juni 2022 klockan 23.59").
 */
export function whenText(d: Date, now = new Date()): string {
  const date = yearOf.format(d) === yearOf.format(now) ? dayMonth.format(d) : dayMonthYear.format(d);
  return `${date} klockan ${clockText(d)}`;
}

const dateOnly = (d: Date): string => dayMonthYear.format(d);

/**
 * When an event takes place, in Swedish time: "15 juni 2022 klockan 12.30–15.45", or over more days
 * "15 juni 2022 klockan 12.30 – 16 juni 2022 klockan 15.45".
 */
export function whenOfEvent(startsAt: Date, endsAt: Date): string {
  if (dateOnly(startsAt) === dateOnly(endsAt))
    return `${dateOnly(startsAt)} klockan ${clockText(startsAt)}–${clockText(endsAt)}`;
  return `${dateOnly(startsAt)} klockan ${clockText(startsAt)} – ${dateOnly(endsAt)} klockan ${clockText(endsAt)}`;
}
