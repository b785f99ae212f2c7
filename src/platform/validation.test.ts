import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.ts';
import { fields, formValues, parseForm } from './validation.ts';

describe('form validation', () => {
  const schema = z.object({ email: fields.email(), name: fields.requiredText('Ange namn', 10, 'Namnet') });

  it('returns one Swedish message per field', () => {
    try {
      parseForm(schema, { email: 'inte-en-adress', name: '' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors).toEqual({
        email: 'Ange en e-postadress i formatet namn@exempel.se',
        name: 'Ange namn',
      });
    }
  });

  it('normalises e-mail addresses and trims text', () => {
    expect(parseForm(schema, { email: ' Anna@Exempel.SE ', name: ' Anna ' })).toEqual({
      email: 'anna@exempel.se',
      name: 'Anna',
    });
  });

  it('keeps the user input for re-rendering, without the CSRF token', () => {
    expect(formValues({ _csrf: 't', email: 'x', tags: ['a', 'b'] })).toEqual({ email: 'x', tags: 'a,b' });
  });
});

describe('ids and logs', async () => {
  const { isUuid } = await import('./validation.ts');
  const { redactPersonalData } = await import('./logging.ts');
  it('accepts only well-formed UUIDs', () => {
    expect(isUuid('3f2c1a9e-8b7d-4c6e-9a1b-2d3e4f5a6b7c')).toBe(true);
    expect(isUuid('a'.repeat(36))).toBe(false);
    expect(isUuid('-'.repeat(36))).toBe(false);
  });
  it("keeps a failed query's parameters out of the log", () => {
    const message =
      'Failed query: update responses set answers = $1 where id = $2\nparams: {"x":"Våld i familjen på Storgatan"},anna@example.se';
    expect(redactPersonalData(message)).toBe(
      'Failed query: update responses set answers = $1 where id = $2\nparams: [utelämnade]',
    );
  });
});

describe('an address that may be left out', () => {
  const schema = z.object({ email: fields.optionalEmail() });
  it('is empty when left out or blank, kept as written when valid', () => {
    expect(parseForm(schema, {})).toEqual({ email: '' });
    expect(parseForm(schema, { email: '   ' })).toEqual({ email: '' });
    expect(parseForm(schema, { email: ' Kansli@Lansstyrelsen.se ' })).toEqual({
      email: 'Kansli@Lansstyrelsen.se',
    });
  });
  it('refuses what is not an address, or too long, in Swedish beside the field', () => {
    const errorOf = (email: string) => {
      const result = schema.safeParse({ email });
      expect(result.success).toBe(false);
      return result.error?.issues[0]?.message;
    };
    expect(errorOf('kansli.lansstyrelsen.se')).toBe('Ange en e-postadress i formatet namn@exempel.se');
    expect(errorOf(`${'a'.repeat(250)}@exempel.se`)).toBe('E-postadressen är för lång');
  });
});
