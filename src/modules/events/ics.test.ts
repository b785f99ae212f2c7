import { describe, expect, it } from 'vitest';
import { stockholmTime } from '../../platform/time.ts';
import {
  calendarEntryOf,
  escapeText,
  foldLine,
  writeCalendar,
  type CalendarSource,
  type IcsEvent,
} from './ics.ts';
import { readCalendar } from '../../../tests/helpers/ics.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

const entry = (over: Partial<IcsEvent> = {}): IcsEvent => ({
  uid: 'event-1@samverkan.test',
  start: stockholmTime('2022-06-15', 12, 30),
  end: stockholmTime('2022-06-15', 15, 45),
  summary: 'Social hållbarhet: från perspektivträngsel till perspektivgemenskap',
  ...over,
});

describe('the iCalendar writer', () => {
  it('writes seed 004’s afternoon in Swedish summer time: 12.30–15.45 local, 10.30–13.45 UTC', () => {
    const text = writeCalendar({ events: [entry()], now: new Date('2022-06-01T08:00:00Z') });
    expect(text).toContain('DTSTART;TZID=Europe/Stockholm:20220615T123000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Stockholm:20220615T154500\r\n');
    expect(text).toContain('DTSTAMP:20220601T080000Z\r\n');
    const [event] = readCalendar(text).events;
    expect(event!.uid).toBe('event-1@samverkan.test');
    expect(event!.startDate.hour).toBe(12);
    expect(event!.startDate.minute).toBe(30);
    expect(event!.startDate.toJSDate().toISOString()).toBe('2022-06-15T10:30:00.000Z');
    expect(event!.endDate.toJSDate().toISOString()).toBe('2022-06-15T13:45:00.000Z');
  });

  it('carries the right local times across the change to summer time (last Sunday of March) and back (October)', () => {
    const events: IcsEvent[] = [
      // Saturday before the change: CET, UTC+1
      entry({ uid: 'a', start: stockholmTime('2026-03-28', 10, 0), end: stockholmTime('2026-03-28', 12, 0) }),
      // the Sunday of the change, after 02.00: CEST, UTC+2
      entry({ uid: 'b', start: stockholmTime('2026-03-29', 10, 0), end: stockholmTime('2026-03-29', 12, 0) }),
      // across the change itself: 01.00 CET to 04.00 CEST is two hours
      entry({ uid: 'c', start: stockholmTime('2026-03-29', 1, 0), end: stockholmTime('2026-03-29', 4, 0) }),
      // late October before the change back: CEST
      entry({ uid: 'd', start: stockholmTime('2026-10-24', 13, 0), end: stockholmTime('2026-10-24', 15, 0) }),
      // the Sunday of the change back, afternoon: CET
      entry({ uid: 'e', start: stockholmTime('2026-10-25', 13, 0), end: stockholmTime('2026-10-25', 15, 0) }),
    ];
    const text = writeCalendar({ name: 'Kalender – Västernorrlands län', events });
    const read = readCalendar(text).events;
    const byUid = Object.fromEntries(read.map((e) => [e.uid, e]));
    const utc = (uid: string) => [
      byUid[uid]!.startDate.toJSDate().toISOString(),
      byUid[uid]!.endDate.toJSDate().toISOString(),
    ];
    const local = (uid: string) => [byUid[uid]!.startDate.toString(), byUid[uid]!.endDate.toString()];
    expect(utc('a')).toEqual(['2026-03-28T09:00:00.000Z', '2026-03-28T11:00:00.000Z']);
    expect(utc('b')).toEqual(['2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000Z']);
    expect(utc('c')).toEqual(['2026-03-29T00:00:00.000Z', '2026-03-29T02:00:00.000Z']);
    expect(utc('d')).toEqual(['2026-10-24T11:00:00.000Z', '2026-10-24T13:00:00.000Z']);
    expect(utc('e')).toEqual(['2026-10-25T12:00:00.000Z', '2026-10-25T14:00:00.000Z']);
    expect(local('b')).toEqual(['2026-03-29T10:00:00', '2026-03-29T12:00:00']);
    expect(local('e')).toEqual(['2026-10-25T13:00:00', '2026-10-25T15:00:00']);
    expect(read).toHaveLength(5);
    expect(readCalendar(text).root.getFirstPropertyValue('x-wr-calname')).toBe(
      'Kalender – Västernorrlands län',
    );
  });

  it('escapes text so that commas, semicolons, backslashes and new lines read back as written', () => {
    const summary = 'Oro, utsatthet; kris \\ och stöd';
    const description = 'Rad ett,\nrad två; med “citat”\r\nrad tre\u0007';
    const [event] = readCalendar(writeCalendar({ events: [entry({ summary, description })] })).events;
    expect(event!.summary).toBe(summary);
    expect(event!.description).toBe('Rad ett,\nrad två; med “citat”\nrad tre');
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds every line at 75 octets without splitting a character, and reads back whole', () => {
    const long = 'Länsstyrelsen och regionen: föreläsning om ÅÄÖ och 🤝 samverkan '.repeat(8);
    const text = writeCalendar({ events: [entry({ summary: long, description: long })] });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.endsWith('\r\n')).toBe(true);
    const [event] = readCalendar(text).events;
    expect(event!.summary).toBe(long);
    expect(event!.description).toBe(long);
    // a folded line is the original once the breaks are taken out
    const line = `SUMMARY:${'ö'.repeat(60)}`;
    expect(foldLine(line).replace(/\r\n /g, '')).toBe(line);
    // 8 + 33 × 2 octets, then the space and the other 27 (a 34th ö would make 76)
    expect(foldLine(line).split('\r\n').map(octets)).toEqual([74, 55]);
  });

  it('a feed holds many events, each with its UID; a cancelled one says so', () => {
    const events = Array.from({ length: 40 }, (_, i) =>
      entry({ uid: `event-${i}@samverkan.test`, cancelled: i === 3, sequence: i }),
    );
    const read = readCalendar(writeCalendar({ name: 'Kalender', events })).events;
    expect(read.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(read[3]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(read[0]!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(read[7]!.sequence).toBe(7);
  });

  it('makes an event’s entry from its public fields only: the meeting link has no way in', () => {
    const source: CalendarSource & { meetingLink: string } = {
      id: '0b0c5d0e-1111-4222-8333-444455556666',
      title: 'Social hållbarhet',
      summary: 'En eftermiddag med fokus på horisontella perspektiv.',
      startsAt: stockholmTime('2022-06-15', 12, 30),
      endsAt: stockholmTime('2022-06-15', 15, 45),
      placeKind: 'digital',
      address: null,
      status: 'published',
      version: 3,
      updatedAt: new Date('2022-06-01T08:00:00Z'),
      meetingLink: 'https://meet.example/hemlig-lank',
    };
    const url = 'https://samverkan.test/vastra-gotaland/kalender/social-hallbarhet';
    const text = writeCalendar({ events: [calendarEntryOf(source, { url, host: 'samverkan.test' })] });
    expect(text).not.toContain('hemlig');
    const [event] = readCalendar(text).events;
    expect(event!.location).toBe('Digitalt möte');
    expect(event!.uid).toBe(`event-${source.id}@samverkan.test`);
    expect(event!.description).toBe(`${source.summary}\n\n${url}`);
    expect(event!.component.getFirstPropertyValue('url')).toBe(url);
    expect(event!.sequence).toBe(3);
  });
});
