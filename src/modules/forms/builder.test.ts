import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient, type Page } from '../../../tests/helpers/client.ts';
import { allQuestions } from './definition.ts';
import { findLatestVersion } from './repository.ts';

const suffix = Math.random().toString(36).slice(2, 8);

/**
 * The builder as someone without a developer's words meets it: the fields of the chosen type only, answer
 * options as rows whose values are made once and kept, a condition picked among the earlier question's own
 * answers, the no-JavaScript steps that change the form without saving, and removal that asks first.
 */
describe('forms: a builder for non-developers', () => {
  let t: TestApp;
  let admin: TestUser;
  let client: TestClient;
  let base = '';
  const county = '/norrbotten/lagesbild/formular';

  const ok = (page: Page, status = 200) => {
    expect(page.status, page.body.slice(0, 300)).toBe(status);
    expect(pageProblems(page.doc)).toEqual([]);
    return page;
  };
  const latest = async () => (await findLatestVersion(t.database.db, base.split('/').pop()!))!.definition;
  const question = async (id: string) => allQuestions(await latest()).find((q) => q.id === id)!;
  const visible = (page: Page, selector: string) => {
    const el = page.doc.querySelector(selector);
    if (!el) throw new Error(`${selector} saknas`);
    return el.closest('[hidden]') === null;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '25' });
    client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const created = await client.submit(`${county}/nytt`, { title: `Byggartest ${suffix}`, copyFrom: '' });
    expect(created.status).toBe(303);
    base = created.location!;
    expect((await client.submit(base, { title: 'Allmänt' }, `${base}/avsnitt`)).status).toBe(303);
    const yesno = await client.submit(
      base,
      { type: 'yesno', label: 'Har ni en plan?', role: 'other' },
      `${base}/avsnitt/allmant/fragor`,
    );
    expect(yesno.status).toBe(303);
  });
  afterAll(() => t.close());

  it('shows the fields of the chosen type only: no options or scale for a text question', async () => {
    const page = ok(await client.get(base));
    // The add form starts as a text question.
    expect(visible(page, '#add-allmant-option-0-label')).toBe(false);
    expect(visible(page, '#add-allmant-scaleMax')).toBe(false);
    expect(visible(page, '#add-allmant-label')).toBe(true);
    // No field asks for value|Label lines any more.
    expect(page.doc.querySelector('textarea[name="options"], textarea[name="scaleLabels"]')).toBeNull();
  });

  it('without JavaScript, the steps change the form and save nothing: another type, rows added and moved', async () => {
    const before = JSON.stringify(await latest());
    const addAction = `${base}/avsnitt/allmant/fragor`;
    const editor = ok(await client.get(base));
    const single = ok(
      await client.submitOn(editor, { type: 'single', label: 'Hur ofta?', step: 'refresh' }, addAction),
    );
    expect(visible(single, '#add-allmant-option-0-label')).toBe(true);
    expect(visible(single, '#add-allmant-option-1-label')).toBe(true);
    expect(visible(single, '#add-allmant-scaleMax')).toBe(false);
    expect(single.doc.querySelector('#add-allmant-label')?.getAttribute('value')).toBe('Hur ofta?');
    // The posted form comes back open.
    expect(single.doc.querySelector('#add-allmant-label')?.closest('details')?.getAttribute('open')).toBe('');

    const rows = {
      type: 'single',
      label: 'Hur ofta?',
      'option-0-label': 'Varje år',
      'option-1-label': 'Vartannat år',
    };
    const added = ok(await client.submitOn(editor, { ...rows, step: 'option-add' }, addAction));
    expect(added.doc.querySelectorAll('#add-allmant-options [data-option-row]')).toHaveLength(3);
    const moved = ok(await client.submitOn(editor, { ...rows, step: 'option-up-1' }, addAction));
    expect(
      moved.doc
        .querySelectorAll('#add-allmant-options input[type="text"]')
        .map((i) => i.getAttribute('value')),
    ).toEqual(['Vartannat år', 'Varje år']);
    const removed = ok(await client.submitOn(editor, { ...rows, step: 'option-remove-0' }, addAction));
    expect(
      removed.doc
        .querySelectorAll('#add-allmant-options input[type="text"]')
        .map((i) => i.getAttribute('value')),
    ).toEqual(['Vartannat år', '']);
    expect(JSON.stringify(await latest())).toBe(before);
  });

  it('edits options as a list: values come from the labels, and stay when a label changes or rows move', async () => {
    const added = await client.submit(
      base,
      {
        type: 'single',
        label: 'Hur ofta följs planen upp?',
        role: 'other',
        'option-0-label': 'Varje år',
        'option-1-label': '',
        'option-2-label': 'Vartannat år',
      },
      `${base}/avsnitt/allmant/fragor`,
    );
    expect(added.status).toBe(303);
    expect((await question('hur_ofta_foljs_planen_upp')).options).toEqual([
      { value: 'varje_ar', label: 'Varje år' },
      { value: 'vartannat_ar', label: 'Vartannat år' },
    ]);

    const editor = ok(await client.get(base));
    const prefix = '#question-hur_ofta_foljs_planen_upp';
    expect(visible(editor, `${prefix}-option-0-label`)).toBe(true);
    expect(visible(editor, `${prefix}-scaleMax`)).toBe(false);
    expect(editor.doc.querySelector(`${prefix}-option-1-label`)?.getAttribute('value')).toBe('Vartannat år');
    expect(
      editor.doc.querySelector(`${prefix}-options input[name="option-1-value"]`)?.getAttribute('value'),
    ).toBe('vartannat_ar');

    // Rename the first, swap the order, add a third: the old values stay, the new row gets its own.
    const saved = await client.submitOn(
      editor,
      {
        type: 'single',
        label: 'Hur ofta följs planen upp?',
        role: 'other',
        'option-0-label': 'Vart annat år',
        'option-0-value': 'vartannat_ar',
        'option-1-label': 'Årligen',
        'option-1-value': 'varje_ar',
        'option-2-label': 'Aldrig',
        'option-2-value': '',
      },
      `${base}/fragor/hur_ofta_foljs_planen_upp`,
    );
    expect(saved.status).toBe(303);
    expect((await question('hur_ofta_foljs_planen_upp')).options).toEqual([
      { value: 'vartannat_ar', label: 'Vart annat år' },
      { value: 'varje_ar', label: 'Årligen' },
      { value: 'aldrig', label: 'Aldrig' },
    ]);
  });

  it('a condition is chosen among the earlier question’s own answers, shown as its labels', async () => {
    const added = await client.submit(
      base,
      {
        type: 'text',
        label: 'Varför aldrig?',
        role: 'other',
        showIfQuestion: 'hur_ofta_foljs_planen_upp',
        showIfValues: ['aldrig'],
      },
      `${base}/avsnitt/allmant/fragor`,
    );
    expect(added.status).toBe(303);
    expect((await question('varfor_aldrig')).showIf).toEqual({
      questionId: 'hur_ofta_foljs_planen_upp',
      anyOf: ['aldrig'],
    });
    const editor = ok(await client.get(base));
    const answers = editor.doc.querySelectorAll(
      '#question-varfor_aldrig-showIfValues input[type="checkbox"]',
    );
    expect(answers.map((i) => i.getAttribute('value'))).toEqual(['vartannat_ar', 'varje_ar', 'aldrig']);
    expect(
      answers.filter((i) => i.getAttribute('checked') !== undefined).map((i) => i.getAttribute('value')),
    ).toEqual(['aldrig']);
    const labels = editor.doc
      .querySelectorAll('#question-varfor_aldrig-showIfValues label')
      .map((l) => l.text);
    expect(labels).toEqual(['Vart annat år', 'Årligen', 'Aldrig']);
    // The sources are the earlier choice questions, by their text.
    const sources = editor.doc
      .querySelectorAll('#question-varfor_aldrig-showIfQuestion option')
      .map((o) => o.text);
    expect(sources).toEqual(['Visa alltid', 'Har ni en plan?', 'Hur ofta följs planen upp?']);
    expect(editor.doc.querySelector('input[name="showIfValues"][type="text"]')).toBeNull();
  });

  it('removing a question or a section asks first, on a page that says what goes', async () => {
    const editor = ok(await client.get(base));
    // The editor itself has no form that removes: only links to the question.
    expect(editor.doc.querySelectorAll('form[action$="/ta-bort"]')).toHaveLength(0);
    const link = editor.doc.querySelector(`a[href="${base}/fragor/hur_ofta_foljs_planen_upp/ta-bort"]`);
    expect(link?.text).toContain('Ta bort frågan');

    const confirm = ok(await client.get(`${base}/fragor/hur_ofta_foljs_planen_upp/ta-bort`));
    expect(confirm.doc.querySelector('h1')?.text).toBe('Ta bort frågan ”Hur ofta följs planen upp?”?');
    // Its condition holder is named, since the removal would be refused.
    expect(confirm.doc.querySelector('.govuk-warning-text')?.text).toContain('Varför aldrig?');
    expect(confirm.doc.querySelector(`a[href="${base}#fraga-hur_ofta_foljs_planen_upp"]`)?.text).toBe(
      'Avbryt',
    );

    const section = ok(await client.get(`${base}/avsnitt/allmant/ta-bort`));
    expect(section.doc.querySelector('h1')?.text).toBe('Ta bort avsnittet ”Allmänt”?');
    expect(section.doc.querySelectorAll('main li').map((l) => l.text)).toEqual([
      'Har ni en plan?',
      'Hur ofta följs planen upp?',
      'Varför aldrig?',
    ]);
    expect((await client.get(`${base}/fragor/finns_inte/ta-bort`)).status).toBe(404);

    const removal = `${base}/fragor/varfor_aldrig/ta-bort`;
    expect((await client.submit(removal, {}, removal)).status).toBe(303);
    expect(allQuestions(await latest()).map((q) => q.id)).toEqual([
      'har_ni_en_plan',
      'hur_ofta_foljs_planen_upp',
    ]);
  });
});
