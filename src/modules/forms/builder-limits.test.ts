import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { fieldError, fieldValue, oneOverMessage, shownLimit } from '../../../tests/helpers/limits.ts';
import { BUILDER_TEXT_LIMITS, OPTION_LABEL_MAX } from './question-form.ts';

const suffix = Math.random().toString(36).slice(2, 8);

/** The id of the field `name` in the form posting to `action` (the builder prefixes its forms' ids). */
const idIn = (page: Page, action: string, name: string): string => {
  const form = page.doc
    .querySelectorAll('main form[method="post"]')
    .find((f) => f.getAttribute('action')?.split('#')[0] === action);
  const field = form?.querySelector(`[name="${name}"]`);
  if (!field) throw new Error(`${name} saknas i ${action}`);
  return field.getAttribute('id')!;
};

/** The builder's texts show the limit their schema holds; one more character is refused, named and kept. */
describe('forms: the builder’s length limits are the same in the form and the validation', () => {
  let t: TestApp;
  let client: TestClient;
  let base = '';
  const county = '/norrbotten/lagesbild/formular';

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '25' });
    client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const created = await client.submit(`${county}/nytt`, { title: `Gränser ${suffix}`, copyFrom: '' });
    expect(created.status).toBe(303);
    base = created.location!;
    expect((await client.submit(base, { title: 'Allmänt' }, `${base}/avsnitt`)).status).toBe(303);
  });
  afterAll(() => t?.close());

  it('a new questionnaire’s title', async () => {
    const page = await client.get(`${county}/nytt`);
    expect(shownLimit(page, 'title')).toBe(BUILDER_TEXT_LIMITS.questionnaireTitle);
    const long = 'R'.repeat(BUILDER_TEXT_LIMITS.questionnaireTitle + 1);
    const bad = await client.submitOn(page, { title: long, copyFrom: '' });
    expect(bad.status).toBe(400);
    expect(fieldError(bad, 'title')).toBe(oneOverMessage('Rubriken', BUILDER_TEXT_LIMITS.questionnaireTitle));
    expect(fieldValue(bad, 'title')).toBe(long);
  });

  it('the questionnaire’s title, a section’s title and description', async () => {
    const page = await client.get(base);
    const rename = idIn(page, `${base}/rubrik`, 'title');
    expect(shownLimit(page, rename)).toBe(BUILDER_TEXT_LIMITS.questionnaireTitle);
    const sectionTitle = idIn(page, `${base}/avsnitt`, 'title');
    const description = idIn(page, `${base}/avsnitt`, 'description');
    expect(shownLimit(page, sectionTitle)).toBe(BUILDER_TEXT_LIMITS.sectionTitle);
    expect(shownLimit(page, description)).toBe(BUILDER_TEXT_LIMITS.sectionDescription);
    const edited = idIn(page, `${base}/avsnitt/allmant`, 'description');
    expect(shownLimit(page, edited)).toBe(BUILDER_TEXT_LIMITS.sectionDescription);

    const long = 'B'.repeat(BUILDER_TEXT_LIMITS.sectionDescription + 1);
    const bad = await client.submitOn(page, { title: 'Nytt', description: long }, `${base}/avsnitt`);
    expect(bad.status).toBe(400);
    expect(fieldError(bad, description)).toBe(
      oneOverMessage('Beskrivningen', BUILDER_TEXT_LIMITS.sectionDescription),
    );
    expect(fieldValue(bad, description)).toBe(long);

    const longTitle = 'R'.repeat(BUILDER_TEXT_LIMITS.questionnaireTitle + 1);
    const badTitle = await client.submitOn(page, { title: longTitle }, `${base}/rubrik`);
    expect(badTitle.status).toBe(400);
    expect(fieldError(badTitle, rename)).toBe(
      oneOverMessage('Rubriken', BUILDER_TEXT_LIMITS.questionnaireTitle),
    );
    expect(fieldValue(badTitle, rename)).toBe(longTitle);
  });

  it('a question’s text, help, answer options and scale labels', async () => {
    const action = `${base}/avsnitt/allmant/fragor`;
    const page = await client.get(base);
    const label = idIn(page, action, 'label');
    const help = idIn(page, action, 'help');
    const option = idIn(page, action, 'option-0-label');
    const scaleLabel = idIn(page, action, 'scaleLabel-1');
    expect(shownLimit(page, label)).toBe(BUILDER_TEXT_LIMITS.questionLabel);
    expect(shownLimit(page, help)).toBe(BUILDER_TEXT_LIMITS.questionHelp);
    expect(shownLimit(page, option)).toBe(OPTION_LABEL_MAX);
    expect(shownLimit(page, scaleLabel)).toBe(OPTION_LABEL_MAX);

    const longLabel = 'F'.repeat(BUILDER_TEXT_LIMITS.questionLabel + 1);
    const longHelp = 'H'.repeat(BUILDER_TEXT_LIMITS.questionHelp + 1);
    const bad = await client.submitOn(page, { type: 'text', label: longLabel, help: longHelp }, action);
    expect(bad.status).toBe(400);
    expect(fieldError(bad, label)).toBe(oneOverMessage('Frågan', BUILDER_TEXT_LIMITS.questionLabel));
    expect(fieldValue(bad, label)).toBe(longLabel);
    expect(fieldError(bad, help)).toBe(oneOverMessage('Hjälptexten', BUILDER_TEXT_LIMITS.questionHelp));
    expect(fieldValue(bad, help)).toBe(longHelp);

    const longOption = 'A'.repeat(OPTION_LABEL_MAX + 1);
    const badOption = await client.submitOn(
      page,
      { type: 'single', label: 'Hur ofta?', 'option-0-label': longOption, 'option-1-label': 'Sällan' },
      action,
    );
    expect(badOption.status).toBe(400);
    expect(fieldError(badOption, option)).toBe(oneOverMessage('Svarsalternativ 1', OPTION_LABEL_MAX));
    expect(fieldValue(badOption, option)).toBe(longOption);
    expect(shownLimit(badOption, option)).toBe(OPTION_LABEL_MAX);

    const longStep = 'S'.repeat(OPTION_LABEL_MAX + 1);
    const badScale = await client.submitOn(
      page,
      { type: 'scale', label: 'Hur stor?', scaleMax: '5', 'scaleLabel-1': longStep },
      action,
    );
    expect(badScale.status).toBe(400);
    expect(fieldError(badScale, scaleLabel)).toBe(oneOverMessage('Etiketten för steg 1', OPTION_LABEL_MAX));
    expect(fieldValue(badScale, scaleLabel)).toBe(longStep);
  });
});
