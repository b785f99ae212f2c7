import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { ValidationError } from './errors.ts';
import { dateProblem, fields, parseForm } from './validation.ts';

describe('dates typed as ÅÅÅÅ-MM-DD', () => {
  it('accepts a real date, leap days included', () => {
    expect(dateProblem('2026-09-01')).toBeUndefined();
    expect(dateProblem('2028-02-29')).toBeUndefined();
  });

  it('asks for the shape when the text is not a date at all', () => {
    expect(dateProblem('nästa vecka', { a: 'startdatum', the: 'startdatumet' })).toBe(
      'Ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2026-09-01',
    );
  });

  it('says that a well-shaped date the calendar lacks does not exist, and why', () => {
    expect(dateProblem('2026-02-30')).toBe('Datumet 2026-02-30 finns inte: februari 2026 har 28 dagar');
    expect(dateProblem('2026-13-45', { a: 'startdatum', the: 'startdatumet' })).toBe(
      'Startdatumet 2026-13-45 finns inte: månaden ska vara 01–12',
    );
    expect(dateProblem('2026-04-31')).toBe('Datumet 2026-04-31 finns inte: april 2026 har 30 dagar');
    expect(dateProblem('2026-04-00')).toContain('finns inte');
  });

  it('is what every form schema uses (fields.date)', () => {
    const schema = z.object({ deadline: fields.date({ a: 'sista svarsdag', the: 'sista svarsdagen' }) });
    expect(parseForm(schema, { deadline: ' 2026-12-18 ' })).toEqual({ deadline: '2026-12-18' });
    try {
      parseForm(schema, { deadline: '2026-02-30' });
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).fieldErrors).toEqual({
        deadline: 'Sista svarsdagen 2026-02-30 finns inte: februari 2026 har 28 dagar',
      });
    }
  });
});
