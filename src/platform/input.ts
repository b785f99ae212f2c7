import type { FastifyInstance } from 'fastify';
import { AppError, NotFoundError } from './errors.ts';

/** The bounds every request body is held to, form or JSON alike. */
export const INPUT_LIMITS = { fields: 1000, items: 1000, chars: 100_000 } as const;

/**
 * C0 control characters other than tab, line feed and carriage return, and DEL. PostgreSQL refuses NUL in
 * text, and none of them means anything in a form: they arrive by copy and paste and are dropped.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** A lone UTF-16 surrogate (from malformed input) cannot be stored as UTF-8 either. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export class BadInputError extends AppError {
  constructor(message: string, status = 400) {
    super('bad_input', status, message);
  }
}

export type FormBody = Record<string, string | string[]>;

/** A request's posted form (the input gate has already cleaned it); an empty one when nothing was posted. */
export const bodyOf = (req: { body: unknown }): FormBody => (req.body ?? {}) as FormBody;

/** A posted field as text (the first, where a list came); '' when it is missing. */
export const textOf = (body: FormBody, key: string): string => {
  const v = body[key];
  return typeof v === 'string' ? v : (v?.[0] ?? '');
};

/** A posted field as text without the spaces around it. */
export const trimmedTextOf = (body: FormBody, key: string): string => textOf(body, key).trim();

/** A posted field as a list (checkboxes); an empty single value is no value. */
export const listOf = (body: FormBody, key: string): string[] => {
  const v = body[key];
  return Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : [];
};

/**
 * A browser sends a textarea's line breaks as CRLF but counts each as one character (GOV.UK's character
 * count, maxlength): they are kept as LF, so a text the form counted as within its limit is within it here.
 */
const clean = (s: string): string =>
  s.replace(/\r\n?/g, '\n').replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');

function scalar(field: string, v: unknown): string {
  if (typeof v === 'string') {
    if (v.length > INPUT_LIMITS.chars)
      throw new BadInputError(`Fältet ${field} är för långt (högst ${INPUT_LIMITS.chars} tecken).`, 413);
    return clean(v);
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new BadInputError(`Fältet ${field} har fel form: det ska vara text, inte en lista eller ett objekt.`);
}

/**
 * Brings any parsed body — urlencoded or JSON — to the one shape forms have: field names mapped to text or
 * lists of text, within the limits, with control characters removed. Everything else is refused here, once,
 * so no handler meets an object where it expects a list or text (`{"ids":{"toString":"x"}}`).
 */
export function normaliseBody(body: unknown): FormBody {
  if (body === null || body === undefined || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body))
    throw new BadInputError('Det som skickades är inte ett formulär med fält.');
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.length > INPUT_LIMITS.fields)
    throw new BadInputError(`För många fält (högst ${INPUT_LIMITS.fields}).`, 413);
  const out: FormBody = Object.create(null) as FormBody;
  for (const [rawKey, v] of entries) {
    const key = scalar('namn', rawKey);
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length > INPUT_LIMITS.items)
        throw new BadInputError(`Fältet ${key} har för många värden (högst ${INPUT_LIMITS.items}).`, 413);
      out[key] = v.map((x) => scalar(key, x));
    } else out[key] = scalar(key, v);
  }
  return out;
}

/**
 * Whether a path parameter can name anything: one with a control character or a lone surrogate (`%00` in an
 * address) cannot be stored, so nothing has it, and PostgreSQL would refuse to even look it up.
 */
export function paramCanNameSomething(value: string): boolean {
  return !UNSTORABLE.test(value);
}
/** CONTROL or LONE_SURROGATE, anywhere (without the global flag, whose lastIndex a test would move). */
const UNSTORABLE = new RegExp(`${CONTROL.source}|${LONE_SURROGATE.source}`);

/**
 * Holds every body to the form shape before any handler (or the CSRF check) reads it; a path parameter that
 * can name nothing answers 404 before any handler looks it up. Only forms
 * (urlencoded), JSON and — on a route that declares `uploads` — multipart forms (their text fields, read by
 * src/platform/uploads.ts, whose hook is registered first) are read; anything else — Fastify's own
 * text/plain included — is 415.
 */
export function registerInputGate(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (req) => {
    const params = req.params as Record<string, unknown> | undefined;
    if (params)
      for (const v of Object.values(params))
        if (typeof v === 'string' && !paramCanNameSomething(v)) throw new NotFoundError();
    if (req.body !== undefined) req.body = normaliseBody(req.body);
  });
}
