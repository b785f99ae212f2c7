import { z } from 'zod';
import type { FormBody } from '../../platform/input.ts';
import { fields, tooLongMessage, type FormValues } from '../../platform/validation.ts';
import { questionRoles, questionTypes, UNKNOWN, type Question, type QuestionType } from './definition.ts';

/**
 * The builder's question form as a person without a developer's words fills it in: the fields of the chosen
 * type only, answer options as a list of rows (values made from the labels and kept once made), scale
 * labels one per step, and a condition picked from the earlier question's own answers. Without JavaScript
 * the form's smaller buttons (add, remove and move an option, show the fields of another type) post the
 * form back as a step: the page comes again with the change made and nothing saved.
 */

/** The fields each question type uses beyond the common ones (text, help, required, condition, area). */
export const typeFields: Record<QuestionType, Array<'options' | 'scale'>> = {
  scale: ['scale'],
  single: ['options'],
  multiple: ['options'],
  yesno: [],
  number: [],
  text: [],
  measures: [],
};
export const usesOptions = (type: string): boolean => type === 'single' || type === 'multiple';
export const usesScale = (type: string): boolean => type === 'scale';

export const MAX_OPTIONS = 50;
export const MAX_SCALE_STEPS = 10;
/** The longest answer option or scale label, in the form's fields and in the check below. */
export const OPTION_LABEL_MAX = 200;
/** A choice question starts with this many empty rows. */
export const MIN_OPTION_ROWS = 2;

export const optionField = (i: number, part: 'label' | 'value'): string => `option-${i}-${part}`;
export const scaleLabelField = (step: number): string => `scaleLabel-${step}`;

export interface OptionRow {
  /** the stored value: empty on a row not yet saved; kept as it is once made */
  value: string;
  label: string;
}

const OPTION_KEY = /^option-(\d{1,3})-(label|value)$/;

/** The option rows of a form's values, in their order. */
export function optionRows(values: Record<string, string | string[] | undefined>): OptionRow[] {
  const rows = new Map<number, OptionRow>();
  for (const [key, raw] of Object.entries(values)) {
    const m = OPTION_KEY.exec(key);
    if (!m || typeof raw !== 'string') continue;
    const i = Number(m[1]);
    if (i >= MAX_OPTIONS) continue;
    const row = rows.get(i) ?? { value: '', label: '' };
    row[m[2] as 'label' | 'value'] = raw;
    rows.set(i, row);
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
}

/** The values with the option rows replaced by `rows`, numbered from 0. */
export function withOptionRows(values: FormValues, rows: OptionRow[]): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(values)) if (!OPTION_KEY.test(k)) out[k] = v;
  rows.slice(0, MAX_OPTIONS).forEach((r, i) => {
    out[optionField(i, 'label')] = r.label;
    out[optionField(i, 'value')] = r.value;
  });
  return out;
}

/** A step of the form that changes the form, not the questionnaire (the buttons' `step` value). */
export const STEP_REFRESH = 'refresh';
export const STEP_ADD_OPTION = 'option-add';
export const stepOf = (kind: 'remove' | 'up' | 'down', i: number): string => `option-${kind}-${i}`;

/**
 * The form's values after a step, or undefined when the post is no step (it saves). Only the option list
 * changes; every other field comes back as typed, so "refresh" shows the fields of a newly chosen type or
 * the answers of a newly chosen condition question.
 */
