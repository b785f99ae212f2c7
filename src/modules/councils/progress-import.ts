import { parse } from 'csv-parse/sync';
import type { Db, Executor } from '../../db/client.ts';
import type { UserActor } from '../../platform/authz.ts';
import { ValidationError } from '../../platform/errors.ts';
import { rowsToCsv } from '../../platform/exports/csv.ts';
import { INPUT_LIMITS } from '../../platform/input.ts';
import { isUuid } from '../../platform/validation.ts';
import { applyProgress, lockedIntervention, statusOfWord, type Progress } from './interventions.ts';
import type { InterventionRow } from './interventions-repository.ts';
import { interventionStatusLabels } from './labels.ts';
import * as lifecycle from './lifecycle.ts';
import * as prepo from './priorities-repository.ts';
import type { CouncilRow } from './repository.ts';
import { auditCouncil, lockCouncilFor, resourceOf } from './service.ts';
import type { ProgressFigure } from './tables.ts';
import { isReportPeriod } from './targets.ts';

/**
 * Progress reports for many interventions at once, from a CSV file the county's admin uploads: UTF-8, `;` or
 * `,` between fields, a header row naming the columns (insats-id or insats, period, status, text, and any
 * number of figure columns "siffra: Deltagare (personer)"). Every problem is listed by line and column; a
 * file with any problem changes nothing, and a file without changes everything in one transaction under the
 * council's lock, each report audited as one written by hand.
 */

export interface ImportProblem {
  /** the file's line (1 is the header) */
  line: number;
  /** the column's name as the file has it, or '' for the line as a whole */
  column: string;
  message: string;
}

/** A file with problems: nothing of it was applied. */
export class ProgressImportError extends ValidationError {
  constructor(readonly problems: ImportProblem[]) {
    super({
      file: `Filen har ${problems.length === 1 ? 'ett fel' : `${problems.length} fel`}. Inget har lästs in.`,
    });
  }
}

/** One line of the file, read. */
export interface ImportRow {
  line: number;
  /** the intervention by id or by name, as the file names it */
  ref: { id: string } | { name: string };
  progress: Progress;
}

export const FIGURE_PREFIX = 'siffra:';
const MAX_CHARS = INPUT_LIMITS.chars;

/** "siffra: Deltagare (personer)" → label Deltagare, unit personer. */
function figureColumn(header: string): { label: string; unit: string } | undefined {
  if (!header.toLowerCase().startsWith(FIGURE_PREFIX)) return undefined;
  const rest = header.slice(FIGURE_PREFIX.length).trim();
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(rest);
  return m ? { label: m[1]!.trim(), unit: m[2]!.trim() } : { label: rest, unit: '' };
}

/** The file's bytes as text: UTF-8 (with or without a byte order mark), else a problem of line 1. */
export function csvText(bytes: Buffer): string | ImportProblem {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return {
      line: 1,
      column: '',
      message: 'Filen är inte sparad som UTF-8. Spara den som ”CSV UTF-8” och försök igen.',
    };
  }
}

/** Reads the file's lines; every problem of form (not of the council's state) by line and column. */
export function readProgressCsv(text: string): { rows: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const body = text.replace(/^\uFEFF/, '');
  if (body.length > MAX_CHARS)
    return {
      rows: [],
      problems: [
        {
          line: 1,
          column: '',
          message: `Filen är för stor: högst ${MAX_CHARS.toLocaleString('sv-SE')} tecken.`,
        },
      ],
    };
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [{ line, column: '', message: 'Raden kan inte läsas: kontrollera citattecknen.' }],
    };
  }
  const [head, ...lines] = records;
  if (!head) return { rows: [], problems: [{ line: 1, column: '', message: 'Filen är tom.' }] };
  const headers = head.record.map((h) => h.trim());
  const index = (name: string) => headers.findIndex((h) => h.toLowerCase() === name);
  const cols = {
    id: index('insats-id'),
    name: index('insats'),
    period: index('period'),
    status: index('status'),
    text: index('text'),
  };
  if (cols.id < 0 && cols.name < 0)
    problems.push({
      line: 1,
      column: '',
      message: 'Rubrikraden saknar kolumnen ”insats-id” eller ”insats”.',
    });
  for (const c of ['period', 'status', 'text'] as const)
    if (cols[c] < 0) problems.push({ line: 1, column: '', message: `Rubrikraden saknar kolumnen ”${c}”.` });
  const figures = headers.flatMap((h, i) => {
    const f = figureColumn(h);
    return f ? [{ ...f, index: i, header: h }] : [];
  });
  for (const f of figures)
    if (!f.label)
      problems.push({ line: 1, column: f.header, message: 'Skriv vad siffran visar efter ”siffra:”.' });
  const known = new Set([
    cols.id,
    cols.name,
    cols.period,
    cols.status,
    cols.text,
    ...figures.map((f) => f.index),
  ]);
  headers.forEach((h, i) => {
    if (!known.has(i) && h)
      problems.push({
        line: 1,
        column: h,
        message: 'Okänd kolumn: använd mallens kolumner, och ”siffra: …” för siffror.',
      });
  });
  if (problems.length > 0) return { rows: [], problems };
  if (lines.length === 0)
    return {
      rows: [],
      problems: [{ line: 2, column: '', message: 'Filen har inga rader under rubrikraden.' }],
    };

  const rows: ImportRow[] = [];
  for (const { record, info } of lines) {
    // csv-parse counts the line a record ends on; a quoted text over several lines began that many above.
    const line = info.lines - record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);
    const cell = (i: number) => (i >= 0 ? (record[i] ?? '').trim() : '');
    const problem = (column: number, message: string) =>
      problems.push({ line, column: headers[column] ?? '', message });
    const before = problems.length;
    const id = cell(cols.id);
    const name = cell(cols.name);
    if (id && !isUuid(id)) problem(cols.id, 'Insats-id:t finns inte i rådet: använd id:t ur mallen.');
    if (!id && !name) problem(cols.id >= 0 ? cols.id : cols.name, 'Ange insatsens id eller namn.');
    const period = cell(cols.period).toUpperCase();
    if (!isReportPeriod(period))
      problem(
        cols.period,
        'Ange perioden som ett år (2025), ett halvår (2025-H1) eller ett tertial (2025-T2).',
      );
    const status = statusOfWord(cell(cols.status));
    if (!status) problem(cols.status, 'Ange status som planerad, pågående, avslutad eller pausad.');
    const text = cell(cols.text);
    if (!text) problem(cols.text, 'Beskriv hur arbetet har gått.');
    else if (text.length > 10_000) problem(cols.text, 'Texten får ha högst 10 000 tecken.');
    const values: ProgressFigure[] = [];
    for (const f of figures) {
      const raw = cell(f.index).replace(/\s/g, '');
      if (!raw) continue;
      if (!/^-?\d+([.,]\d+)?$/.test(raw)) problem(f.index, 'Ange ett tal, till exempel 42 eller 3,5.');
      else values.push({ label: f.label, value: Number(raw.replace(',', '.')), unit: f.unit });
    }
    if (problems.length === before)
      rows.push({
        line,
        ref: id ? { id } : { name },
        progress: { period, text, status: status!, figures: values },
      });
  }
  return { rows, problems };
}

