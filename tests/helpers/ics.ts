import ICAL from 'ical.js';

/** Parses a calendar file as a calendar program does: its METHOD and its first event (times in their zone). */
export function readInvitation(text: string) {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const tz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = root.getFirstSubcomponent('vevent')!;
  return { method: root.getFirstPropertyValue('method') as string, event: new ICAL.Event(vevent), vevent };
}
