import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { endOfStockholmDay, isIsoDate, startOfStockholmDay, stockholmDate } from '../../platform/time.ts';

const date = (message: string) => z.string({ error: message }).trim().refine(isIsoDate, message);

/** One occasion as entered: dates in Swedish time; the deadline is 23:59:59 that day. */
const occasionSchema = z
  .object({
    label: fields.requiredText('Ange en benämning, till exempel ”Före sommaren”', 100),
    opens: date('Ange öppningsdatum som ÅÅÅÅ-MM-DD'),
    deadline: date('Ange sista svarsdag som ÅÅÅÅ-MM-DD'),
    locks: date('Ange låsdatum som ÅÅÅÅ-MM-DD'),
    reminderDays: z.coerce
      .number({ error: 'Ange antal dagar' })
      .int('Ange ett heltal')
      .min(0, 'Minst 0')
      .max(60, 'Högst 60'),
  })
  .refine((o) => !isIsoDate(o.opens) || !isIsoDate(o.deadline) || o.opens <= o.deadline, {
    path: ['deadline'],
    message: 'Sista svarsdag kan inte vara före öppningsdatum',
  })
  .refine((o) => !isIsoDate(o.deadline) || !isIsoDate(o.locks) || o.deadline <= o.locks, {
    path: ['locks'],
    message: 'Låsdatum kan inte vara före sista svarsdag',
  })
  .transform((o) => ({
    label: o.label,
    opensAt: startOfStockholmDay(o.opens),
    deadlineAt: endOfStockholmDay(o.deadline),
    locksAt: endOfStockholmDay(o.locks),
    reminderDaysBefore: o.reminderDays,
  }));

/**
 * How many occasions a round is opened with, at most: the form offers this many and the parser reads this
 * many. Four, because rounds report twice a year (seed 002: before summer and in October) and a round may
 * span two years.
 */
export const OCCASION_SLOTS = 4;

/** The occasion numbers of the round form's fields, 1 … OCCASION_SLOTS. */
export const occasionSlots: readonly number[] = Array.from({ length: OCCASION_SLOTS }, (_, i) => i + 1);

const DEFAULT_REMINDER_DAYS = '3';

/** A new round form: the first occasion opens today with a deadline in 30 days, locked after 45. */
export function roundFormDefaults(now = new Date()): Record<string, string> {
  const plus = (days: number) => stockholmDate(new Date(now.getTime() + days * 86_400_000));
  return {
    occasion1_opens: plus(0),
    occasion1_deadline: plus(30),
    occasion1_locks: plus(45),
    ...Object.fromEntries(occasionSlots.map((i) => [`occasion${i}_reminderDays`, DEFAULT_REMINDER_DAYS])),
  };
}

/**
 * The round form posts flat fields: title, topic, questionnaireVersionId, occasion1_label …
 * occasion4_locks. An occasion whose fields are all empty is left out; at least one is required.
 */
export function parseRoundForm(body: Record<string, unknown>) {
  const get = (k: string) => (typeof body[k] === 'string' ? body[k] : '');
  const occasions: unknown[] = [];
  const indexes: number[] = [];
  for (const i of occasionSlots) {
    const parts = ['label', 'opens', 'deadline', 'locks', 'reminderDays'].map((p) =>
      get(`occasion${i}_${p}`).trim(),
    );
    if (parts.slice(0, 4).every((p) => p === '')) continue;
    indexes.push(i);
    occasions.push({
      label: parts[0],
      opens: parts[1],
      deadline: parts[2],
      locks: parts[3],
      reminderDays: parts[4] || DEFAULT_REMINDER_DAYS,
    });
  }
  return {
    raw: {
      title: get('title'),
      topic: get('topic'),
      questionnaireVersionId: get('questionnaireVersionId'),
      shareAnswersNationally: get('shareAnswersNationally') === 'yes',
      occasions,
    },
    indexes,
  };
}

export const roundSchema = z.object({
  title: fields.requiredText('Ange en rubrik för omgången', 200),
  topic: fields.requiredText('Beskriv vad omgången handlar om', 2000),
  questionnaireVersionId: z.string().uuid('Välj ett formulär'),
  shareAnswersNationally: z.boolean(),
  occasions: z.array(occasionSchema).min(1, 'Ange minst ett rapporteringstillfälle'),
});
export type RoundInput = z.output<typeof roundSchema>;

/** Maps the round form's zod paths (occasions.0.deadline) back to its fields (occasion1_deadline). */
function roundFieldErrors(errors: FieldErrors, indexes: number[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const m = /^occasions\.(\d+)\.(\w+)$/.exec(path);
    if (m) out[`occasion${indexes[Number(m[1])] ?? 1}_${m[2]}`] = message;
    else out[path === 'occasions' ? 'occasion1_label' : path] = message;
  }
  return out;
}

/** The round form, parsed; invalid input is a ValidationError naming the form's own fields. */
export function readRoundForm(body: unknown): RoundInput {
  const { raw, indexes } = parseRoundForm((body ?? {}) as Record<string, unknown>);
  try {
    return parseForm(roundSchema, raw);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(roundFieldErrors(err.fieldErrors, indexes));
    throw err;
  }
}

export const returnSchema = z.object({
  comment: fields.requiredText('Skriv vad som behöver kompletteras', 2000),
});

export const summariesPrefix = 'summary_';

/** The version of a response the user's page was built from (0: nothing saved yet). */
export const versionSchema = z.object({
  version: z.coerce.number({ error: 'Versionsuppgift saknas' }).int().min(0),
});
