import { z } from 'zod';
import { fields, SLUG, slugFrom } from '../../platform/validation.ts';
import { organisationTypes } from '../reference/index.ts';
import { placeKinds, programmeItemKinds } from './tables.ts';

/**
 * What the events services accept, checked again inside every service (the pages' own form parsing comes
 * first and keeps the input; these schemas are the last word). Error keys are the input's field names
 * (`title`, `endsAt`, `programme.2.title`, `email`, …), so a page can put each message beside its field.
 */

/** The longest text each field takes: forms show it, schemas hold it. */
export const EVENT_LIMITS = {
  title: 200,
  slug: 100,
  summary: 1_000,
  description: 20_000,
  imageRef: 500,
  imageAlt: 300,
  targetGroup: 1_000,
  theme: 100,
  themes: 20,
  address: 500,
  meetingLink: 2_000,
  practicalInfo: 5_000,
  url: 2_000,
  contacts: 10,
  contactPart: 200,
  organisers: 10,
  programme: 60,
  programmeTitle: 300,
  speakers: 12,
  speakerPart: 200,
  cancellationNote: 2_000,
  seriesTitle: 200,
  seriesDescription: 10_000,
  personName: 200,
  organisationName: 200,
  messageSubject: 200,
  messageText: 10_000,
} as const;

const L = EVENT_LIMITS;

const date = (message: string) =>
  z.date({ error: message }).refine((d) => !Number.isNaN(d.getTime()), { message });

const optionalUrl = (name: string) =>
  z
    .string()
    .trim()
    .max(L.url, `${name} får ha högst ${L.url} tecken`)
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), {
      message: `${name} ska börja med https:// eller http://`,
    })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const optionalShortText = (max: number, name: string) =>
  fields
    .optionalText(max, name)
    .nullable()
    .transform((v) => (v ? v : null));

export const contactSchema = z.object({
  name: fields.requiredText('Ange kontaktpersonens namn', L.contactPart, 'Namnet'),
  organisation: fields.optionalText(L.contactPart, 'Organisationen').transform((v) => v || undefined),
  email: fields.optionalEmail().transform((v) => v || undefined),
  phone: fields.optionalText(40, 'Telefonnumret').transform((v) => v || undefined),
});

export const speakerSchema = z.object({
  name: fields.requiredText('Ange talarens namn', L.speakerPart, 'Namnet'),
  title: fields.optionalText(L.speakerPart, 'Titeln').transform((v) => v || undefined),
  organisation: fields.optionalText(L.speakerPart, 'Organisationen').transform((v) => v || undefined),
});

export const programmeItemSchema = z
  .object({
    startsAt: date('Ange en tid för programpunkten'),
    endsAt: date('Ange en sluttid').nullable().default(null),
    title: fields.requiredText('Ange programpunktens rubrik', L.programmeTitle, 'Rubriken'),
    kind: z.enum(programmeItemKinds).default('talk'),
    speakers: z.array(speakerSchema).max(L.speakers, `Högst ${L.speakers} talare`).default([]),
  })
  .refine((i) => !i.endsAt || i.endsAt > i.startsAt, {
    path: ['endsAt'],
    message: 'Sluttiden måste vara efter starttiden',
  });
export type ProgrammeItemInput = z.input<typeof programmeItemSchema>;

/** The event's address in its county's calendar: "Social hållbarhet: från …" → "social-hallbarhet-fran". */
export const slugOf = (text: string, max = 60): string => slugFrom(text, 'evenemang', max);
export { SLUG };

