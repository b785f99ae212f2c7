import type { FieldErrors } from '../../platform/errors.ts';
import { dateProblem } from '../../platform/validation.ts';
import {
  allQuestions,
  answerChoices,
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
  type Section,
} from './definition.ts';

/** Form field names: q_<question> for a value, m_<question>_<row>_<part> for a measure's parts. */
export const fieldName = (q: Pick<Question, 'id'>): string => `q_${q.id}`;
export const measureField = (q: Pick<Question, 'id'>, row: number, part: keyof Measure): string =>
  `m_${q.id}_${row}_${part}`;
export const MEASURE_PARTS: ReadonlyArray<keyof Measure> = [
  'description',
  'status',
  'targetGroup',
  'responsible',
  'startDate',
];

/**
 * The longest answers kept, in characters: the form shows them (a character count), the reading below
 * holds answers to them, and nothing is ever cut — a longer text is kept as typed and flagged.
 */
export const ANSWER_LIMITS = { text: 10_000, measureDescription: 2_000, measurePart: 300 } as const;

/** The respondent's answers as stored: valid answers, and what was typed that is not yet valid. */
export interface AnswerState {
  answers: Answers;
  /** by form field name, as typed (see readAnswerForm) */
  invalidInput: Record<string, string>;
}

/** What a posted form holds for the questions read. */
export interface AnswerRead extends AnswerState {
  /** why each field of `invalidInput` is not yet valid, naming its place */
  problems: FieldErrors;
}

type Body = Record<string, unknown>;
const str = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : Array.isArray(v) ? String(v[0] ?? '').trim() : '';
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
const count = (n: number): string => n.toLocaleString('sv-SE');
const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);
const measureRow = (q: Pick<Question, 'id'>) => new RegExp(`^m_${q.id}_(\\d+)_(${MEASURE_PARTS.join('|')})$`);

/** Whether a form field belongs to a question (its value, or one of its measures' parts). */
export function isFieldOf(q: Pick<Question, 'id'>, name: string): boolean {
  return name === fieldName(q) || measureRow(q).test(name);
}

/** The section a question stands in, by question id: its title names the place in messages. */
function placesOf(def: Definition): Map<string, string> {
  return new Map(def.sections.flatMap((s) => s.questions.map((q) => [q.id, s.title] as const)));
}

/**
 * The questions a post carries: all of a named section's (so an unticked box clears its answer), and any
 * other question whose fields the body holds. A post that names no section and holds no answer fields (the
 * check-your-answers page) carries none.
 */
export function postedQuestions(def: Definition, body: Body, sectionId?: string): Question[] {
  const names = Object.keys(body);
  const section = def.sections.find((s) => s.id === sectionId);
  return allQuestions(def).filter(
    (q) => section?.questions.includes(q) || names.some((name) => isFieldOf(q, name)),
  );
}

/**
 * Reads the answers to `questions` from a posted form. Nothing typed is lost: a value that is not yet a
 * valid answer (a date that does not exist, a measure without status, a number written in words, a text
 * over its length) is kept as typed in `invalidInput` with its reason in `problems`; the valid ones are
 * `answers`. Completeness is checked only on submit (validateForSubmit).
 */
export function readAnswerForm(
  def: Definition,
  body: Body,
  questions: Question[] = allQuestions(def),
): AnswerRead {
  const answers: Answers = {};
  const invalidInput: Record<string, string> = {};
  const problems: FieldErrors = {};
  const places = placesOf(def);
  for (const q of questions) {
    const name = fieldName(q);
    const place = places.get(q.id) ?? '';
    const flag = (field: string, message: string) => {
      problems[field] = place ? `${place}: ${lowerFirst(message)}` : message;
    };
    switch (q.type) {
      case 'multiple': {
        const allowed = new Set((q.options ?? []).map((o) => o.value));
        const values = list(body[name]).filter((v) => allowed.has(v));
        if (values.length) answers[q.id] = values;
        break;
      }
      case 'number': {
        const typed = str(body[name]);
        if (!typed) break;
        const n = Number(typed.replace(',', '.').replace(/\s/g, ''));
        if (Number.isFinite(n)) answers[q.id] = n;
        else {
          invalidInput[name] = typed;
          flag(name, `”${q.label}” ska vara ett tal, till exempel 12 eller 3,5`);
        }
        break;
      }
      case 'measures': {
        const typed = readMeasureRows(q, body);
        const rows: Measure[] = [];
        let flagged = false;
        typed.forEach((parts, i) => {
          const where = `Åtgärd ${i + 1} under ${place || q.label}`;
          const rowProblems = measureProblems(parts);
          for (const [part, message] of rowProblems) {
            problems[measureField(q, i, part)] = `${where}: ${message}`;
            flagged = true;
          }
          if (rowProblems.length === 0) rows.push(parts as Measure);
        });
        if (rows.length) answers[q.id] = rows;
        // The question's rows are kept as typed, all of them, so the form comes back as it was left.
        if (flagged)
          typed.forEach((parts, i) => {
            for (const part of MEASURE_PARTS)
              if (parts[part]) invalidInput[measureField(q, i, part)] = parts[part];
          });
        break;
      }
      default: {
        const v = str(body[name]);
        if (!v) break;
        if (q.type === 'text') {
          if (v.length <= ANSWER_LIMITS.text) answers[q.id] = v;
          else {
            invalidInput[name] = v;
            flag(
              name,
              `”${q.label}” får ha högst ${count(ANSWER_LIMITS.text)} tecken (nu ${count(v.length)})`,
            );
          }
        } else if (answerChoices(q).some((c) => c.value === v)) answers[q.id] = v;
        else {
          invalidInput[name] = v;
          flag(name, `välj ett av alternativen för ”${q.label}”`);
        }
      }
    }
  }
  return { answers, invalidInput, problems };
}

