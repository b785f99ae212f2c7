import type { FieldErrors } from '../../../platform/errors.ts';
import type { FormBody } from '../../../platform/input.ts';
import {
  CLOCK,
  endOfStockholmDay,
  readClock,
  startOfStockholmDay,
  stockholmDate,
  stockholmTime,
} from '../../../platform/time.ts';
import { dateProblem, fieldErrorsFrom, type FormValues } from '../../../platform/validation.ts';
import { clockText } from '../labels.ts';
import type { EventRow, Organiser, ProgrammeItemRow } from '../repository.ts';
import { EVENT_LIMITS, eventInputSchema, type EventInput } from '../schemas.ts';
import { placeKinds, programmeItemKinds, type PlaceKind, type ProgrammeItemKind } from '../tables.ts';

/*
 * The organiser's event form as the browser posts it, and back: every field as typed (FormValues, kept when
 * the form comes back with its messages), the EventInput the services take, and the field each of the
 * services' messages belongs beside. Dates are typed as ÅÅÅÅ-MM-DD and checked with the shared rule
 * (dateProblem); times as 12.30 in Swedish time. The programme's items, their speakers and the contacts are
 * rows the form adds and removes without JavaScript (a submit button named `intent`, as lägesbild's measures).
 */

export const SPEAKER_PARTS = ['name', 'title', 'organisation'] as const;
export const CONTACT_PARTS = ['name', 'organisation', 'email', 'phone'] as const;
export type SpeakerPart = (typeof SPEAKER_PARTS)[number];
export type ContactPart = (typeof CONTACT_PARTS)[number];

/** The form's field names. */
export const field = {
  item: (i: number, part: 'time' | 'title' | 'kind'): string => `programme_${i}_${part}`,
  speaker: (i: number, j: number, part: SpeakerPart): string => `programme_${i}_speaker_${j}_${part}`,
  contact: (i: number, part: ContactPart): string => `contact_${i}_${part}`,
};

const ITEM_KEY = /^programme_(\d+)_(?:time|title|kind)$/;
const SPEAKER_KEY = /^programme_(\d+)_speaker_(\d+)_(?:name|title|organisation)$/;
const CONTACT_KEY = /^contact_(\d+)_(?:name|organisation|email|phone)$/;

/** How many rows of each kind the values hold (rows as typed, empty ones too), within the limits. */
export interface RowCounts {
  items: number;
  /** speakers per item */
  speakers: number[];
  contacts: number;
}

export function rowCounts(values: FormValues): RowCounts {
  let items = 0;
  let contacts = 0;
  const speakers: number[] = [];
  for (const key of Object.keys(values)) {
    let m = ITEM_KEY.exec(key);
    if (m) items = Math.max(items, Number(m[1]) + 1);
    m = SPEAKER_KEY.exec(key);
    if (m) {
      const i = Number(m[1]);
      items = Math.max(items, i + 1);
      if (i < EVENT_LIMITS.programme) speakers[i] = Math.max(speakers[i] ?? 0, Number(m[2]) + 1);
    }
    m = CONTACT_KEY.exec(key);
    if (m) contacts = Math.max(contacts, Number(m[1]) + 1);
  }
  items = Math.min(items, EVENT_LIMITS.programme);
  return {
    items,
    speakers: Array.from({ length: items }, (_, i) => Math.min(speakers[i] ?? 0, EVENT_LIMITS.speakers)),
    contacts: Math.min(contacts, EVENT_LIMITS.contacts),
  };
}

/** A posted field as text: a list (a field sent twice) gives its first text. */
function text(body: FormBody, key: string): string {
  const v = body[key];
  if (typeof v === 'string') return v;
  return Array.isArray(v) ? (v.find((x) => typeof x === 'string') ?? '') : '';
}

function list(body: FormBody, key: string): string[] {
  const v = body[key];
  return (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x) => x !== '');
}

/** The posted form as the values it is shown again with: every field as typed, the lists comma-joined. */
export function valuesOfBody(body: FormBody): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf' || k === 'intent') continue;
    values[k] = typeof v === 'string' ? v : v.join(',');
  }
  return values;
}

