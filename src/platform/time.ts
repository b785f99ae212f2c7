const TZ = 'Europe/Stockholm';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Minutes Stockholm is ahead of UTC at an instant (60 in winter, 120 in summer). */
function stockholmOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instant of a Swedish wall-clock time on a date (YYYY-MM-DD), summer or winter. */
export function stockholmTime(date: string, hours: number, minutes: number, seconds = 0): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d, hours, minutes, seconds));
  const first = new Date(guess.getTime() - stockholmOffsetMinutes(guess) * 60_000);
  // A second pass settles days when the offset changes (the last Sunday of March and October).
  return new Date(guess.getTime() - stockholmOffsetMinutes(first) * 60_000);
}

/** A deadline "10 juni" means 23:59:59 Swedish time that day. */
export const endOfStockholmDay = (date: string): Date => stockholmTime(date, 23, 59, 59);
export const startOfStockholmDay = (date: string): Date => stockholmTime(date, 0, 0, 0);

let lastDay = { date: '', from: Infinity, to: -Infinity };

/**
 * The Swedish calendar date (YYYY-MM-DD) of an instant. The last date asked is kept with its day's bounds, so
 * the many askings of one day (a page's year, today's date) cost a comparison instead of a time-zone lookup.
 */
export function stockholmDate(instant: Date): string {
  const t = instant.getTime();
  if (t >= lastDay.from && t < lastDay.to) return lastDay.date;
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  const date = `${p.year}-${p.month}-${p.day}`;
  if (+p.year! < 1000) return date; // not kept: Date.UTC reads the years 0–99 as 1900–1999
  const next = new Date(Date.UTC(+p.year!, +p.month! - 1, +p.day! + 1)).toISOString().slice(0, 10);
  lastDay = { date, from: startOfStockholmDay(date).getTime(), to: startOfStockholmDay(next).getTime() };
  return date;
}

export const isIsoDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** A clock time as typed: 12.30 or 12:30. */
export const CLOCK = /^(\d{1,2})[.:](\d{2})$/;

/** "12.30" (or 12:30) as hours and minutes, or why not. */
export function readClock(value: string, what = 'tiden'): { h: number; m: number } | string {
  const t = CLOCK.exec(value.trim());
  if (!t) return `Ange ${what} som TT.MM, till exempel 12.30`;
  const [h, m] = [Number(t[1]), Number(t[2])];
  if (h > 23 || m > 59)
    return `${what.charAt(0).toUpperCase()}${what.slice(1)} ${value.trim()} finns inte: timmarna går från 00 till 23 och minuterna från 00 till 59`;
  return { h, m };
}
