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
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('28/2')).toBe(false);
  });
});
