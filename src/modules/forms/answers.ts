import type { FieldErrors } from '../../platform/errors.ts';
import { isIsoDate } from '../../platform/time.ts';
import {
  allQuestions,
  isShown,
  measureStatuses,
  measureStatusLabels,
  UNKNOWN,
  type AnswerValue,
  type Answers,
  type Definition,
  type Measure,
  type MeasureStatus,
  type Question,
} from './definition.ts';

/** Form field names: q_<question> for a value, m_<question>_<row>_<part> for a measure's parts. */
export const fieldName = (q: Pick<Question, 'id'>): string => `q_${q.id}`;
export const measureField = (q: Question, row: number, part: keyof Measure): string =>
  `m_${q.id}_${row}_${part}`;
const MEASURE_PARTS: Array<keyof Measure> = [
  'description',
  'status',
  'targetGroup',
  'responsible',
  'startDate',
];

type Body = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];

/**
 * Reads answers from a posted form. Format problems (a number that is not a number, half a measure) are
 * returned as field errors; completeness is checked only on submit (validateForSubmit).
 */
export function readAnswerForm(def: Definition, body: Body): { answers: Answers; errors: FieldErrors } {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const q of allQuestions(def)) {
    const name = fieldName(q);
    switch (q.type) {
      case 'multiple': {
        const allowed = new Set((q.options ?? []).map((o) => o.value));
        const values = list(body[name]).filter((v) => allowed.has(v));
        if (values.length) answers[q.id] = values;
        break;
      }
      case 'number': {
        const raw = str(body[name]).replace(',', '.').replace(/\s/g, '');
        if (!raw) break;
        const n = Number(raw);
        if (Number.isFinite(n)) answers[q.id] = n;
        else errors[name] = 'Ange ett tal, till exempel 12 eller 3,5';
        break;
      }
      case 'measures': {
        const rows: Measure[] = [];
        for (let i = 0; i < 50; i++) {
          const parts = Object.fromEntries(
            MEASURE_PARTS.map((p) => [p, str(body[measureField(q, i, p)])]),
          ) as Record<keyof Measure, string>;
          if (MEASURE_PARTS.every((p) => body[measureField(q, i, p)] === undefined)) break;
          const filled = MEASURE_PARTS.some((p) => p !== 'status' && parts[p] !== '');
          if (!filled) continue;
          if (!parts.description) errors[measureField(q, i, 'description')] = 'Beskriv åtgärden';
          if (!measureStatuses.includes(parts.status as MeasureStatus))
            errors[measureField(q, i, 'status')] = 'Välj om åtgärden är planerad eller vidtagen';
          if (parts.startDate && !isIsoDate(parts.startDate))
            errors[measureField(q, i, 'startDate')] =
              'Ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2026-09-01';
          rows.push({
            description: parts.description,
            status: (measureStatuses.includes(parts.status as MeasureStatus)
              ? parts.status
              : 'planned') as MeasureStatus,
            targetGroup: parts.targetGroup,
            responsible: parts.responsible,
            startDate: parts.startDate,
          });
        }
        if (rows.length) answers[q.id] = rows;
        break;
      }
      default: {
        const v = str(body[name]);
        if (!v) break;
        if (q.type === 'scale') {
          const max = q.scale?.max ?? 5;
          const ok = v === UNKNOWN ? q.scale?.allowUnknown : /^\d+$/.test(v) && +v >= 1 && +v <= max;
          if (ok) answers[q.id] = v;
          else errors[name] = 'Välj ett av alternativen';
        } else if (q.type === 'single' || q.type === 'yesno') {
          const allowed = q.type === 'yesno' ? ['yes', 'no'] : (q.options ?? []).map((o) => o.value);
          if (allowed.includes(v)) answers[q.id] = v;
          else errors[name] = 'Välj ett av alternativen';
        } else {
          if (v.length > 10_000) errors[name] = 'Högst 10 000 tecken';
          answers[q.id] = v;
        }
      }
    }
  }
  // Answers to questions that are not shown are not kept.
  for (const q of allQuestions(def)) if (!isShown(q, answers)) delete answers[q.id];
  return { answers, errors };
}

/** Every shown, required question must be answered before a response can be submitted. */
export function validateForSubmit(def: Definition, answers: Answers): FieldErrors {
  const errors: FieldErrors = {};
  for (const q of allQuestions(def)) {
    if (!q.required || !isShown(q, answers)) continue;
    const v = answers[q.id];
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) {
      errors[q.type === 'measures' ? measureField(q, 0, 'description') : fieldName(q)] =
        q.type === 'text' ? `Svara på frågan: ${q.label}` : `Välj ett svar: ${q.label}`;
    }
  }
  return errors;
}

/** A scalar answer as text; lists and measures are formatted by their own rules. */
export const scalarText = (v: AnswerValue | undefined): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** A readable answer, for history, diffs and exports. */
export function formatAnswer(q: Question, v: AnswerValue | undefined): string {
  if (v === undefined) return '';
  const text = scalarText(v);
  if (q.type === 'scale')
    return text === UNKNOWN ? 'Vet ej' : `${text} – ${q.scale?.labels[text] ?? ''}`.trim();
  if (q.type === 'single') return q.options?.find((o) => o.value === text)?.label ?? text;
  if (q.type === 'yesno') return text === 'yes' ? 'Ja' : 'Nej';
  if (q.type === 'multiple' && Array.isArray(v)) {
    return (v as string[]).map((x) => q.options?.find((o) => o.value === x)?.label ?? x).join('; ');
  }
  if (q.type === 'measures' && Array.isArray(v)) {
    return (v as Measure[])
      .map((m) =>
        [
          m.description,
          measureStatusLabels[m.status].toLowerCase(),
          m.targetGroup,
          m.responsible,
          m.startDate,
        ]
          .filter(Boolean)
          .join(', '),
      )
      .join(' | ');
  }
  return text;
}

export interface AnswerChange {
  questionId: string;
  label: string;
  before: string;
  after: string;
}

/** What changed between two saved states, question by question. */
export function diffAnswers(def: Definition, before: Answers, after: Answers): AnswerChange[] {
  const changes: AnswerChange[] = [];
  for (const q of allQuestions(def)) {
    const a = formatAnswer(q, before[q.id]);
    const b = formatAnswer(q, after[q.id]);
    if (a !== b) changes.push({ questionId: q.id, label: q.label, before: a, after: b });
  }
  return changes;
}
