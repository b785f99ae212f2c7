import { describe, expect, it } from 'vitest';
import { formatDay } from './i18n.ts';

describe('a calendar day in words', () => {
  it('is the day the column holds, in Swedish or English, whatever the hour in Sweden', () => {
    expect(formatDay('2021-03-01')).toBe('1 mars 2021');
    // The last day of summer time and the first of winter time stay themselves.
    expect(formatDay('2026-10-24')).toBe('24 oktober 2026');
    expect(formatDay('2026-10-25')).toBe('25 oktober 2026');
    expect(formatDay('2027-09-30', 'en')).toBe('30 September 2027');
  });
});
