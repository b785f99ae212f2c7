import { describe, expect, it } from 'vitest';
import { BadInputError, INPUT_LIMITS, normaliseBody, paramCanNameSomething } from './input.ts';

describe('request bodies', () => {
  it('drops control characters (NUL included) and keeps tabs, newlines (CRLF as LF) and Swedish letters', () => {
    expect(normaliseBody({ title: 'Rå\u0000d\u0007\tår\r\nö\rx', ids: ['a\u0000', 'b'] })).toEqual({
      title: 'Råd\tår\nö\nx',
      ids: ['a', 'b'],
    });
  });

  it('replaces a lone surrogate, which cannot be stored as UTF-8', () => {
    expect(normaliseBody({ t: 'x\uD800y' })).toEqual({ t: 'x\uFFFDy' });
  });

  it('turns JSON numbers and booleans into text, as a form would send them, and leaves out nulls', () => {
    expect(normaliseBody({ version: 3, share: true, gone: null })).toEqual({ version: '3', share: 'true' });
  });

  it('refuses an object where text or a list is expected, naming the field', () => {
    expect(() => normaliseBody({ organisationIds: { toString: 'x' } })).toThrow(
      /organisationIds har fel form/,
    );
    expect(() => normaliseBody({ ids: [{ a: 1 }] })).toThrow(BadInputError);
    expect(() => normaliseBody(['a'])).toThrow(BadInputError);
    expect(() => normaliseBody('text')).toThrow(BadInputError);
  });

  it('holds JSON to the same field and size limits as forms (413)', () => {
    const many = Object.fromEntries(
      Array.from({ length: INPUT_LIMITS.fields + 1 }, (_, i) => [`f${i}`, 'x']),
    );
    expect(() => normaliseBody(many)).toThrow(expect.objectContaining({ statusCode: 413 }));
    expect(() => normaliseBody({ ids: Array(INPUT_LIMITS.items + 1).fill('x') })).toThrow(/för många värden/);
    expect(() => normaliseBody({ t: 'x'.repeat(INPUT_LIMITS.chars + 1) })).toThrow(/för långt/);
  });
});

describe('path parameters', () => {
  it('one with a control character or a lone surrogate can name nothing; Swedish letters and dashes can', () => {
    expect(paramCanNameSomething('rad-for-social-hallbarhet')).toBe(true);
    expect(paramCanNameSomething('råd-för-västmanland')).toBe(true);
    expect(paramCanNameSomething('rad\u0000')).toBe(false);
    expect(paramCanNameSomething('\u001Frad')).toBe(false);
    expect(paramCanNameSomething('x\uD800y')).toBe(false);
    // Asked again, the answer is the same (no regular expression state carried between calls).
    expect(paramCanNameSomething('rad\u0000')).toBe(false);
    expect(paramCanNameSomething('rad')).toBe(true);
  });
});