export function applyFormStep(values: FormValues, step: string | undefined): FormValues | undefined {
  if (!step || step === 'save') return undefined;
  const rows = optionRows(values);
  if (step === STEP_REFRESH) return withOptionRows(values, padRows(values.type ?? '', rows));
  if (step === STEP_ADD_OPTION)
    return withOptionRows(values, rows.length < MAX_OPTIONS ? [...rows, { value: '', label: '' }] : rows);
  const m = /^option-(remove|up|down)-(\d{1,3})$/.exec(step);
  if (!m) return undefined;
  const i = Number(m[2]);
  if (i >= rows.length) return withOptionRows(values, rows);
  if (m[1] === 'remove') rows.splice(i, 1);
  else {
    const j = m[1] === 'up' ? i - 1 : i + 1;
    if (j >= 0 && j < rows.length) [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return withOptionRows(values, rows);
}

/** A choice question shows at least two rows to fill in. */
export function padRows(type: string, rows: OptionRow[]): OptionRow[] {
  if (!usesOptions(type)) return rows;
  const out = [...rows];
  while (out.length < MIN_OPTION_ROWS) out.push({ value: '', label: '' });
  return out;
}

// ---- Reading the posted form -------------------------------------------------------------------

/** The builder's text limits: the form's character count and the schema hold the same one. */
export const BUILDER_TEXT_LIMITS = {
  questionnaireTitle: 200,
  sectionTitle: 200,
  sectionDescription: 2000,
  questionLabel: 500,
  questionHelp: 2000,
} as const;

const text = (max: number, name: string) => fields.optionalText(max, name);
const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'yes');

const fixedFieldsSchema = z.object({
  type: z.enum(questionTypes, { error: 'Välj en frågetyp' }),
  label: fields.requiredText('Skriv frågan', BUILDER_TEXT_LIMITS.questionLabel, 'Frågan'),
  help: text(BUILDER_TEXT_LIMITS.questionHelp, 'Hjälptexten'),
  required: checkbox,
  scaleMax: text(10, 'Skalans högsta steg'),
  allowUnknown: checkbox,
  showIfQuestion: text(100, 'Villkorets fråga'),
  showIfValues: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : v.split(',')).filter(Boolean))),
  area: text(100, 'Området'),
  role: z.preprocess(
    (v) => (v === '' || v === undefined ? 'other' : v),
    z.enum(questionRoles, { error: 'Välj en roll' }),
  ),
});

export type QuestionInput = z.output<typeof fixedFieldsSchema> & {
  /** the rows with a label, in order (a row left empty is dropped) */
  options: OptionRow[];
  /** the label of each scale step that has one, by step ('1'…'10') */
  scaleLabels: Record<string, string>;
};

/** The fixed fields by their schema; option rows and scale labels by their numbered names. */
export function readQuestionForm(body: FormBody): { input: QuestionInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const parsed = fixedFieldsSchema.safeParse(body);
  if (!parsed.success)
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? '_form')] ??= issue.message;
  const options: OptionRow[] = [];
  optionRows(body).forEach((row, i) => {
    const label = row.label.trim();
    if (label.length > OPTION_LABEL_MAX)
      errors[optionField(i, 'label')] ??= tooLongMessage(
        `Svarsalternativ ${i + 1}`,
        OPTION_LABEL_MAX,
        label.length,
      );
    if (label) options.push({ value: row.value.trim(), label });
  });
  const scaleLabels: Record<string, string> = {};
  for (let step = 1; step <= MAX_SCALE_STEPS; step++) {
    const raw = body[scaleLabelField(step)];
    const label = typeof raw === 'string' ? raw.trim() : '';
    if (label.length > OPTION_LABEL_MAX)
      errors[scaleLabelField(step)] ??= tooLongMessage(
        `Etiketten för steg ${step}`,
        OPTION_LABEL_MAX,
        label.length,
      );
    if (label) scaleLabels[String(step)] = label;
  }
  const input = parsed.success
    ? { ...parsed.data, options, scaleLabels }
    : // never used: the errors are thrown first
      ({} as QuestionInput);
  return { input, errors };
}

/** A question as the values of its edit form. */
export function questionFormValues(q: Question): FormValues {
  const values: FormValues = {
    type: q.type,
    label: q.label,
    help: q.help ?? '',
    required: q.required ? 'yes' : '',
    scaleMax: q.scale ? String(q.scale.max) : '5',
    allowUnknown: q.scale?.allowUnknown ? 'yes' : '',
    showIfQuestion: q.showIf?.questionId ?? '',
    showIfValues: q.showIf?.anyOf.join(',') ?? '',
    area: q.area ?? '',
    role: q.role,
  };
  for (const [step, label] of Object.entries(q.scale?.labels ?? {}))
    if (step !== UNKNOWN) values[scaleLabelField(Number(step))] = label;
  return withOptionRows(values, q.options ?? []);
}
