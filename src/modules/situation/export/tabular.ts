import ExcelJS from 'exceljs';
import { formatDateTime } from '../../../platform/i18n.ts';
import { formatAnswer } from '../../forms/index.ts';
import { isShown, type Answers, type Definition, type Question } from '../../forms/index.ts';

export const ANSWER_COLUMNS = [
  'Län',
  'Organisation',
  'Kommunkod',
  'Status',
  'Inskickad',
  'Avsnitt',
  'Fråga-id',
  'Fråga',
  'Svar',
] as const;

/** Response statuses as shown in exports; an unknown status is shown as it is. */
export const RESPONSE_STATUS_LABELS: Record<string, string> = {
  draft: 'Utkast',
  submitted: 'Inskickad',
  returned: 'Tillbakalämnad för komplettering',
  approved: 'Godkänd',
};

export interface AnswerExportInput {
  definition: Definition;
  responses: Array<{
    organisationName: string;
    municipalityCode: string | null;
    countyName: string;
    status: string;
    submittedAt: Date | null;
    answers: Answers;
  }>;
}

/** formatAnswer's text, with a decimal comma in numbers so that Swedish Excel reads them as numbers. */
function formatValue(q: Question, v: Answers[string] | undefined): string {
  return q.type === 'number' && typeof v === 'number' ? String(v).replace('.', ',') : formatAnswer(q, v);
}

/**
 * The raw answers as rows, the header first: one row per respondent and shown question (questions hidden by
 * their condition are left out; shown but unanswered ones have an empty answer). Respondents keep the
 * order they are given in.
 */
export function answerRows(input: AnswerExportInput): string[][] {
  const rows: string[][] = [[...ANSWER_COLUMNS]];
  for (const r of input.responses) {
    for (const section of input.definition.sections) {
      for (const q of section.questions) {
        if (!isShown(q, r.answers)) continue;
        rows.push([
          r.countyName,
          r.organisationName,
          r.municipalityCode ?? '',
          RESPONSE_STATUS_LABELS[r.status] ?? r.status,
          r.submittedAt ? formatDateTime(r.submittedAt) : '',
          section.title,
          q.id,
          q.label,
          formatValue(q, r.answers[q.id]),
        ]);
      }
    }
  }
  return rows;
}

// ---- CSV --------------------------------------------------------------------------------------------

const NUMBER = /^-?\d+([.,]\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
 * answers are typed by respondents, and an export must not carry their formulas into someone's Excel.
 */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Rows as CSV the way Swedish Excel opens it with a double-click: UTF-8 with a byte order mark, semicolons
 * between fields (the comma is the decimal sign), RFC 4180 quoting and CRLF line ends.
 */
export function rowsToCsv(rows: string[][]): Buffer {
  const text = rows.map((r) => r.map(csvField).join(';') + '\r\n').join('');
  return Buffer.from('\uFEFF' + text, 'utf8');
}

// ---- Excel ------------------------------------------------------------------------------------------

const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], not blank. */
function sheetNameFor(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return clean || 'Svar';
}

function columnWidth(rows: string[][], col: number): number {
  let longest = 0;
  for (const row of rows) {
    const value = row[col] ?? '';
    for (const line of value.split(/\r?\n/)) longest = Math.max(longest, line.length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Rows as one sheet: bold, frozen header row with a filter on it, columns as wide as their content (capped). */
export async function rowsToXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samverkan';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetNameFor(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columnCount = Math.max(0, ...rows.map((r) => r.length));

  sheet.columns = Array.from({ length: columnCount }, (_, i) => ({ width: columnWidth(rows, i) }));
  for (const row of rows) sheet.addRow(row);

  if (rows.length > 0 && columnCount > 0) {
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
    for (let i = 1; i <= columnCount; i++) {
      if (columnWidth(rows, i - 1) >= MAX_WIDTH)
        sheet.getColumn(i).alignment = { vertical: 'top', wrapText: true };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
