// exceljs loads in a fifth of a second: only a process that writes a workbook pays for it.
const loadExcel = async () => (await import('exceljs')).default;

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
  return clean || 'Blad1';
}

function columnWidth(rows: string[][], col: number): number {
  let longest = 0;
  for (const row of rows) {
    const value = row[col] ?? '';
    for (const line of value.split(/\r?\n/)) longest = Math.max(longest, line.length);
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/**
 * Rows (the header first) as one sheet: bold, frozen header row with a filter on it, columns as wide as their
 * content (capped, the widest wrapped). Values stay text: what the reader sees is what the export wrote.
 */
export async function rowsToXlsx(rows: string[][], sheetName: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
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