// ---- Times, amounts, numbers -------------------------------------------------------------------------

/** An amount in kronor ("450", "1 200", "99,50") in öre, or why not. */
export function readKronor(value: string): number | string {
  const v = value
    .replace(/[\s\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  if (!v) return 'Ange vad evenemanget kostar i kronor, eller välj Gratis';
  if (!/^\d+(\.\d{1,2})?$/.test(v))
    return 'Ange kostnaden som ett belopp i kronor, till exempel 450 eller 99,50';
  const ore = Math.round(Number(v) * 100);
  if (ore === 0) return 'Ange ett belopp större än 0, eller välj Gratis';
  return ore;
}

/** A whole number typed in a field ("100"), or why not. */
function readWhole(value: string, message: string): number | string {
  const v = value.replace(/[\s\u00a0]/g, '');
  return /^\d{1,9}$/.test(v) ? Number(v) : message;
}

const invalid = () => new Date(Number.NaN);

const ITEM_TIME_SHAPE =
  'som TT.MM, till exempel 13.45, eller med datum om det är en annan dag: 2026-06-16 09.00';

/**
 * A programme item's time: "13.45" on the event's first day, or "2026-06-16 09.00" on another day. While the
 * event's own date cannot be read, a time alone is only checked for its shape (the date has its message).
 */
function readItemTime(value: string, startDate: string | undefined): Date | string {
  const v = value.trim();
  if (!v) return `Ange programpunktens tid ${ITEM_TIME_SHAPE}`;
  const withDate = /^(\S+)\s+(\S+)$/.exec(v);
  if (withDate) {
    const problem = dateProblem(withDate[1]!, { a: 'datum', the: 'datumet' });
    if (problem) return problem;
  }
  const typedClock = withDate ? withDate[2]! : v;
  if (!CLOCK.test(typedClock)) return `Ange programpunktens tid ${ITEM_TIME_SHAPE}`;
  const clock = readClock(typedClock, 'tiden');
  if (typeof clock === 'string') return clock;
  return stockholmTime(withDate ? withDate[1]! : (startDate ?? '2000-01-01'), clock.h, clock.m);
}

// ---- Reading the form -------------------------------------------------------------------------------

/** Where each row of the input came from in the form (empty rows are left out of the input). */
interface RowMap {
  items: Array<{ row: number; speakers: number[] }>;
  contacts: number[];
}

export interface ReadEventForm {
  values: FormValues;
  input: EventInput;
  /** the form's own messages (dates, times, amounts), by field name */
  errors: FieldErrors;
  rows: RowMap;
}

/** What an edited event keeps that the form does not show (the image, questions, offers, recording). */
export type KeptFields = Pick<
  EventInput,
  'imageRef' | 'imageAlt' | 'questionnaireVersionId' | 'offerHours' | 'recordingUrl' | 'slug'
>;

export function keptFieldsOf(e: EventRow): KeptFields {
  return {
    slug: e.slug,
    imageRef: e.imageRef,
    imageAlt: e.imageAlt,
    questionnaireVersionId: e.questionnaireVersionId,
    offerHours: e.offerHours,
    recordingUrl: e.recordingUrl,
  };
}

export function readEventForm(body: FormBody, kept: KeptFields = {}): ReadEventForm {
  const values = valuesOfBody(body);
  const s = (k: string) => text(body, k).trim();
  const errors: FieldErrors = {};
  const fail = (k: string, message: string) => {
    errors[k] ??= message;
  };

  // When: a date, a start and an end time, and the end's own date if it ends on another day.
  const startDate = s('startDate');
  const endDate = s('endDate') || startDate;
  const startProblem = dateProblem(startDate, { a: 'datum', the: 'datumet' });
  if (startProblem) fail('startDate', startProblem);
  const endProblem = s('endDate') ? dateProblem(endDate, { a: 'slutdatum', the: 'slutdatumet' }) : undefined;
  if (endProblem) fail('endDate', endProblem);
  const startClock = readClock(s('startTime'), 'starttiden');
  if (typeof startClock === 'string') fail('startTime', startClock);
  const endClock = readClock(s('endTime'), 'sluttiden');
  if (typeof endClock === 'string') fail('endTime', endClock);
  const startsAt =
    !startProblem && typeof startClock !== 'string'
      ? stockholmTime(startDate, startClock.h, startClock.m)
      : invalid();
  const endsAt =
    !startProblem && !endProblem && typeof endClock !== 'string'
      ? stockholmTime(endDate, endClock.h, endClock.m)
      : invalid();

  // Registration: opens at the start of its day (or on publication), closes 23.59 on the last day.
  let registrationOpensAt: Date | null = null;
  if (s('registrationOpens')) {
    const p = dateProblem(s('registrationOpens'), { a: 'datumet då anmälan öppnar', the: 'datumet' });
    if (p) fail('registrationOpens', p);
    else registrationOpensAt = startOfStockholmDay(s('registrationOpens'));
  }
  const lastDayProblem = dateProblem(s('registrationLastDay'), {
    a: 'sista anmälningsdag',
    the: 'sista anmälningsdagen',
  });
  if (lastDayProblem) fail('registrationLastDay', lastDayProblem);
  const registrationClosesAt = lastDayProblem ? invalid() : endOfStockholmDay(s('registrationLastDay'));

  // Cost and places.
  let costOre = 0;
  const costKind = s('costKind');
  if (costKind === 'amount') {
    const ore = readKronor(s('costAmount'));
    if (typeof ore === 'string') fail('costAmount', ore);
    else costOre = ore;
  } else if (costKind !== 'free') fail('costKind', 'Välj om evenemanget är gratis eller kostar något');
  let capacity: number | null = null;
  if (s('capacity')) {
    const n = readWhole(s('capacity'), 'Ange antal platser som en siffra, till exempel 100');
    if (typeof n === 'string') fail('capacity', n);
    else capacity = n;
  }
  let joiningInfoHoursBefore = 24;
  if (s('joiningInfoHoursBefore')) {
    const n = readWhole(s('joiningInfoHoursBefore'), 'Ange antal timmar som en siffra, till exempel 24');
    if (typeof n === 'string') fail('joiningInfoHoursBefore', n);
    else joiningInfoHoursBefore = n;
  }

  // The programme: the rows with anything typed in them, each with the speakers typed.
  const counts = rowCounts(values);
  const rows: RowMap = { items: [], contacts: [] };
  const programme: NonNullable<EventInput['programme']> = [];
  for (let i = 0; i < counts.items; i++) {
    const speakers: Array<{ name: string; title: string; organisation: string }> = [];
    const speakerRows: number[] = [];
    for (let j = 0; j < (counts.speakers[i] ?? 0); j++) {
      const sp = {
        name: s(field.speaker(i, j, 'name')),
        title: s(field.speaker(i, j, 'title')),
        organisation: s(field.speaker(i, j, 'organisation')),
      };
      if (!sp.name && !sp.title && !sp.organisation) continue;
      speakers.push(sp);
      speakerRows.push(j);
    }
    const time = s(field.item(i, 'time'));
    const title = s(field.item(i, 'title'));
    if (!time && !title && speakers.length === 0) continue;
    const at = readItemTime(time, startProblem ? undefined : startDate);
    if (typeof at === 'string') fail(field.item(i, 'time'), at);
    const kind = s(field.item(i, 'kind'));
    programme.push({
      startsAt: typeof at === 'string' ? invalid() : at,
      endsAt: null,
      title,
      kind: (programmeItemKinds as readonly string[]).includes(kind) ? (kind as ProgrammeItemKind) : 'talk',
      speakers,
    });
    rows.items.push({ row: i, speakers: speakerRows });
  }

  const contacts: NonNullable<EventInput['contacts']> = [];
  for (let i = 0; i < counts.contacts; i++) {
    const c = Object.fromEntries(CONTACT_PARTS.map((p) => [p, s(field.contact(i, p))])) as Record<
      ContactPart,
      string
    >;
    if (CONTACT_PARTS.every((p) => !c[p])) continue;
    contacts.push(c);
    rows.contacts.push(i);
  }

  const placeKind = s('placeKind');
  const input: EventInput = {
    ...kept,
    title: s('title'),
    summary: s('summary'),
    description: text(body, 'description'),
    targetGroup: s('targetGroup'),
    themes: s('themes')
      .split(/[,\n]/)
      .map((t) => t.trim())
      .filter(Boolean),
    startsAt,
    endsAt,
    placeKind: ((placeKinds as readonly string[]).includes(placeKind) ? placeKind : undefined) as PlaceKind,
    address: s('address') || null,
    meetingLink: s('meetingLink') || null,
    practicalInfo: text(body, 'practicalInfo'),
    joiningInfoHoursBefore,
    costOre,
    capacity,
    registrationOpensAt,
    registrationClosesAt,
    contacts,
    seriesId: s('seriesId') || null,
    organisationIds: list(body, 'organisationIds'),
    programme,
    // The registration questions, when the form has the field (a post without it keeps the event's).
    ...(body.questionnaireVersionId !== undefined
      ? { questionnaireVersionId: s('questionnaireVersionId') || null }
      : {}),
  };
  return { values, input, errors, rows };
}

/** The field a service's message (keyed by the input's path) is shown beside. */
export function fieldOfPath(path: string, rows: RowMap): string {
  const item = /^programme\.(\d+)(?:\.(\w+)(?:\.(\d+)(?:\.(\w+))?)?)?$/.exec(path);
  if (item) {
    const at = rows.items[Number(item[1])];
    const i = at?.row ?? 0;
    const part = item[2];
    if (part === 'speakers') {
      const j = item[3] !== undefined ? (at?.speakers[Number(item[3])] ?? 0) : 0;
      const sp = (SPEAKER_PARTS as readonly string[]).includes(item[4] ?? '')
        ? (item[4] as SpeakerPart)
        : 'name';
      return field.speaker(i, j, sp);
    }
    return field.item(i, part === 'title' || part === 'kind' ? part : 'time');
  }
  const contact = /^contacts\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (contact) {
    const i = rows.contacts[Number(contact[1])] ?? 0;
    const part = (CONTACT_PARTS as readonly string[]).includes(contact[2] ?? '')
      ? (contact[2] as ContactPart)
      : 'name';
    return field.contact(i, part);
  }
  const top = path.split('.')[0]!;
  const named: Record<string, string> = {
    startsAt: 'startDate',
    endsAt: 'endTime',
    registrationOpensAt: 'registrationOpens',
    registrationClosesAt: 'registrationLastDay',
    costOre: 'costAmount',
    programme: field.item(0, 'time'),
    contacts: field.contact(0, 'name'),
  };
  const onForm = [
    'title',
    'summary',
    'description',
    'targetGroup',
    'themes',
    'placeKind',
    'address',
    'meetingLink',
    'practicalInfo',
    'joiningInfoHoursBefore',
    'capacity',
    'seriesId',
    'organisationIds',
    'questionnaireVersionId',
  ];
  return named[top] ?? (onForm.includes(top) ? top : '_form');
}

/** The services' messages (by input path) beside the form's fields; a field's first message wins. */
export function formErrorsOf(pathErrors: FieldErrors, rows: RowMap): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(pathErrors)) out[fieldOfPath(path, rows)] ??= message;
  return out;
}