export const eventInputSchema = z
  .object({
    /** empty: made from the title (and made unique in the county) */
    slug: z
      .string()
      .trim()
      .max(L.slug, `Adressen får ha högst ${L.slug} tecken`)
      .refine((v) => v === '' || SLUG.test(v), {
        message: 'Adressen får bara innehålla små bokstäver a–z, siffror och bindestreck',
      })
      .optional()
      .transform((v) => v ?? ''),
    title: fields.requiredText('Ange en rubrik', L.title, 'Rubriken'),
    summary: fields.optionalText(L.summary, 'Ingressen'),
    description: fields.optionalText(L.description, 'Beskrivningen'),
    imageRef: optionalShortText(L.imageRef, 'Bilden'),
    imageAlt: optionalShortText(L.imageAlt, 'Bildens alternativtext'),
    targetGroup: fields.optionalText(L.targetGroup, 'Målgruppen'),
    themes: z
      .array(fields.requiredText('Ett tema kan inte vara tomt', L.theme, 'Temat'))
      .max(L.themes, `Högst ${L.themes} teman`)
      .default([])
      .transform((ts) => [...new Set(ts)]),
    startsAt: date('Ange när evenemanget börjar'),
    endsAt: date('Ange när evenemanget slutar'),
    placeKind: z.enum(placeKinds, { error: 'Välj om evenemanget är på plats eller digitalt' }),
    address: optionalShortText(L.address, 'Adressen'),
    meetingLink: optionalUrl('Möteslänken'),
    practicalInfo: fields.optionalText(L.practicalInfo, 'Den praktiska informationen'),
    joiningInfoHoursBefore: z
      .number({ error: 'Ange antal timmar' })
      .int('Ange ett helt antal timmar')
      .min(1, 'Minst 1 timme')
      .max(24 * 14, 'Högst 336 timmar (två veckor)')
      .default(24),
    costOre: z
      .number({ error: 'Ange kostnaden i kronor' })
      .int('Ange kostnaden i hela ören')
      .min(0, 'Kostnaden kan inte vara negativ')
      .max(100_000_000, 'Kostnaden är för hög')
      .default(0),
    capacity: z
      .number({ error: 'Ange antal platser' })
      .int('Ange ett helt antal platser')
      .min(1, 'Minst 1 plats (lämna tomt för obegränsat)')
      .max(100_000, 'Högst 100 000 platser')
      .nullable()
      .default(null),
    registrationOpensAt: date('Ange när anmälan öppnar').nullable().default(null),
    /** the last moment to register: endOfStockholmDay(lastDay) for "sista anmälningsdag" */
    registrationClosesAt: date('Ange sista anmälningsdag'),
    offerHours: z
      .number({ error: 'Ange antal timmar' })
      .int('Ange ett helt antal timmar')
      .min(1, 'Minst 1 timme')
      .max(24 * 14, 'Högst 336 timmar (två veckor)')
      .default(48),
    contacts: z.array(contactSchema).max(L.contacts, `Högst ${L.contacts} kontaktpersoner`).default([]),
    seriesId: z.string().nullable().default(null),
    organisationIds: z
      .array(z.string())
      .min(1, 'Välj minst en arrangör')
      .max(L.organisers, `Högst ${L.organisers} arrangörer`)
      .transform((ids) => [...new Set(ids)]),
    /** the event's registration questions (a forms version of owner 'events'); null: none */
    questionnaireVersionId: z.string().nullable().default(null),
    recordingUrl: optionalUrl('Länken till inspelningen'),
    programme: z
      .array(programmeItemSchema)
      .max(L.programme, `Högst ${L.programme} programpunkter`)
      .default([]),
  })
  .refine((e) => e.endsAt > e.startsAt, { path: ['endsAt'], message: 'Slutet måste vara efter starten' })
  .refine((e) => e.placeKind !== 'address' || !!e.address, {
    path: ['address'],
    message: 'Ange var evenemanget hålls',
  })
  .refine((e) => !e.imageRef || !!e.imageAlt, {
    path: ['imageAlt'],
    message: 'Beskriv bilden med en alternativtext',
  })
  .refine((e) => e.registrationClosesAt <= e.endsAt, {
    path: ['registrationClosesAt'],
    message: 'Sista anmälningsdag kan inte vara efter evenemanget',
  })
  .refine((e) => !e.registrationOpensAt || e.registrationOpensAt < e.registrationClosesAt, {
    path: ['registrationOpensAt'],
    message: 'Anmälan måste öppna före sista anmälningsdag',
  })
  .superRefine((e, ctx) => {
    e.programme.forEach((item, i) => {
      if (item.startsAt < e.startsAt || item.startsAt > e.endsAt)
        ctx.addIssue({
          code: 'custom',
          path: ['programme', i, 'startsAt'],
          message: 'Programpunkten måste ligga inom evenemangets tid',
        });
    });
  });

