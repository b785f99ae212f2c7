import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowsToCsv } from './csv.ts';

const rows = [
  ['Län', 'Organisation', 'Svar'],
  ['Västra Götalands län', 'Öckerö kommun', 'Fler anmälningar; särskilt "äldre" kvinnor.\nSe bilaga.'],
  ['Skåne län', '', '3,5'],
];

describe('rowsToCsv', () => {
  const csv = rowsToCsv(rows);

  it('is UTF-8 with a byte order mark, semicolons and CRLF', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    expect(text.slice(1).startsWith('Län;Organisation;Svar\r\n')).toBe(true);
    expect(text.endsWith('Skåne län;;3,5\r\n')).toBe(true);
    // the only bare CR or LF is the one inside the quoted field
    expect(text.replace(/\r\n/g, '').match(/[\r\n]/g)).toHaveLength(1);
  });

  it('quotes semicolons, quotes and line breaks, and reads back as the same rows', () => {
    const text = csv.toString('utf8');
    expect(text).toContain('"Fler anmälningar; särskilt ""äldre"" kvinnor.\nSe bilaga."');
    const parsed: string[][] = parse(csv, { bom: true, delimiter: ';', relax_column_count: false });
    expect(parsed).toEqual(rows);
  });

  it('keeps a formula typed by a user from running in Excel, but not a negative number', () => {
    const parsed: string[][] = parse(rowsToCsv([['=1+1', '-2', '+46 8 123', '@SUM(A1)', '-1,5', 'text']]), {
      bom: true,
      delimiter: ';',
    });
    expect(parsed).toEqual([["'=1+1", '-2', "'+46 8 123", "'@SUM(A1)", '-1,5', 'text']]);
  });
});
