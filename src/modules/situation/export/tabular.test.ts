import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { defaultDefinition } from '../default-template.ts';
import type { Definition } from '../../forms/index.ts';
import { ANSWER_COLUMNS, answerRows, rowsToCsv, rowsToXlsx, type AnswerExportInput } from './tabular.ts';

/** Opens an xlsx the way a reader does (exceljs's types want an ArrayBuffer, not a Node Buffer). */
async function openXlsx(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  return workbook;
}

/** The default template's first area and last section, and a section with the other question types. */
const definition: Definition = {
  areas: defaultDefinition.areas.slice(0, 1),
  sections: [
    defaultDefinition.sections[0]!,
    {
      id: 'other',
      title: 'Övrigt',
      questions: [
        {
          id: 'groups',
          type: 'multiple',
          label: 'Vilka grupper berörs?',
          required: false,
          role: 'other',
          options: [
            { value: 'children', label: 'Barn' },
            { value: 'elderly', label: 'Äldre' },
            { value: 'newcomers', label: 'Nyanlända' },
          ],
        },
        { id: 'staff', type: 'number', label: 'Antal handläggare', required: false, role: 'other' },
        {
          id: 'cooperation',
          type: 'yesno',
          label: 'Samverkar ni med regionen?',
          required: false,
          role: 'other',
        },
      ],
    },
    defaultDefinition.sections.at(-1)!,
  ],
};

const input: AnswerExportInput = {
  definition,
  responses: [
    {
      countyName: 'Västra Götalands län',
      organisationName: 'Borås stad',
      municipalityCode: '1490',
      status: 'approved',
      submittedAt: new Date('2026-10-05T12:03:00Z'),
      answers: {
        violence_risk: '4',
        violence_explanation: 'Fler anmälningar; särskilt "äldre" kvinnor.\nSe bilaga.',
        violence_change: 'increased',
        violence_measures: [
          {
            description: 'Utbildning för hemtjänsten',
            status: 'taken',
            targetGroup: 'Äldre',
            responsible: 'Socialförvaltningen',
            startDate: '2026-09-01',
          },
          {
            description: 'Informationskampanj',
            status: 'planned',
            targetGroup: 'Unga',
            responsible: 'Skolförvaltningen',
            startDate: '2026-11-15',
          },
        ],
        groups: ['children', 'elderly'],
        staff: 3.5,
        cooperation: 'yes',
        emerging_risks: '=HYPERLINK("http://example.com")',
      },
    },
    {
      countyName: 'Västra Götalands län',
      organisationName: 'Öckerö kommun',
      municipalityCode: null,
      status: 'draft',
      submittedAt: null,
      // level 1: the explanation is not shown, and what was typed there before is not exported
      answers: { violence_risk: '1', violence_explanation: 'gammal text', staff: -2 },
    },
  ],
};

