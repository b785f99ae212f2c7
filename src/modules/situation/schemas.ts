import { z } from 'zod';
import { ValidationError, type FieldErrors } from '../../platform/errors.ts';
import { fields, parseForm } from '../../platform/validation.ts';
import { endOfStockholmDay, isIsoDate, startOfStockholmDay, stockholmDate } from '../../platform/time.ts';

/**
 * The longest text each lägesbild field takes: the form shows it (a character count) and the schema holds
 * it, naming the field ("Ämne och syfte får ha högst 2 000 tecken"). The columns are unbounded text, so
 * nothing beneath refuses or cuts what these let through.
 */
export const TEXT_LIMITS = {
  roundTitle: 200,
  roundTopic: 2000,
  occasionLabel: 100,
  returnComment: 2000,
  pictureSummary: 20_000,
} as const;

/** One occasion as entered: dates in Swedish time; the deadline is 23:59:59 that day. */
const occasionSchema = z
  .object({
    label: fields.requiredText(
      'Ange en benämning, till exempel ”Före sommaren”',
      TEXT_LIMITS.occasionLabel,
      'Benämningen',
    ),
    opens: fields.date({ a: 'öppningsdatum', the: 'öppningsdatumet' }),
    deadline: fields.date({ a: 'sista svarsdag', the: 'sista svarsdagen' }),
    locks: fields.date({ a: 'låsdatum', the: 'låsdatumet' }),
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
      isTest: get('isTest') === 'yes',
      occasions,
    },
    indexes,
  };
}

export const roundSchema = z.object({
  title: fields.requiredText('Ange en rubrik för omgången', TEXT_LIMITS.roundTitle, 'Rubriken'),
  topic: fields.requiredText('Beskriv vad omgången handlar om', TEXT_LIMITS.roundTopic, 'Ämne och syfte'),
  questionnaireVersionId: z.string().uuid('Välj ett formulär'),
  shareAnswersNationally: z.boolean(),
  isTest: z.boolean(),
  occasions: z.array(occasionSchema).min(1, 'Ange minst ett rapporteringstillfälle'),
});
export type RoundInput = z.output<typeof roundSchema>;
export type OccasionInput = z.output<typeof occasionSchema>;

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
  comment: fields.requiredText(
    'Skriv vad som behöver kompletteras',
    TEXT_LIMITS.returnComment,
    'Kommentaren',
  ),
});

export const summariesPrefix = 'summary_';

/** The version of a response the user's page was built from (0: nothing saved yet). */
export const versionSchema = z.object({
  version: z.coerce.number({ error: 'Versionsuppgift saknas' }).int().min(0),
});

const roundEditSchema = z.object({
  title: roundSchema.shape.title,
  topic: roundSchema.shape.topic,
  occasions: z.array(occasionSchema),
  added: occasionSchema.optional(),
});

/** A round's changes: its texts, the occasions that may move (by sequence) and perhaps one more occasion. */
export interface RoundEditInput {
  title: string;
  topic: string;
  /** sequence → the occasion as entered */
  occasions: Array<[number, OccasionInput]>;
  added: OccasionInput | undefined;
}

/**
 * The edit form posts the round form's fields: occasion<sequence>_… for each occasion that may move (an
 * opening date not on the form keeps its value from `opens`), and occasion<next>_… for a new one, left out
 * when all empty.
 */
export function readRoundEditForm(
  body: unknown,
  movable: Array<{ sequence: number; opens: string }>,
  next: number,
): RoundEditInput {
  const b = (body ?? {}) as Record<string, unknown>;
  const get = (k: string) => (typeof b[k] === 'string' ? b[k].trim() : '');
  const occasionOf = (i: number, opens?: string) => ({
    label: get(`occasion${i}_label`),
    opens: b[`occasion${i}_opens`] === undefined && opens !== undefined ? opens : get(`occasion${i}_opens`),
    deadline: get(`occasion${i}_deadline`),
    locks: get(`occasion${i}_locks`),
    reminderDays: get(`occasion${i}_reminderDays`) || DEFAULT_REMINDER_DAYS,
  });
  const newOne = occasionOf(next);
  const adding = [newOne.label, newOne.opens, newOne.deadline, newOne.locks].some((p) => p !== '');
  const raw = {
    title: get('title'),
    topic: get('topic'),
    occasions: movable.map((m) => occasionOf(m.sequence, m.opens)),
    added: adding ? newOne : undefined,
  };
  try {
    const parsed = parseForm(roundEditSchema, raw);
    return {
      title: parsed.title,
      topic: parsed.topic,
      occasions: parsed.occasions.map((o, i) => [movable[i]!.sequence, o]),
      added: parsed.added,
    };
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    const out: FieldErrors = {};
    for (const [path, message] of Object.entries(err.fieldErrors)) {
      const m = /^occasions\.(\d+)\.(\w+)$/.exec(path);
      const a = /^added\.(\w+)$/.exec(path);
      if (m) out[`occasion${movable[Number(m[1])]?.sequence ?? 1}_${m[2]}`] = message;
      else if (a) out[`occasion${next}_${a[1]}`] = message;
      else out[path] = message;
    }
    throw new ValidationError(out);
  }
}
