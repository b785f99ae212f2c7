import { describe, expect, it } from 'vitest';
import { luhnValid, parseOrgNumber } from './org-number.ts';
import { COUNTY_BOARD_ORG_NUMBERS, PARTNERS } from './partners.ts';

describe('organisationsnummer', () => {
  it('accepts valid numbers in any common form and returns NNNNNN-NNNN', () => {
    expect(parseOrgNumber('202100-2411')).toBe('202100-2411');
    expect(parseOrgNumber('2021002411')).toBe('202100-2411');
    expect(parseOrgNumber(' 202100 2254 ')).toBe('202100-2254');
  });

  it('rejects a wrong check digit, wrong length, letters and personal identity numbers', () => {
    expect(parseOrgNumber('202100-2412')).toBeUndefined();
    expect(parseOrgNumber('202100-241')).toBeUndefined();
    expect(parseOrgNumber('20210A-2411')).toBeUndefined();
    // 811218-9876 passes Luhn but is a personnummer (month position < 20)
    expect(luhnValid('8112189876')).toBe(true);
    expect(parseOrgNumber('811218-9876')).toBeUndefined();
  });

  it('has only valid numbers in the reference data', () => {
    const numbers = [
      ...PARTNERS.flatMap((p) => (p.orgNumber ? [p.orgNumber] : [])),
      ...Object.values(COUNTY_BOARD_ORG_NUMBERS),
    ];
    expect(numbers.length).toBeGreaterThan(3);
    for (const n of numbers) expect(parseOrgNumber(n), n).toBe(n);
  });
});