/**
 * Every message the form deserves at once: its own (dates, times, amounts) and the schema's for the rest
 * (a missing title, an end before the start), each beside its field. Empty when the input may go on to the
 * service, which checks it again and may still refuse (an organisation not the county's).
 */
export function allFormErrors(read: ReadEventForm): FieldErrors {
  const parsed = eventInputSchema.safeParse(read.input);
  const schemaErrors = parsed.success ? {} : formErrorsOf(fieldErrorsFrom(parsed.error), read.rows);
  // A date that could not be read is named by the form's own message, not by the schema's.
  return { ...schemaErrors, ...read.errors };
}

// ---- Adding and removing rows ---------------------------------------------------------------------------

export type RowIntent =
  | { kind: 'add-item' }
  | { kind: 'remove-item'; i: number }
  | { kind: 'add-speaker'; i: number }
  | { kind: 'remove-speaker'; i: number; j: number }
  | { kind: 'add-contact' }
  | { kind: 'remove-contact'; i: number };

export function rowIntentOf(intent: string): RowIntent | undefined {
  if (intent === 'add-item' || intent === 'add-contact') return { kind: intent };
  let m = /^(remove-item|add-speaker|remove-contact):(\d{1,3})$/.exec(intent);
  if (m) return { kind: m[1] as 'remove-item' | 'add-speaker' | 'remove-contact', i: Number(m[2]) };
  m = /^remove-speaker:(\d{1,3}):(\d{1,3})$/.exec(intent);
  if (m) return { kind: 'remove-speaker', i: Number(m[1]), j: Number(m[2]) };
  return undefined;
}