/** An event as the services take it (dates as instants; see stockholmTime / endOfStockholmDay). */
export type EventInput = z.input<typeof eventInputSchema>;
export type CheckedEventInput = z.output<typeof eventInputSchema>;

export const seriesInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .max(L.slug)
      .refine((v) => v === '' || SLUG.test(v), {
        message: 'Adressen får bara innehålla små bokstäver a–z, siffror och bindestreck',
      })
      .optional()
      .transform((v) => v ?? ''),
    title: fields.requiredText('Ange en rubrik', L.seriesTitle, 'Rubriken'),
    description: fields.optionalText(L.seriesDescription, 'Beskrivningen'),
    startYear: z.number({ error: 'Ange ett år' }).int().min(2000, 'Ange ett år').max(2100, 'Ange ett år'),
    endYear: z.number({ error: 'Ange ett år' }).int().min(2000, 'Ange ett år').max(2100, 'Ange ett år'),
  })
  .refine((s) => s.endYear >= s.startYear, {
    path: ['endYear'],
    message: 'Serien kan inte sluta före det år den börjar',
  });
export type SeriesInput = z.input<typeof seriesInputSchema>;

const CONSENT = 'Du behöver godkänna att dina personuppgifter behandlas för att kunna anmäla dig';

/** The registration form's own fields (the event's questions are read by the forms module). */
export const registrationInputSchema = z.object({
  name: fields.requiredText('Ange ditt namn', L.personName, 'Namnet'),
  email: fields.email('din e-postadress'),
  organisationName: fields.requiredText('Ange din organisation', L.organisationName, 'Organisationen'),
  organisationType: z
    .enum(organisationTypes, { error: 'Välj en typ av organisation i listan' })
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  municipalityCode: z
    .string()
    .regex(/^\d{4}$/, 'Välj en kommun i listan')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  consent: z.literal(true, { error: CONSENT }),
  locale: z.enum(['sv', 'en']).default('sv'),
  /** the posted form: the event's questions' fields (q_<id>) are read from it */
  questionFields: z.record(z.string(), z.unknown()).default({}),
});
/**
 * A registration as posted (strings as typed, the consent box as a boolean); the services check it with
 * registrationInputSchema and answer with the field errors.
 */
export interface RegistrationInput {
  name: string;
  email: string;
  organisationName: string;
  organisationType?: string | null | undefined;
  municipalityCode?: string | null | undefined;
  consent: boolean;
  locale?: string | undefined;
  /** the posted form: the event's questions' fields (q_<id>) are read from it */
  questionFields?: Record<string, unknown> | undefined;
}

/**
 * A public registration form's body as RegistrationInput: name, email, organisationName, organisationType,
 * municipalityCode (empty: not given), consent ('yes' when ticked), and the questions' fields as they are.
 */
export function registrationInputFrom(body: Record<string, unknown>): RegistrationInput {
  const s = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  return {
    name: s('name'),
    email: s('email'),
    organisationName: s('organisationName'),
    organisationType: s('organisationType') || null,
    municipalityCode: s('municipalityCode') || null,
    consent: s('consent') === 'yes',
    questionFields: body,
  };
}

/** What the registrant may change through the personal link. */
export const registrationChangeSchema = registrationInputSchema.pick({
  name: true,
  organisationName: true,
  organisationType: true,
  municipalityCode: true,
  questionFields: true,
});
export type RegistrationChange = Pick<
  RegistrationInput,
  'name' | 'organisationName' | 'organisationType' | 'municipalityCode' | 'questionFields'
>;

export const messageInputSchema = z.object({
  subject: fields.requiredText('Ange en ämnesrad', L.messageSubject, 'Ämnesraden'),
  text: fields.requiredText('Skriv ett meddelande', L.messageText, 'Meddelandet'),
  /** who receives it: those with a place (confirmed and offered), or the waiting list too */
  to: z.enum(['confirmed', 'all']).default('confirmed'),
});
export type MessageInput = z.input<typeof messageInputSchema>;
