import { expect } from 'vitest';
import { tooLongMessage } from '../../src/platform/validation.ts';
import type { Page } from './client.ts';

/**
 * The limit a field shows, read as a person and a script would: the number in its "Du kan skriva upp till …
 * tecken" line (which the field is described by) and, on a textarea, the character count's `data-maxlength`
 * on its form group, which must say the same. Undefined when the field shows no limit.
 */
export function shownLimit(page: Page, id: string): number | undefined {
  const field = page.doc.querySelector(`#${id}`);
  if (!field) throw new Error(`#${id} saknas`);
  const info = page.doc.querySelector(`#${id}-info`);
  if (!info) return undefined;
  expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(`${id}-info`);
  const m = /^Du kan skriva upp till ([\d\u00a0]+) tecken$/.exec(info.text.trim());
  if (!m) throw new Error(`#${id}-info säger "${info.text}"`);
  const limit = Number(m[1]!.replaceAll('\u00a0', ''));
  if (field.tagName.toLowerCase() === 'textarea') {
    const group = field.closest('.govuk-form-group')!;
    expect(group.getAttribute('data-module')).toBe('govuk-character-count');
    expect(Number(group.getAttribute('data-maxlength'))).toBe(limit);
  }
  return limit;
}

/** The message beside a field, without its hidden "Fel:". */
export const fieldError = (page: Page, id: string): string | undefined =>
  page.doc.querySelector(`#${id}-error`)?.text.replace('Fel:', '').trim();

/** What a field holds when the page comes back: an input's value or a textarea's text. */
export function fieldValue(page: Page, id: string): string | undefined {
  const field = page.doc.querySelector(`#${id}`);
  if (!field) return undefined;
  return field.tagName.toLowerCase() === 'textarea' ? field.text : (field.getAttribute('value') ?? undefined);
}

/** The message a text one character over its limit gets, naming its field. */
export const oneOverMessage = (name: string, max: number): string => tooLongMessage(name, max, max + 1);