/** Renames the keys of rows after a removed one down by one, so the rows stay numbered 0, 1, 2, … */
function shiftDown(
  values: FormValues,
  pattern: RegExp,
  removed: number,
  rename: (k: string, n: number) => string,
) {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) {
    const m = pattern.exec(k);
    if (!m) {
      out[k] = v;
      continue;
    }
    const n = Number(m[1]);
    if (n === removed) continue;
    out[n > removed ? rename(k, n - 1) : k] = v;
  }
  return out;
}

/**
 * The values with a row added or removed, and the field the page puts the focus on (the new row's first
 * field, or the add button where a row was removed). Nothing is saved: the form comes back as it was, with
 * the change.
 */
export function applyRowIntent(values: FormValues, intent: RowIntent): { values: FormValues; focus: string } {
  const counts = rowCounts(values);
  switch (intent.kind) {
    case 'add-item': {
      const i = counts.items;
      if (i >= EVENT_LIMITS.programme) return { values, focus: 'add-item' };
      return {
        values: {
          ...values,
          [field.item(i, 'time')]: '',
          [field.item(i, 'title')]: '',
          [field.item(i, 'kind')]: 'talk',
          ...emptySpeaker(i, 0),
        },
        focus: field.item(i, 'time'),
      };
    }
    case 'remove-item':
      return {
        values: shiftDown(values, /^programme_(\d+)_/, intent.i, (k, n) =>
          k.replace(/^programme_\d+_/, `programme_${n}_`),
        ),
        focus: 'add-item',
      };
    case 'add-speaker': {
      if (intent.i >= counts.items) return { values, focus: 'add-item' };
      const j = counts.speakers[intent.i] ?? 0;
      if (j >= EVENT_LIMITS.speakers) return { values, focus: `add-speaker-${intent.i}` };
      return {
        values: { ...values, ...emptySpeaker(intent.i, j) },
        focus: field.speaker(intent.i, j, 'name'),
      };
    }
    case 'remove-speaker': {
      const prefix = `programme_${intent.i}_speaker_`;
      const pattern = new RegExp(`^${prefix}(\\d+)_`);
      return {
        values: shiftDown(values, pattern, intent.j, (k, n) => k.replace(pattern, `${prefix}${n}_`)),
        focus: `add-speaker-${intent.i}`,
      };
    }
    case 'add-contact': {
      const i = counts.contacts;
      if (i >= EVENT_LIMITS.contacts) return { values, focus: 'add-contact' };
      return {
        values: { ...values, ...Object.fromEntries(CONTACT_PARTS.map((p) => [field.contact(i, p), ''])) },
        focus: field.contact(i, 'name'),
      };
    }
    case 'remove-contact':
      return {
        values: shiftDown(values, /^contact_(\d+)_/, intent.i, (k, n) =>
          k.replace(/^contact_\d+_/, `contact_${n}_`),
        ),
        focus: 'add-contact',
      };
  }
}

