import { formatDateTime } from '../../../platform/i18n.ts';
import { formatAnswer } from '../../forms/index.ts';
import { isShown, type Answers, type Definition, type Question } from '../../forms/index.ts';
import { responseStatusLabels } from '../labels.ts';
import type { ResponseStatus } from '../tables.ts';

export const ANSWER_COLUMNS = [
  'Län',
  'Organisation',
  'Kommunkod',
  'Status',
  'Inskickat',
  'Avsnitt',
  'Fråga nr',
  'Fråga',
  'Svar',
] as const;

export interface AnswerExportInput {
  definition: Definition;
  responses: Array<{
    organisationName: string;
    municipalityCode: string | null;
    countyName: string;
    status: ResponseStatus;
    submittedAt: Date | null;
    answers: Answers;
  }>;
}

/** formatAnswer's text, with a decimal comma in numbers so that Swedish Excel reads them as numbers. */
function formatValue(q: Question, v: Answers[string] | undefined): string {
  return q.type === 'number' && typeof v === 'number' ? String(v).replace('.', ',') : formatAnswer(q, v);
}

/**
 * The raw answers as rows, the header first (no internal ids: officials read them): one row per respondent and shown question (questions hidden by
 * their condition are left out; shown but unanswered ones have an empty answer). Respondents keep the
 * order they are given in.
 */
export function answerRows(input: AnswerExportInput): string[][] {
  const rows: string[][] = [[...ANSWER_COLUMNS]];
  for (const r of input.responses) {
    for (const [s, section] of input.definition.sections.entries()) {
      for (const [n, q] of section.questions.entries()) {
        if (!isShown(q, r.answers)) continue;
        rows.push([
          r.countyName,
          r.organisationName,
          r.municipalityCode ?? '',
          responseStatusLabels[r.status],
          r.submittedAt ? formatDateTime(r.submittedAt) : '',
          section.title,
          // the question's number as the form shows it (1.2: section 1, question 2), not its internal id
          `${s + 1}.${n + 1}`,
          q.label,
          formatValue(q, r.answers[q.id]),
        ]);
      }
    }
  }
  return rows;
}