/** A measures question's rows as typed (empty rows left out, numbered as the form numbers them). */
function readMeasureRows(q: Question, body: Body): Array<Record<keyof Measure, string>> {
  const pattern = measureRow(q);
  let last = -1;
  for (const name of Object.keys(body)) {
    const m = pattern.exec(name);
    if (m) last = Math.max(last, Number(m[1]));
  }
  const rows: Array<Record<keyof Measure, string>> = [];
  for (let i = 0; i <= Math.min(last, 99); i++) {
    const parts = Object.fromEntries(
      MEASURE_PARTS.map((p) => [p, str(body[measureField(q, i, p)])]),
    ) as Record<keyof Measure, string>;
    // A row with nothing but a status chosen is an empty row: the select starts at "Välj status".
    if (MEASURE_PARTS.some((p) => p !== 'status' && parts[p] !== '')) rows.push(parts);
  }
  return rows;
}

/** Why a measure as typed is not yet a valid one, part by part. */
function measureProblems(m: Record<keyof Measure, string>): Array<[keyof Measure, string]> {
  const out: Array<[keyof Measure, string]> = [];
  if (!m.description) out.push(['description', 'beskriv åtgärden']);
  else if (m.description.length > ANSWER_LIMITS.measureDescription)
    out.push([
      'description',
      `beskrivningen får ha högst ${count(ANSWER_LIMITS.measureDescription)} tecken (nu ${count(m.description.length)})`,
    ]);
  if (!measureStatuses.includes(m.status as MeasureStatus))
    out.push(['status', 'välj status (planerad eller vidtagen)']);
  for (const [part, what] of [
    ['targetGroup', 'målgruppen'],
    ['responsible', 'ansvarig organisation'],
  ] as const) {
    if (m[part].length > ANSWER_LIMITS.measurePart)
      out.push([
        part,
        `${what} får ha högst ${count(ANSWER_LIMITS.measurePart)} tecken (nu ${count(m[part].length)})`,
      ]);
  }
  if (m.startDate) {
    const problem = dateProblem(m.startDate, { a: 'startdatum', the: 'startdatumet' });
    if (problem) out.push(['startDate', lowerFirst(problem)]);
  }
  return out;
}

/**
 * The stored state after a post: the posted questions' answers and typed input replace what was stored for
 * them; every other question keeps its own. Answers (and input) of questions no longer shown are not kept.
 */
export function mergeAnswers(
  def: Definition,
  stored: AnswerState,
  read: AnswerState,
  questions: Question[],
): AnswerState {
  const answers: Answers = { ...stored.answers };
  const invalidInput: Record<string, string> = {};
  for (const q of questions) delete answers[q.id];
  for (const [name, v] of Object.entries(stored.invalidInput))
    if (!questions.some((q) => isFieldOf(q, name))) invalidInput[name] = v;
  Object.assign(answers, read.answers);
  Object.assign(invalidInput, read.invalidInput);
  for (const q of allQuestions(def)) {
    if (isShown(q, answers)) continue;
    delete answers[q.id];
    for (const name of Object.keys(invalidInput)) if (isFieldOf(q, name)) delete invalidInput[name];
  }
  return { answers, invalidInput };
}

/** Why the stored input is not yet valid, field by field (the flags shown beside the fields). */
export function invalidInputProblems(def: Definition, invalidInput: Record<string, string>): FieldErrors {
  const names = Object.keys(invalidInput);
  if (names.length === 0) return {};
  const questions = allQuestions(def).filter((q) => names.some((n) => isFieldOf(q, n)));
  return readAnswerForm(def, invalidInput, questions).problems;
}