const emptySpeaker = (i: number, j: number): FormValues =>
  Object.fromEntries(SPEAKER_PARTS.map((p) => [field.speaker(i, j, p), '']));

// ---- The form's values of a new or a stored event -----------------------------------------------------

/** A new event's form: free, a programme item with a speaker, a contact, the county board as organiser. */
export function newEventValues(organisationIds: string[]): FormValues {
  return {
    costKind: 'free',
    placeKind: 'digital',
    joiningInfoHoursBefore: '24',
    organisationIds: organisationIds.join(','),
    [field.item(0, 'time')]: '',
    [field.item(0, 'title')]: '',
    [field.item(0, 'kind')]: 'talk',
    ...emptySpeaker(0, 0),
    ...Object.fromEntries(CONTACT_PARTS.map((p) => [field.contact(0, p), ''])),
  };
}

const kronorText = (ore: number) =>
  (ore / 100).toLocaleString('sv-SE', { minimumFractionDigits: ore % 100 ? 2 : 0, useGrouping: false });

/** A programme item's time as the form shows it: "13.45", or with its date when on another day. */
export function itemTimeText(at: Date, eventStart: Date): string {
  const day = stockholmDate(at);
  return day === stockholmDate(eventStart) ? clockText(at) : `${day} ${clockText(at)}`;
}

