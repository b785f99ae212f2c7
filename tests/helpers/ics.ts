import ICAL from 'ical.js';

/**
 * Reads a calendar file as a calendar program does: its own VTIMEZONEs registered, then its METHOD and every
 * VEVENT (times in their zone).
 */
export function readCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return {
    root,
    method: root.getFirstPropertyValue('method') as string,
    events: root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)),
  };
}

/** An invitation: its METHOD and its first event (with the VEVENT itself, for properties ical.js does not name). */
export function readInvitation(text: string) {
  const { method, events } = readCalendar(text);
  const event = events[0]!;
  return { method, event, vevent: event.component };
}