/**
 * The interventions the lines name, and the problems of the council's state: an intervention the council
 * lacks (or two by one name), a status its lifecycle does not allow after the lines before it, a period named
 * twice for one intervention.
 */
function checkAgainst(
  council: CouncilRow,
  rows: ImportRow[],
  interventions: InterventionRow[],
): { resolved: Array<ImportRow & { intervention: InterventionRow }>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const resolved: Array<ImportRow & { intervention: InterventionRow }> = [];
  const status = new Map(interventions.map((i) => [i.id, i.status]));
  const seen = new Set<string>();
  for (const row of rows) {
    const matches =
      'id' in row.ref
        ? interventions.filter((i) => i.id === (row.ref as { id: string }).id)
        : interventions.filter(
            (i) => i.name.toLowerCase() === (row.ref as { name: string }).name.toLowerCase(),
          );
    const column = 'id' in row.ref ? 'insats-id' : 'insats';
    if (matches.length !== 1) {
      problems.push({
        line: row.line,
        column,
        message:
          matches.length === 0
            ? 'Rådet har ingen sådan insats.'
            : 'Flera insatser har det namnet: använd insats-id ur mallen.',
      });
      continue;
    }
    const intervention = matches[0]!;
    const key = `${intervention.id}\0${row.progress.period}`;
    if (seen.has(key)) {
      problems.push({
        line: row.line,
        column: 'period',
        message: 'Samma insats och period finns på en rad ovanför.',
      });
      continue;
    }
    seen.add(key);
    const verdict = lifecycle.interventionMayMove(
      resourceOf(council),
      status.get(intervention.id)!,
      row.progress.status,
    );
    if (verdict !== true) {
      problems.push({ line: row.line, column: 'status', message: verdict });
      continue;
    }
    status.set(intervention.id, row.progress.status);
    resolved.push({ ...row, intervention });
  }
  return { resolved, problems };
}

const byLine = (a: ImportProblem, b: ImportProblem) => a.line - b.line;

/** What the file would do, without doing it: its lines as read, or every problem (for the preview). */
export async function previewProgressImport(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  text: string,
) {
  return db.transaction(async (tx) => {
    // The same lock and rule as the import itself, so the preview refuses what the import would.
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    return checkFile(tx, council, text);
  });
}

async function checkFile(tx: Executor, council: CouncilRow, text: string) {
  const read = readProgressCsv(text);
  if (read.problems.length > 0) return { rows: [], problems: read.problems.sort(byLine) };
  const checked = checkAgainst(council, read.rows, await prepo.listInterventions(tx, council.id));
  return { rows: checked.resolved, problems: checked.problems.sort(byLine) };
}

/**
 * Applies the file: every report, or none when any line has a problem (ProgressImportError lists them all).
 * Under the council's lock and each intervention's, in the file's order, in one transaction.
 */
export async function importProgress(
  db: Db,
  actor: UserActor,
  countyCode: string,
  councilId: string,
  text: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const council = await lockCouncilFor(tx, actor, 'council.edit', countyCode, councilId);
    const { rows, problems } = await checkFile(tx, council, text);
    if (problems.length > 0) throw new ProgressImportError(problems);
    for (const row of rows) {
      const intervention = await lockedIntervention(tx, council, row.intervention.id);
      await applyProgress(tx, actor, council, intervention, row.progress);
    }
    await auditCouncil(tx, actor, council, {
      action: 'council.progress_imported',
      after: { reports: rows.length },
    });
    return rows.length;
  });
}

/** The template: the header and one line per intervention of the council, to fill in. */
export async function progressTemplate(db: Db, councilId: string, period: string): Promise<Buffer> {
  const interventions = await prepo.listInterventions(db, councilId);
  return rowsToCsv([
    ['insats-id', 'insats', 'period', 'status', 'text', `${FIGURE_PREFIX} Deltagare (personer)`],
    ...interventions.map((i) => [
      i.id,
      i.name,
      period,
      interventionStatusLabels[i.status].toLowerCase(),
      '',
      '',
    ]),
  ]);
}