/** A stored event as its edit form shows it (every row it has, and one empty speaker row where none). */
export function eventValues(e: EventRow, programme: ProgrammeItemRow[], organisers: Organiser[]): FormValues {
  const values: FormValues = {
    title: e.title,
    summary: e.summary,
    description: e.description,
    targetGroup: e.targetGroup,
    themes: e.themes.join(', '),
    startDate: stockholmDate(e.startsAt),
    startTime: clockText(e.startsAt),
    endTime: clockText(e.endsAt),
    endDate: stockholmDate(e.endsAt) === stockholmDate(e.startsAt) ? '' : stockholmDate(e.endsAt),
    placeKind: e.placeKind,
    address: e.address ?? '',
    meetingLink: e.meetingLink ?? '',
    practicalInfo: e.practicalInfo,
    joiningInfoHoursBefore: String(e.joiningInfoHoursBefore),
    costKind: e.costOre > 0 ? 'amount' : 'free',
    costAmount: e.costOre > 0 ? kronorText(e.costOre) : '',
    capacity: e.capacity === null ? '' : String(e.capacity),
    registrationOpens: e.registrationOpensAt ? stockholmDate(e.registrationOpensAt) : '',
    registrationLastDay: stockholmDate(e.registrationClosesAt),
    seriesId: e.seriesId ?? '',
    organisationIds: organisers.map((o) => o.id).join(','),
    imageRef: e.imageRef ?? '',
    imageAlt: e.imageAlt ?? '',
    version: String(e.version),
    questionnaireVersionId: e.questionnaireVersionId ?? '',
  };
  programme.forEach((item, i) => {
    values[field.item(i, 'time')] = itemTimeText(item.startsAt, e.startsAt);
    values[field.item(i, 'title')] = item.title;
    values[field.item(i, 'kind')] = item.kind;
    const speakers = item.speakers.length ? item.speakers : [{ name: '' }];
    speakers.forEach((sp, j) => {
      values[field.speaker(i, j, 'name')] = sp.name;
      values[field.speaker(i, j, 'title')] = sp.title ?? '';
      values[field.speaker(i, j, 'organisation')] = sp.organisation ?? '';
    });
  });
  const contacts = e.contacts.length ? e.contacts : [{ name: '' }];
  contacts.forEach((c, i) => {
    for (const p of CONTACT_PARTS) values[field.contact(i, p)] = c[p] ?? '';
  });
  return values;
}

/** The stored event as the service's input again, with one change (the recording's link). */
export function eventInputOf(
  e: EventRow,
  programme: ProgrammeItemRow[],
  organisers: Organiser[],
  change: Partial<EventInput>,
): EventInput {
  return {
    ...keptFieldsOf(e),
    seriesId: e.seriesId,
    title: e.title,
    summary: e.summary,
    description: e.description,
    targetGroup: e.targetGroup,
    themes: e.themes,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    placeKind: e.placeKind,
    address: e.address,
    meetingLink: e.meetingLink,
    practicalInfo: e.practicalInfo,
    joiningInfoHoursBefore: e.joiningInfoHoursBefore,
    costOre: e.costOre,
    capacity: e.capacity,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    contacts: e.contacts,
    organisationIds: organisers.map((o) => o.id),
    programme: programme.map((p) => ({
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      title: p.title,
      kind: p.kind,
      speakers: p.speakers,
    })),
    ...change,
  };
}
