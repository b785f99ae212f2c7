import { readClock, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { dateProblem, type DateName } from '../../platform/validation.ts';

/**
 * A moment typed as a date (ÅÅÅÅ-MM-DD) and a clock time (12.30) in Swedish time, as the editors' forms ask
 * for a publication, an expiry, a banner's start and end. Each part's problem is said beside its own field.
 */
export interface TypedMoment {
  date: string;
  time: string;
}

export type MomentReading = { at: Date } | { errors: { date?: string; time?: string } };

export function readMoment(
  typed: TypedMoment,
  names: { date: DateName; time: string },
  defaultTime?: string,
): MomentReading {
  const errors: { date?: string; time?: string } = {};
  const date = typed.date.trim();
  const dateError = dateProblem(date, names.date);
  if (dateError) errors.date = dateError;
  const clock = readClock(typed.time.trim() || defaultTime || '', names.time);
  if (typeof clock === 'string') errors.time = clock;
  if (errors.date || errors.time || typeof clock === 'string') return { errors };
  return { at: stockholmTime(date, clock.h, clock.m) };
}

/** A moment as the form shows it again: its Swedish date and clock time ("2026-05-04", "09.30"). */
export function typedMomentOf(at: Date | null | undefined): TypedMoment {
  if (!at) return { date: '', time: '' };
  const clock = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return { date: stockholmDate(at), time: clock.replace(':', '.') };
}

const dateTimeWords = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "4 maj 2026 kl. 09.30" in Swedish time, for lists and pages. */
export const momentWords = (at: Date): string =>
  dateTimeWords.format(at).replace(/(\d{2}):(\d{2})$/, '$1.$2');
