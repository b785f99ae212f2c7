import { describe, expect, it } from 'vitest';
import { endOfStockholmDay, isIsoDate, stockholmDate, startOfStockholmDay } from './time.ts';

describe('Swedish time', () => {
  it('puts a deadline at 23:59:59 Swedish time, summer and winter', () => {
    expect(endOfStockholmDay('2026-06-10').toISOString()).toBe('2026-06-10T21:59:59.000Z');
    expect(endOfStockholmDay('2026-12-10').toISOString()).toBe('2026-12-10T22:59:59.000Z');
    expect(startOfStockholmDay('2026-06-10').toISOString()).toBe('2026-06-09T22:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    expect(endOfStockholmDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.000Z');
    expect(endOfStockholmDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.000Z');
    expect(startOfStockholmDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('reads the Swedish date of an instant and validates dates', () => {
    expect(stockholmDate(new Date('2026-06-10T22:30:00Z'))).toBe('2026-06-11');
    // The day kept from the last asking is left at its bounds, whichever way the next instant lies.
    const days = [
      ['2026-12-31T22:59:59.999Z', '2026-12-31'],
      ['2026-12-31T23:00:00.000Z', '2027-01-01'],
      ['2026-12-31T22:59:59.999Z', '2026-12-31'],
      ['2026-12-30T23:00:00.000Z', '2026-12-31'],
      ['2026-12-30T22:59:59.999Z', '2026-12-30'],
      ['2026-03-28T23:00:00.000Z', '2026-03-29'],
      ['2026-03-29T21:59:59.999Z', '2026-03-29'],
      ['2026-03-29T22:00:00.000Z', '2026-03-30'],
      ['2026-10-24T22:00:00.000Z', '2026-10-25'],
      ['2026-10-25T22:59:59.999Z', '2026-10-25'],
      ['2026-10-25T23:00:00.000Z', '2026-10-26'],
    ];
    for (const [instant, date] of days)
      expect([instant, stockholmDate(new Date(instant!))]).toEqual([instant, date]);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('28/2')).toBe(false);
  });
});
