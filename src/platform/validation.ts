import { z } from 'zod';
import { ValidationError, type FieldErrors } from './errors.ts';

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

/** Common field schemas with Swedish messages. */
export const fields = {
  email: (label = 'e-postadress') =>
    z
      .string({ error: `Ange ${label}` })
      .trim()
      .min(1, `Ange ${label}`)
      .max(254, 'E-postadressen är för lång')
      .pipe(z.email({ error: 'Ange en e-postadress i formatet namn@exempel.se' }))
      .transform((s) => s.toLowerCase()),
  requiredText: (message: string, max = 500) =>
    z.string({ error: message }).trim().min(1, message).max(max, `Högst ${max} tecken`),
  password: () =>
    z
      .string({ error: 'Ange ett lösenord' })
      .min(12, 'Lösenordet måste ha minst 12 tecken')
      .max(200, 'Lösenordet får ha högst 200 tecken'),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from URLs are checked before they reach a query: a malformed one is simply not found. */
export const isUuid = (s: string): boolean => UUID.test(s);
