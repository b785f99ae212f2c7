import { z } from 'zod';

/**
 * A questionnaire's definition (one immutable version): sections of questions. Questions about a risk
 * area carry the area's key and their part in it, so the compilation knows which answer is the risk level,
 * the explanation, the change and the measures.
 */
export const questionTypes = ['scale', 'single', 'multiple', 'yesno', 'number', 'text', 'measures'] as const;
export type QuestionType = (typeof questionTypes)[number];

export const questionRoles = ['risk', 'explanation', 'change', 'measures', 'other'] as const;
export type QuestionRole = (typeof questionRoles)[number];

/**
 * The one risk scale. A risk question's answer is a level that the compilation, charts, maps and exports
 * read by these steps and words, so every risk question uses exactly this scale.
 */
export const RISK_SCALE_LABELS: Readonly<Record<string, string>> = {
  '1': 'Ingen påverkan',
  '2': 'Liten påverkan',
  '3': 'Måttlig påverkan',
  '4': 'Stor påverkan',
  '5': 'Kritisk påverkan',
  unknown: 'Vet ej',
};
export const RISK_SCALE_MAX = 5;
export const RISK_SCALE = { max: RISK_SCALE_MAX, labels: { ...RISK_SCALE_LABELS }, allowUnknown: true };

const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) });

export const questionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(questionTypes),
  label: z.string().min(1),
  help: z.string().optional(),
  required: z.boolean().default(false),
  options: z.array(optionSchema).optional(),
  /** scale: 1..max, with labels for the ends and optionally "vet ej" */
  scale: z
    .object({
      max: z.number().int().min(2).max(10),
      labels: z.record(z.string(), z.string()),
      allowUnknown: z.boolean(),
    })
    .optional(),
  /** shown (and required) only when another answer has one of these values */
  showIf: z.object({ questionId: z.string(), anyOf: z.array(z.string()).min(1) }).optional(),
  area: z.string().optional(),
  role: z.enum(questionRoles).default('other'),
});
export type Question = z.output<typeof questionSchema>;

export const sectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string().min(1),
  description: z.string().optional(),
  questions: z.array(questionSchema),
});
export type Section = z.output<typeof sectionSchema>;

export const definitionSchema = z.object({
  areas: z.array(z.object({ key: z.string(), label: z.string() })),
  sections: z.array(sectionSchema),
});
export type Definition = z.output<typeof definitionSchema>;

export const measureStatuses = ['planned', 'taken'] as const;
export type MeasureStatus = (typeof measureStatuses)[number];
export const measureStatusLabels: Record<MeasureStatus, string> = { planned: 'Planerad', taken: 'Vidtagen' };

export interface Measure {
  description: string;
  status: MeasureStatus;
  targetGroup: string;
  responsible: string;
  /** YYYY-MM-DD */
  startDate: string;
}

/** An answer: a scale step ('1'..'5' or 'unknown'), an option, several options, a number, text or measures. */
export type AnswerValue = string | string[] | number | Measure[];
export type Answers = Record<string, AnswerValue>;

export const UNKNOWN = 'unknown';

export function allQuestions(def: Definition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}

/** Whether a question is shown, given the answers so far (conditions refer to earlier questions). */
export function isShown(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  const v = answers[q.showIf.questionId];
  const values = Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
  return values.some((x) => q.showIf!.anyOf.includes(x));
}

/** The answers a question offers, as value and label (for conditions and their descriptions). */
export function answerChoices(q: Question): Array<{ value: string; label: string }> {
  if (q.type === 'yesno')
    return [
      { value: 'yes', label: 'Ja' },
      { value: 'no', label: 'Nej' },
    ];
  if (q.type === 'scale') {
    const max = q.scale?.max ?? 0;
    return [
      ...Array.from({ length: max }, (_, i) => ({
        value: String(i + 1),
        label: q.scale?.labels[String(i + 1)] ?? String(i + 1),
      })),
      ...(q.scale?.allowUnknown ? [{ value: UNKNOWN, label: 'Vet ej' }] : []),
    ];
  }
  if (q.type === 'single' || q.type === 'multiple') return q.options ?? [];
  return [];
}

/** A condition in words, for the respondent and the builder: Besvaras bara om svaret på ”…” är Ja. */
export function conditionHint(q: Question, def: Definition): string {
  if (!q.showIf) return '';
  const source = allQuestions(def).find((x) => x.id === q.showIf!.questionId);
  const choices = source ? answerChoices(source) : [];
  const answers = q.showIf.anyOf.map((v) => choices.find((c) => c.value === v)?.label ?? v);
  return `Besvaras bara om svaret på ”${source?.label ?? q.showIf.questionId}” är ${answers.join(' eller ')}.`;
}

/** One changed answer, named by its place: the area, the measure's number and the field. */
export interface AnswerPlaceChange {
  /** "Våld i nära relationer: Hur har läget förändrats?", "Åtgärd 2 under Utsatta barn och familjer: status" */
  place: string;
  before: string;
  after: string;
}

const measureFieldLabels: Record<keyof Measure, string> = {
  description: 'beskrivning',
  status: 'status',
  targetGroup: 'målgrupp',
  responsible: 'ansvarig',
  startDate: 'startdatum',
};

/** An answer as the words the respondent chose or wrote. */
function answerWords(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined || v === '') return '';
  const choices = answerChoices(q);
  const word = (x: string) => choices.find((c) => c.value === x)?.label ?? x;
  if (Array.isArray(v)) return (v as unknown[]).map((x) => word(String(x))).join(', ');
  return word(String(v));
}

const measureWords = (m: Measure | undefined, key: keyof Measure): string =>
  m === undefined
    ? ''
    : key === 'status'
      ? (measureStatusLabels[m.status] ?? String(m.status ?? ''))
      : String(m[key] ?? '');

/**
 * What changed between two saved states, each change named by its place: a question in a risk area by the
 * area, a measure by its number under the area and by its field. For history rows and the audit log.
 */
export function answerChangePlaces(def: Definition, before: Answers, after: Answers): AnswerPlaceChange[] {
  const changes: AnswerPlaceChange[] = [];
  for (const s of def.sections) {
    const area = def.areas.find((a) => a.key === s.id)?.label;
    for (const q of s.questions) {
      const areaLabel = def.areas.find((a) => a.key === q.area)?.label ?? area;
      if (q.type === 'measures') {
        const a = (Array.isArray(before[q.id]) ? before[q.id] : []) as Measure[];
        const b = (Array.isArray(after[q.id]) ? after[q.id] : []) as Measure[];
        const under = areaLabel ? ` under ${areaLabel}` : ` i ”${q.label}”`;
        for (let i = 0; i < Math.max(a.length, b.length); i++) {
          const name = `Åtgärd ${i + 1}${under}`;
          if (!a[i]) changes.push({ place: `${name}: tillagd`, before: '', after: b[i]?.description ?? '' });
          else if (!b[i])
            changes.push({ place: `${name}: borttagen`, before: a[i]?.description ?? '', after: '' });
          else
            for (const key of Object.keys(measureFieldLabels) as Array<keyof Measure>) {
              const x = measureWords(a[i], key);
              const y = measureWords(b[i], key);
              if (x !== y)
                changes.push({ place: `${name}: ${measureFieldLabels[key]}`, before: x, after: y });
            }
        }
        continue;
      }
      const x = answerWords(q, before[q.id]);
      const y = answerWords(q, after[q.id]);
      if (x !== y)
        changes.push({ place: areaLabel ? `${areaLabel}: ${q.label}` : q.label, before: x, after: y });
    }
  }
  return changes;
}