describe('answerRows', () => {
  const rows = answerRows(input);
  const byQuestion = (org: string, questionId: string): string[] | undefined =>
    rows.find((r) => r[1] === org && r[6] === questionId);

  it('starts with the Swedish header', () => {
    expect(rows[0]).toEqual([
      'Län',
      'Organisation',
      'Kommunkod',
      'Status',
      'Inskickad',
      'Avsnitt',
      'Fråga-id',
      'Fråga',
      'Svar',
    ]);
    expect(rows[0]).toEqual([...ANSWER_COLUMNS]);
  });

  it('has one row per respondent and shown question, hidden questions left out', () => {
    // 4 + 3 + 1 questions for Borås; Öckerö does not see the explanation
    expect(rows).toHaveLength(1 + 8 + 7);
    expect(byQuestion('Öckerö kommun', 'violence_explanation')).toBeUndefined();
    expect(byQuestion('Öckerö kommun', 'violence_change')?.[8]).toBe('');
  });

  it('describes the respondent and the question', () => {
    expect(byQuestion('Borås stad', 'violence_risk')).toEqual([
      'Västra Götalands län',
      'Borås stad',
      '1490',
      'Godkänd',
      '2026-10-05 14:03',
      defaultDefinition.sections[0]!.title,
      'violence_risk',
      defaultDefinition.sections[0]!.questions[0]!.label,
      '4 – Stor påverkan',
    ]);
    expect(byQuestion('Öckerö kommun', 'violence_risk')?.slice(2, 5)).toEqual(['', 'Utkast', '']);
  });

  it('writes every kind of answer readably', () => {
    expect(byQuestion('Öckerö kommun', 'violence_risk')?.[8]).toBe('1 – Ingen påverkan');
    expect(byQuestion('Borås stad', 'violence_change')?.[8]).toBe('Ökat');
    expect(byQuestion('Borås stad', 'groups')?.[8]).toBe('Barn; Äldre');
    // a decimal comma, as Swedish Excel reads numbers
    expect(byQuestion('Borås stad', 'staff')?.[8]).toBe('3,5');
    expect(byQuestion('Öckerö kommun', 'staff')?.[8]).toBe('-2');
    expect(byQuestion('Borås stad', 'cooperation')?.[8]).toBe('Ja');
    const measures = byQuestion('Borås stad', 'violence_measures')?.[8] ?? '';
    expect(measures.split(' | ')).toHaveLength(2);
    expect(measures).toContain('Utbildning för hemtjänsten');
    expect(measures).toContain('Skolförvaltningen');
    expect(measures).toContain('2026-11-15');
  });
});

describe('rowsToCsv', () => {
  const rows = answerRows(input);
  const csv = rowsToCsv(rows);

  it('is UTF-8 with a byte order mark, semicolons and CRLF', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(
      text.slice(1).startsWith('Län;Organisation;Kommunkod;Status;Inskickad;Avsnitt;Fråga-id;Fråga;Svar\r\n'),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\r')).toBe(false);
    expect(text).toContain('Västra Götalands län;Öckerö kommun;;Utkast;;');
  });

  it('reads back as the same rows, quoting semicolons, quotes and line breaks', () => {
    const text = csv.toString('utf8');
    expect(text).toContain('"Fler anmälningar; särskilt ""äldre"" kvinnor.\nSe bilaga."');
    const parsed: string[][] = parse(csv, { bom: true, delimiter: ';', relax_column_count: false });
    const expected = rows.map((r) => r.map((v) => (v.startsWith('=') ? `'${v}` : v)));
    expect(parsed).toEqual(expected);
  });

  it('keeps a formula typed by a respondent from running in Excel, but not a negative number', () => {
    const parsed: string[][] = parse(rowsToCsv([['=1+1', '-2', '+46 8 123', '@SUM(A1)', 'text']]), {
      bom: true,
      delimiter: ';',
    });
    expect(parsed).toEqual([["'=1+1", '-2', "'+46 8 123", "'@SUM(A1)", 'text']]);
  });
});

describe('rowsToXlsx', () => {
  it('reads back with the same values, a bold frozen header with a filter, and sensible widths', async () => {
    const rows = answerRows(input);
    const workbook = await openXlsx(await rowsToXlsx(rows, 'Svar: Höst 2026 [Västra Götaland/län]'));

    const sheet = workbook.worksheets[0]!;
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.name).toBe('Svar Höst 2026 Västra Götaland');
    expect(sheet.rowCount).toBe(rows.length);
    const values = sheet.getSheetValues().slice(1) as unknown[][];
    expect(values.map((r) => r.slice(1))).toEqual(rows);
    expect(sheet.getRow(1).getCell(9).value).toBe('Svar');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).not.toBe(true);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:I1');
    // exceljs leaves out a column of its default width (9), and reads it back without one
    const widths = sheet.columns.map((c) => c.width ?? 9);
    expect(widths).toHaveLength(9);
    for (const width of widths) {
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(60);
    }
    expect(sheet.getColumn(8).width).toBe(60);
    expect(sheet.getColumn(8).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(3).width).toBeLessThan(15);
  });

  it('falls back to a sheet name when the given one has nothing left', async () => {
    const workbook = await openXlsx(await rowsToXlsx([['a']], '[]'));
    expect(workbook.worksheets[0]!.name).toBe('Svar');
  });
});
