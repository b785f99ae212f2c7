import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowsToXlsx } from './xlsx.ts';

/** Opens an xlsx the way a reader does (exceljs's types want an ArrayBuffer, not a Node Buffer). */
async function openXlsx(file: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(file).buffer);
  return workbook;
}

const long =
  'Hur bedömer ni påverkan inom området våld i nära relationer inklusive hedersrelaterat våld och förtryck?';
const rows = [
  ['Län', 'Kod', 'Fråga', 'Svar'],
  ['Västra Götalands län', '1490', long, 'Ökat'],
  ['Skåne län', '', 'Kort fråga', 'Rad ett\nRad två'],
];

describe('rowsToXlsx', () => {
  it('reads back with the same values, a bold frozen header with a filter, and sensible widths', async () => {
    const workbook = await openXlsx(await rowsToXlsx(rows, 'Svar: Höst 2026 [Västra Götaland/län]'));

    const sheet = workbook.worksheets[0]!;
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.name).toBe('Svar Höst 2026 Västra Götaland');
    expect(sheet.rowCount).toBe(rows.length);
    const values = sheet.getSheetValues().slice(1) as unknown[][];
    expect(values.map((r) => r.slice(1))).toEqual(rows);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).not.toBe(true);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:D1');
    // exceljs leaves out a column of its default width (9), and reads it back without one
    const widths = sheet.columns.map((c) => c.width ?? 9);
    for (const width of widths) {
      expect(width).toBeGreaterThanOrEqual(8);
      expect(width).toBeLessThanOrEqual(60);
    }
    expect(sheet.getColumn(3).width).toBe(60);
    expect(sheet.getColumn(3).alignment?.wrapText).toBe(true);
    expect(sheet.getColumn(2).width).toBeLessThan(15);
  });

  it('falls back to a sheet name when the given one has nothing left', async () => {
    const workbook = await openXlsx(await rowsToXlsx([['a']], '[]'));
    expect(workbook.worksheets[0]!.name).toBe('Blad1');
  });
});
