const NUMBER = /^-?\d+([.,]\d+)?$/;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
 * exported text is often typed by users, and an export must not carry their formulas into someone's Excel.
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
