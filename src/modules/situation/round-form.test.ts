import { parse as parseHtml } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../platform/authz.ts';
import { translator } from '../../platform/i18n.ts';
import type { PageContext } from '../../platform/page-context.ts';
import { emptyForm, type FormState } from '../../platform/validation.ts';
import { parseRoundForm, roundFormDefaults } from './schemas.ts';
import { RoundFormPage } from './views/round-form.tsx';

const ctx: PageContext = {
  locale: 'sv',
  t: translator('sv'),
  actor: ANONYMOUS,
  csrfToken: 'token',
  path: '/uppsala/lagesbild/ny',
  flash: undefined,
  nav: [],
  counties: [],
  currentCounty: undefined,
  banners: [],
};

async function renderForm(form: FormState = emptyForm()) {
  return parseHtml(
    await RoundFormPage({
      ctx,
      form,
      action: '/uppsala/lagesbild/ny',
      caption: 'Uppsala län',
      national: false,
      questionnaires: [{ value: '00000000-0000-4000-8000-000000000000', label: 'Formulär (version 1)' }],
      back: { href: '/uppsala/lagesbild', label: 'Lägesbild' },
    }),
  );
}

/** The occasion numbers the form has fields for (occasion<n>_label). */
const offeredSlots = (doc: Awaited<ReturnType<typeof renderForm>>): number[] =>
  doc
    .querySelectorAll('input')
    .map((i) => /^occasion(\d+)_label$/.exec(i.getAttribute('name') ?? '')?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number);

const filled = (n: number) => ({
  [`occasion${n}_label`]: `Tillfälle ${n}`,
  [`occasion${n}_opens`]: '2026-05-01',
  [`occasion${n}_deadline`]: '2026-06-10',
  [`occasion${n}_locks`]: '2026-06-30',
  [`occasion${n}_reminderDays`]: '3',
});

describe('the round form and its parser', () => {
  it('offer the same occasions: four, as a round may report twice a year over two years', async () => {
    const slots = offeredSlots(await renderForm());
    expect(slots).toEqual([1, 2, 3, 4]);
    // everything the form offers is read...
    const body = Object.assign({ title: 'Omgång' }, ...slots.map(filled)) as Record<string, unknown>;
    expect(parseRoundForm(body).indexes).toEqual(slots);
    // ...and nothing beyond it
    const beyond = { ...body, ...filled(slots.length + 1) };
    expect(parseRoundForm(beyond).indexes).toEqual(slots);
  });

  it('shows two occasions and folds the other two away, opening them when they hold input or an error', async () => {
    const folded = (doc: Awaited<ReturnType<typeof renderForm>>) => {
      const details = doc.querySelector('main details')!;
      expect(details.querySelector('summary')!.text.trim()).toBe('Fler rapporteringstillfällen');
      return {
        inside: offeredSlots(parseHtml(details.innerHTML)),
        open: details.hasAttribute('open'),
      };
    };
    expect(folded(await renderForm(emptyForm(roundFormDefaults())))).toEqual({ inside: [3, 4], open: false });
    const typed = emptyForm({ ...roundFormDefaults(), occasion4_label: 'Våren år två' });
    expect(folded(await renderForm(typed)).open).toBe(true);
    const wrong = { values: roundFormDefaults(), errors: { occasion3_deadline: 'Ange sista svarsdag' } };
    expect(folded(await renderForm(wrong)).open).toBe(true);
  });

  it('starts a new round with the first occasion’s dates and a reminder for every occasion', () => {
    const values = roundFormDefaults(new Date('2026-03-30T22:30:00Z'));
    // already 31 March in Stockholm
    expect(values).toMatchObject({
      occasion1_opens: '2026-03-31',
      occasion1_deadline: '2026-04-30',
      occasion1_locks: '2026-05-15',
    });
    for (const i of [1, 2, 3, 4]) expect(values[`occasion${i}_reminderDays`]).toBe('3');
    // an untouched slot with only its default reminder is no occasion
    expect(parseRoundForm({ ...values, ...filled(1) }).indexes).toEqual([1]);
  });
});
