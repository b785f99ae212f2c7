/**
 * iCalendar (RFC 5545) for events: one event as a file (the confirmation mail's attachment, the event page's
 * "Lägg till i kalender") and a county's subscribable feed. Times are written in Swedish local time with
 * TZID=Europe/Stockholm and the zone's rules (VTIMEZONE), so a calendar shows 12.30 on 15 June and on
 * 10 December alike; lines end in CRLF and are folded at 75 octets without splitting a character.
 *
 * What goes in is `IcsEvent`, which has no field for the digital meeting's link: a calendar file is as public
 * as the event page (feeds are subscribed to, attachments forwarded), so the link cannot slip into one.
 */

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export interface IcsEvent {
  /** stable across changes (the event's id and the host): a calendar replaces, never duplicates */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  /** the public event page */
  url?: string | undefined;
  cancelled?: boolean | undefined;
  /** raised by each change (the event's version), so calendars take the newer copy */
  sequence?: number | undefined;
  lastModified?: Date | undefined;
  /** who invites (an invitation, METHOD:REQUEST or CANCEL, names one) */
  organizer?: { name: string; email: string } | undefined;
  /** the invited addresses */
  attendees?: string[] | undefined;
}

export interface IcsCalendar {
  /** the feed's name (X-WR-CALNAME), e.g. "Kalender – Västra Götalands län" */
  name?: string | undefined;
  events: IcsEvent[];
  /** DTSTAMP: when the file was written */
  now?: Date | undefined;
  /**
   * PUBLISH (default): a file to add to a calendar; REQUEST: an invitation (and its update); CANCEL: the
   * invitation withdrawn (RFC 5546)
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL' | undefined;
}

const TZID = 'Europe/Stockholm';

/** Sweden's rules since 1996 (EU summer time): the last Sunday of March 02:00 to the last of October 03:00. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZID,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** 20220615T123000: the instant's Swedish wall-clock time. */
export function stockholmLocal(d: Date): string {
  const p = Object.fromEntries(localParts.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** 20220601T100000Z */
export const utcStamp = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** A TEXT value: backslash, semicolon, comma and newlines escaped; other control characters dropped. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** A URI value carries no escapes, but never a line break or a control character. */
// eslint-disable-next-line no-control-regex
const uriValue = (value: string): string => value.replace(/[\u0000-\u001f\u007f\s]/g, '');

/** A quoted parameter value (CN="…"): no quotes, no control characters (RFC 5545 3.2). */
// eslint-disable-next-line no-control-regex
const paramValue = (value: string): string => value.replace(/[\u0000-\u001f\u007f"]/g, '');

const encoder = new TextEncoder();

/**
 * Folds a content line so that no line is longer than 75 octets (RFC 5545 3.1): a continuation starts with
 * one space, which counts towards its 75. A UTF-8 character is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line is one of its 75 octets
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function vevent(e: IcsEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART;TZID=${TZID}:${stockholmLocal(e.start)}`,
    `DTEND;TZID=${TZID}:${stockholmLocal(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${uriValue(e.url)}`);
  lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
  if (e.sequence !== undefined) lines.push(`SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  if (e.organizer)
    lines.push(`ORGANIZER;CN="${paramValue(e.organizer.name)}":mailto:${uriValue(e.organizer.email)}`);
  for (const a of e.attendees ?? [])
    lines.push(`ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${uriValue(a)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** A calendar with one or many events; CRLF line ends, folded lines. */
export function writeCalendar(cal: IcsCalendar): string {
  const now = cal.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samverkan//Evenemang//SV',
    'CALSCALE:GREGORIAN',
    `METHOD:${cal.method ?? 'PUBLISH'}`,
    ...(cal.name ? [`X-WR-CALNAME:${escapeText(cal.name)}`, `X-WR-TIMEZONE:${TZID}`] : []),
    ...VTIMEZONE,
    ...cal.events.flatMap((e) => vevent(e, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** What an event's calendar entry is made of (never its meeting link). */
export interface CalendarSource {
  id: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  placeKind: 'address' | 'digital';
  address: string | null;
  status: 'draft' | 'published' | 'cancelled';
  version: number;
  updatedAt: Date;
}

/**
 * An event as a calendar entry: its lead as the description with the page's address, the address as the
 * location (a digital event: "Digitalt möte"). `host` makes the UID unique beyond this installation.
 */
export function calendarEntryOf(event: CalendarSource, opts: { url: string; host: string }): IcsEvent {
  const location =
    event.placeKind === 'digital'
      ? event.address
        ? `Digitalt möte (${event.address})`
        : 'Digitalt möte'
      : (event.address ?? undefined);
  const description = [event.summary.trim(), opts.url].filter(Boolean).join('\n\n');
  return {
    uid: `event-${event.id}@${opts.host}`,
    start: event.startsAt,
    end: event.endsAt,
    summary: event.title,
    description,
    location,
    url: opts.url,
    cancelled: event.status === 'cancelled',
    sequence: event.version,
    lastModified: event.updatedAt,
  };
}