/** What a question needs before submitting, in words that name its place. */
function missingMessage(q: Question, place: string): string {
  const where = place ? `${place}: ` : '';
  if (q.type === 'text') return `${where}svara på ”${q.label}”`;
  if (q.type === 'number') return `${where}ange ett tal för ”${q.label}”`;
  if (q.type === 'measures') return `${where}beskriv minst en åtgärd under ”${q.label}”`;
  if (q.type === 'multiple') return `${where}välj minst ett alternativ för ”${q.label}”`;
  return `${where}välj ett svar på ”${q.label}”`;
}

/** The field a question's message links to (a measures question: its first description). */
export const questionAnchor = (q: Question): string =>
  q.type === 'measures' ? measureField(q, 0, 'description') : fieldName(q);

/**
 * Everything that stands in the way of submitting: input that is not yet valid, and every shown, required
 * question without an answer. Each message names the area (section), the measure and the field.
 */
export function validateForSubmit(def: Definition, state: AnswerState): FieldErrors {
  const errors: FieldErrors = invalidInputProblems(def, state.invalidInput);
  const places = placesOf(def);
  for (const q of allQuestions(def)) {
    if (!q.required || !isShown(q, state.answers)) continue;
    if (Object.keys(state.invalidInput).some((n) => isFieldOf(q, n))) continue;
    const v = state.answers[q.id];
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty) errors[questionAnchor(q)] = missingMessage(q, places.get(q.id) ?? '');
  }
  return errors;
}

/** How far a section has come: nothing answered, some, or every shown required question (and nothing to fix). */
export type SectionProgress = 'notStarted' | 'inProgress' | 'done';
export const sectionProgressLabels: Readonly<Record<SectionProgress, string>> = {
  notStarted: 'Inte påbörjad',
  inProgress: 'Påbörjad',
  done: 'Klar',
};

export function sectionProgress(def: Definition, section: Section, state: AnswerState): SectionProgress {
  const shown = section.questions.filter((q) => isShown(q, state.answers));
  const typed = (q: Question) => Object.keys(state.invalidInput).some((n) => isFieldOf(q, n));
  const answered = (q: Question) => {
    const v = state.answers[q.id];
    return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
  };
  if (!shown.some((q) => answered(q) || typed(q))) return 'notStarted';
  if (shown.some(typed) || shown.some((q) => q.required && !answered(q))) return 'inProgress';
  return 'done';
}

/**
 * The stored state as form values, so the same fields show a saved response, flagged input and a re-posted
 * form alike: input kept as typed wins over the answer for its question. `extraRowFor` adds an empty measure
 * row to that question ("Lägg till en åtgärd").
 */
export function answerFormValues(
  def: Definition,
  state: AnswerState,
  extraRowFor?: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const q of allQuestions(def)) {
    const typed = Object.entries(state.invalidInput).filter(([n]) => isFieldOf(q, n));
    const v = state.answers[q.id];
    let rows = 0;
    if (typed.length) {
      for (const [n, text] of typed) {
        values[n] = text;
        rows = Math.max(rows, Number(measureRow(q).exec(n)?.[1] ?? -1) + 1);
      }
    } else if (q.type === 'measures') {
      const list = (v as Measure[] | undefined) ?? [];
      list.forEach((m, i) => {
        for (const part of MEASURE_PARTS) values[measureField(q, i, part)] = m[part];
      });
      rows = list.length;
    } else if (v !== undefined)
      values[fieldName(q)] = Array.isArray(v) ? (v as string[]).join(',') : scalarText(v);
    if (q.type === 'measures')
      values[`${fieldName(q)}_rows`] = String(Math.max(1, rows + (extraRowFor === q.id ? 1 : 0)));
  }
  return values;
}

/** How many measure rows a posted form carried, per measures question (at least one), to show it again. */
export function measureRowCounts(def: Definition, body: Body): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of allQuestions(def)) {
    if (q.type !== 'measures') continue;
    let rows = 0;
    for (const name of Object.keys(body))
      rows = Math.max(rows, Number(measureRow(q).exec(name)?.[1] ?? -1) + 1);
    out[`${fieldName(q)}_rows`] = String(Math.max(1, rows));
  }
  return out;
}

/**
 * The form without one measure row: the rows after it move up one place, so "Ta bort åtgärd 2" leaves
 * 1, 3, 4 as 1, 2, 3.
 */
export function withoutMeasureRow(def: Definition, body: Body, questionId: string, row: number): Body {
  const q = allQuestions(def).find((x) => x.id === questionId);
  if (!q || q.type !== 'measures') return body;
  const pattern = measureRow(q);
  const out: Body = {};
  for (const [name, v] of Object.entries(body)) {
    const m = pattern.exec(name);
    if (!m) out[name] = v;
    else if (Number(m[1]) < row) out[name] = v;
    else if (Number(m[1]) > row) out[measureField(q, Number(m[1]) - 1, m[2] as keyof Measure)] = v;
  }
  return out;
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
