import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.ts';
import { isIsoDate } from './time.ts';

z.config(z.locales.sv());

export type FormValues = Record<string, string>;

/** Form state carried into a view: the user's input and the messages for each field. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

/** Flattens a parsed form body (strings, or arrays for repeated fields) into strings for re-rendering. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      if (typeof v === 'string') out[k] = v;
      else if (Array.isArray(v)) out[k] = v.filter((x) => typeof x === 'string').join(',');
    }
  }
  return out;
}

/** Turns zod issues into one Swedish message per field (the first issue wins). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_form';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Parses input with a schema; throws ValidationError carrying Swedish field messages. */
export function parseForm<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new ValidationError(fieldErrorsFrom(result.error));
  return result.data;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];

/** A date's name in the message: indefinite ("startdatum") and definite ("startdatumet"). */
export interface DateName {
  a: string;
  the: string;
}

/**
 * Why a date typed as ÅÅÅÅ-MM-DD is not one, in Swedish, or undefined when it is a real date. A date in the
 * right shape that the calendar lacks (2026-02-30, 2026-13-45) says that it does not exist, and why.
 */
export function dateProblem(
  value: string,
  name: DateName = { a: 'datum', the: 'datumet' },
): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return `Ange ${name.a} som ÅÅÅÅ-MM-DD, till exempel 2026-09-01`;
  if (isIsoDate(value.trim())) return undefined;
  const [year, month] = [Number(m[1]), Number(m[2])];
  const The = name.the.charAt(0).toUpperCase() + name.the.slice(1);
  if (month < 1 || month > 12) return `${The} ${value.trim()} finns inte: månaden ska vara 01–12`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${The} ${value.trim()} finns inte: ${MONTHS[month - 1]} ${year} har ${days} dagar`;
}

/**
 * Why a text is too long, naming its field and both lengths: "Ämne och syfte får ha högst 2 000 tecken (nu
 * 2 345)". The field's limit is one constant, shown by the form (its character count) and held by its schema.
 */
export const tooLongMessage = (name: string, max: number, length: number): string =>
  `${name} får ha högst ${max.toLocaleString('sv-SE')} tecken (nu ${length.toLocaleString('sv-SE')})`;

/** At most `max` characters, else the message naming the field; never cut. */
const atMost = (name: string, max: number) => (value: string, ctx: z.RefinementCtx) => {
  if (value.length > max) ctx.addIssue({ code: 'custom', message: tooLongMessage(name, max, value.length) });
};

/** The longest e-mail address (RFC 5321's path), in the forms' fields and in `fields.email`. */
export const EMAIL_MAX = 254;

/** Common field schemas with Swedish messages. */
export const fields = {
  email: (label = 'e-postadress') =>
    z
      .string({ error: `Ange ${label}` })
      .trim()
      .min(1, `Ange ${label}`)
      .max(EMAIL_MAX, 'E-postadressen är för lång')
      .pipe(z.email({ error: 'Ange en e-postadress i formatet namn@exempel.se' }))
      .transform((s) => s.toLowerCase()),
  /** An address that may be left out ('' then), checked as `email` checks one and kept as written. */
  optionalEmail: () =>
    z
      .string({ error: 'Ange e-postadressen som text' })
      .trim()
      .max(EMAIL_MAX, 'E-postadressen är för lång')
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || z.email().safeParse(v).success, {
        message: 'Ange en e-postadress i formatet namn@exempel.se',
      }),
  /** A text that must be given: `message` when empty, the field's `name` when longer than `max`. */
  requiredText: (message: string, max: number, name: string) =>
    z.string({ error: message }).trim().min(1, message).superRefine(atMost(name, max)),
  /** A text that may be empty ('' when left out), at most `max` characters. */
  optionalText: (max: number, name: string) =>
    z
      .string({ error: `Ange ${name.toLowerCase()} som text` })
      .trim()
      .superRefine(atMost(name, max))
      .optional()
      .transform((v) => v ?? ''),
  /** A date typed as ÅÅÅÅ-MM-DD that the calendar has (see dateProblem). */
  date: (name: DateName) =>
    z
      .string({ error: `Ange ${name.a} som ÅÅÅÅ-MM-DD` })
      .trim()
      .superRefine((value, ctx) => {
        const problem = dateProblem(value, name);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
  password: () =>
    z
      .string({ error: 'Ange ett lösenord' })
      .min(12, 'Lösenordet måste ha minst 12 tecken')
      .max(200, 'Lösenordet får ha högst 200 tecken'),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are checked before they reach a query: a malformed one is simply not found. */
export const isUuid = (s: string): boolean => UUID.test(s);

/** A slug: lower-case a–z, digits and hyphens (an address in a county's pages). */
export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** "Social hållbarhet: från …" → "social-hallbarhet-fran" (å, ä, ö as a, a, o); the fallback when nothing is left. */
export function slugFrom(text: string, fallback: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/**
 * The slug asked for, refused beside the field (`takenMessage`) when another has it; without one, the slug of
 * the name, with -2, -3 … until it is free.
 */
export async function freeSlug(
  wanted: string,
  name: string,
  fallback: string,
  taken: (slug: string) => Promise<boolean>,
  takenMessage: string,
): Promise<string> {
  if (wanted) {
    if (await taken(wanted)) throw new ValidationError({ slug: takenMessage });
    return wanted;
  }
  const base = slugFrom(name, fallback);
  for (let i = 1; ; i++) {
    const slug = i === 1 ? base : `${base}-${i}`;
    if (!(await taken(slug))) return slug;
  }
}
