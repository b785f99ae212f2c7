import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import {
  allQuestions,
  findLatestVersion,
  findQuestionnaire,
  findVersion,
  isShown,
  questionFormValues,
  RISK_SCALE,
  type Definition,
} from '../forms/index.ts';
import { defaultDefinition, DEFAULT_TEMPLATE_TITLE } from './default-template.ts';
import * as repo from './repository.ts';

const suffix = Math.random().toString(36).slice(2, 8);

describe('questionnaire builder: versioned templates built in the UI', () => {
  let t: TestApp;
  let coordinator: TestUser, gavleborg: TestUser, dalarna: TestUser;
  const c: Record<string, TestClient> = {};
  let nationalId = '';
  let countyId = '';
  const national = '/nationellt/formular';
  const county = '/gavleborg/lagesbild/formular';

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    [coordinator, gavleborg, dalarna] = await Promise.all([
      createTestUser(db, 'national_coordinator'),
      createTestUser(db, 'county_admin', { countyCode: '21' }),
      createTestUser(db, 'county_admin', { countyCode: '20' }),
    ]);
    for (const [name, user] of Object.entries({ coordinator, gavleborg, dalarna })) {
      c[name] = new TestClient(t.app);
      await c[name].login(user.email, user.password);
    }
  });
  afterAll(() => t.close());

  const ok = (page: Page, status = 200) => {
    expect(page.status).toBe(status);
    expect(pageProblems(page.doc)).toEqual([]);
    return page;
  };
  const errorLinks = (page: Page) =>
    page.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'));
  const latest = async (id: string) => (await findLatestVersion(t.database.db, id))!;
  const definitionText = async (versionId: string) =>
    (
      await queryRows<{ definition: string }>(
        t.database.db,
        sql`select definition::text as definition from questionnaire_versions where id = ${versionId}`,
      )
    )[0]!.definition;
  const question = (def: Definition, id: string) => allQuestions(def).find((q) => q.id === id)!;
  /** A browser posts every field of the form; the test client only its hidden ones, so the rest is given. */
  const questionFields = (def: Definition, id: string, changes: Record<string, string>) => ({
    ...questionFormValues(question(def, id)),
    ...changes,
  });
  const flashAfter = async (client: TestClient, page: Page) => {
    expect(page.status).toBe(303);
    const next = ok(await client.follow(page));
    return next.doc.querySelector('.govuk-notification-banner__heading')?.text ?? '';
  };

  it('the national coordinator creates a questionnaire from the default template', async () => {
    const list = ok(await c.coordinator!.get(national));
    expect(list.body).toContain(DEFAULT_TEMPLATE_TITLE);
    const form = ok(await c.coordinator!.get(`${national}/nytt`));
    const chosen = form.doc.querySelector('#copyFrom option[selected]');
    expect(chosen?.text).toContain(DEFAULT_TEMPLATE_TITLE);

    const title = `Testformulär nationellt ${suffix}`;
    const duplicate = await c.coordinator!.submitOn(form, {
      title: DEFAULT_TEMPLATE_TITLE,
      copyFrom: chosen!.getAttribute('value')!,
    });
    ok(duplicate, 400);
    expect(errorLinks(duplicate)).toEqual(['#title']);

    const created = await c.coordinator!.submitOn(form, {
      title,
      copyFrom: chosen!.getAttribute('value')!,
    });
    expect(created.status).toBe(303);
    nationalId = created.location!.split('/').pop()!;
    const editor = ok(await c.coordinator!.follow(created));
    expect(editor.doc.querySelector('h1')?.text).toBe(title);
    expect(editor.doc.querySelectorAll('section h2').map((h) => h.text)).toEqual(
      defaultDefinition.sections.map((s) => s.title),
    );
    const v1 = await latest(nationalId);
    expect(v1.version).toBe(1);
    expect(v1.definition).toEqual(defaultDefinition);
    ok(await c.coordinator!.get(`${national}/${nationalId}/version/1`));
  });

  it('a change to a template no round uses is made in place, in the same version', async () => {
    const before = await latest(nationalId);
    const action = `${national}/${nationalId}/fragor/violence_explanation`;
    const saved = await c.coordinator!.submit(
      `${national}/${nationalId}`,
      questionFields(before.definition, 'violence_explanation', { label: 'Beskriv er bedömning noggrant' }),
      action,
    );
    expect(await flashAfter(c.coordinator!, saved)).toBe('Frågan är sparad.');
    const after = await latest(nationalId);
    expect(after.id).toBe(before.id);
    expect(after.version).toBe(1);
    expect(question(after.definition, 'violence_explanation').label).toBe('Beskriv er bedömning noggrant');
    // The condition and the rest of the question are kept.
    expect(question(after.definition, 'violence_explanation').showIf).toEqual({
      questionId: 'violence_risk',
      anyOf: ['3', '4', '5'],
    });
  });

  it('once a round uses the template, a change makes version 2 and version 1 stays byte for byte', async () => {
    const v1 = await latest(nationalId);
    await repo.insertRound(t.database.db, {
      scope: 'county',
      countyCode: '21',
      title: `Omgång med testformulär ${suffix}`,
      topic: 'Test',
      questionnaireVersionId: v1.id,
    });
    const v1Text = await definitionText(v1.id);
    const editor = ok(await c.coordinator!.get(`${national}/${nationalId}`));
    expect(editor.body).toContain('Används i en omgång');

    const saved = await c.coordinator!.submitOn(
      editor,
      questionFields(v1.definition, 'emerging_risks', { label: 'Vilka nya risker ser ni?', required: 'yes' }),
      `${national}/${nationalId}/fragor/emerging_risks`,
    );
    expect(await flashAfter(c.coordinator!, saved)).toBe(
      'Formuläret används i en omgång, så ändringen sparades som version 2.',
    );
    const v2 = await latest(nationalId);
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(v1.id);
    expect(question(v2.definition, 'emerging_risks')).toMatchObject({
      label: 'Vilka nya risker ser ni?',
      required: true,
    });
    expect(await definitionText(v1.id)).toBe(v1Text);
    expect(
      question((await findVersion(t.database.db, nationalId, 1))!.definition, 'emerging_risks').label,
    ).toBe('Vilka nytillkomna risker ser ni de närmaste månaderna?');

    // Version 2 is not in use: the next change stays in it.
    const again = await c.coordinator!.submit(
      `${national}/${nationalId}`,
      { direction: 'up' },
      `${national}/${nationalId}/fragor/emerging_risks/flytta`,
    );
    expect(await flashAfter(c.coordinator!, again)).toBe('Frågan är flyttad.');
    expect((await latest(nationalId)).version).toBe(2);
    expect(await definitionText(v1.id)).toBe(v1Text);

    const page = ok(await c.coordinator!.get(`${national}/${nationalId}`));
    expect(page.doc.querySelector(`a[href="${national}/${nationalId}/version/1"]`)).not.toBeNull();
    const old = ok(await c.coordinator!.get(`${national}/${nationalId}/version/1`));
    expect(old.body).toContain('Vilka nytillkomna risker ser ni de närmaste månaderna?');
    expect((await c.coordinator!.get(`${national}/${nationalId}/version/9`)).status).toBe(404);

    const audit = await queryRows<{
      action: string;
      before: { version: number };
      after: { version: number };
    }>(
      t.database.db,
      sql`select action, before, after from audit_log where entity_id = ${nationalId} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'questionnaire.created',
      'questionnaire.changed',
      'questionnaire.changed',
      'questionnaire.changed',
    ]);
    expect(audit.map((a) => [a.before?.version ?? null, a.after.version])).toEqual([
      [null, 1],
      [1, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it('a county admin builds its own questionnaire with sections and a conditional question', async () => {
    ok(await c.gavleborg!.get(county));
    const created = await c.gavleborg!.submit(`${county}/nytt`, {
      title: `Länets formulär ${suffix}`,
      copyFrom: '',
    });
    expect(created.status).toBe(303);
    countyId = created.location!.split('/').pop()!;
    const editor = ok(await c.gavleborg!.follow(created));
    expect(editor.body).toContain('Formuläret är tomt');
    expect((await latest(countyId)).definition).toEqual({ areas: [], sections: [] });

    const base = `${county}/${countyId}`;
    expect(
      await flashAfter(
        c.gavleborg!,
        await c.gavleborg!.submit(base, { title: 'Allmänt', description: '' }, `${base}/avsnitt`),
      ),
    ).toBe('Avsnittet ”Allmänt” är tillagt.');
    const add = (fields: Record<string, string>) =>
      c.gavleborg!.submit(base, { type: 'text', role: 'other', ...fields }, `${base}/avsnitt/allmant/fragor`);
    expect((await add({ type: 'yesno', label: 'Har ni en handlingsplan?', required: 'yes' })).status).toBe(
      303,
    );
    expect(
      (
        await add({
          label: 'Beskriv planen',
          help: 'Vad ingår?',
          showIfQuestion: 'har_ni_en_handlingsplan',
          showIfValues: 'Ja',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await add({
          type: 'single',
          label: 'Hur ofta följs planen upp?',
          'option-0-label': 'Varje år',
          'option-1-label': 'Vartannat år',
        })
      ).status,
    ).toBe(303);

    const def = (await latest(countyId)).definition;
    expect(allQuestions(def).map((q) => q.id)).toEqual([
      'har_ni_en_handlingsplan',
      'beskriv_planen',
      'hur_ofta_foljs_planen_upp',
    ]);
    expect(question(def, 'hur_ofta_foljs_planen_upp').options).toEqual([
      { value: 'varje_ar', label: 'Varje år' },
      { value: 'vartannat_ar', label: 'Vartannat år' },
    ]);
    const conditional = question(def, 'beskriv_planen');
    expect(conditional.showIf).toEqual({ questionId: 'har_ni_en_handlingsplan', anyOf: ['yes'] });
    expect(isShown(conditional, { har_ni_en_handlingsplan: 'yes' })).toBe(true);
    expect(isShown(conditional, { har_ni_en_handlingsplan: 'no' })).toBe(false);
    expect(isShown(conditional, {})).toBe(false);

    const preview = ok(await c.gavleborg!.get(`${base}/version/1`));
    expect(preview.body).toContain('Besvaras bara om svaret på ”Har ni en handlingsplan?” är Ja.');
  });

  it('invalid input is shown beside its field with the input kept, and nothing is written', async () => {
    const base = `${county}/${countyId}`;
    const before = await latest(countyId);
    const beforeText = await definitionText(before.id);
    const editor = ok(await c.gavleborg!.get(base));
    const addAction = `${base}/avsnitt/allmant/fragor`;

    const noLabel = await c.gavleborg!.submitOn(
      editor,
      { type: 'text', label: ' ', help: 'Min hjälptext', role: 'other' },
      addAction,
    );
    ok(noLabel, 400);
    expect(errorLinks(noLabel)).toEqual(['#add-allmant-label']);
    expect(noLabel.doc.querySelector('#add-allmant-label-error')?.text).toContain('Skriv frågan');
    expect(noLabel.doc.querySelector('#add-allmant-help')?.text).toBe('Min hjälptext');
    // Only the posted form shows the error and is opened.
    expect(noLabel.doc.querySelectorAll('.govuk-error-message')).toHaveLength(1);
    expect(noLabel.doc.querySelectorAll('details[open]')).toHaveLength(1);
    expect(
      noLabel.doc.querySelector('#add-allmant-label')?.closest('details')?.getAttribute('open'),
    ).toBeDefined();

    const oneOption = await c.gavleborg!.submitOn(
      editor,
      { type: 'single', label: 'Välj ett', 'option-0-label': 'Bara ett alternativ', role: 'other' },
      addAction,
    );
    ok(oneOption, 400);
    expect(errorLinks(oneOption)).toEqual(['#add-allmant-options']);
    expect(oneOption.doc.querySelector('#add-allmant-options-error')?.text).toContain(
      'Skriv minst två svarsalternativ',
    );
    expect(oneOption.doc.querySelector('#add-allmant-option-0-label')?.getAttribute('value')).toBe(
      'Bara ett alternativ',
    );
    expect(oneOption.doc.querySelector('#add-allmant-label')?.getAttribute('value')).toBe('Välj ett');

    const def = before.definition;
    const later = await c.gavleborg!.submitOn(
      editor,
      questionFields(def, 'beskriv_planen', {
        label: 'Beskriv planen kort',
        showIfQuestion: 'hur_ofta_foljs_planen_upp',
        showIfValues: 'varje_ar',
      }),
      `${base}/fragor/beskriv_planen`,
    );
    ok(later, 400);
    expect(errorLinks(later)).toEqual(['#question-beskriv_planen-showIfQuestion']);
    expect(later.doc.querySelector('#question-beskriv_planen-showIfQuestion-error')?.text).toContain(
      'kommer före',
    );
    expect(later.doc.querySelector('#question-beskriv_planen-label')?.getAttribute('value')).toBe(
      'Beskriv planen kort',
    );
    expect(
      later.doc
        .querySelector('#question-beskriv_planen-showIfQuestion option[selected]')
        ?.getAttribute('value'),
    ).toBe('hur_ofta_foljs_planen_upp');

    const wrongValue = await c.gavleborg!.submitOn(
      editor,
      questionFields(def, 'beskriv_planen', { showIfValues: 'kanske' }),
      `${base}/fragor/beskriv_planen`,
    );
    ok(wrongValue, 400);
    expect(wrongValue.doc.querySelector('#question-beskriv_planen-showIfValues-error')?.text).toContain(
      'Möjliga svar: Ja, Nej',
    );

    // Removing a question another depends on is refused with a message at the top.
    // Removing asks first (a page of its own); the removal is its form.
    const removal = `${base}/fragor/har_ni_en_handlingsplan/ta-bort`;
    const referenced = await c.gavleborg!.submit(removal, {}, removal);
    ok(referenced, 400);
    expect(referenced.doc.querySelector('.govuk-error-summary')?.text).toContain('Beskriv planen');

    expect(await definitionText(before.id)).toBe(beforeText);
    expect((await latest(countyId)).version).toBe(1);
  });

  it('moves and removes questions and sections', async () => {
    const base = `${county}/${countyId}`;
    await c.gavleborg!.submit(base, { title: 'Uppföljning', description: 'Hur det gick' }, `${base}/avsnitt`);
    const moved = await c.gavleborg!.submit(
      base,
      { direction: 'down' },
      `${base}/fragor/hur_ofta_foljs_planen_upp/flytta`,
    );
    expect(moved.status).toBe(303);
    let def = (await latest(countyId)).definition;
    expect(def.sections.map((s) => [s.id, s.questions.map((q) => q.id)])).toEqual([
      ['allmant', ['har_ni_en_handlingsplan', 'beskriv_planen']],
      ['uppfoljning', ['hur_ofta_foljs_planen_upp']],
    ]);
    expect(
      (await c.gavleborg!.submit(base, { direction: 'up' }, `${base}/avsnitt/uppfoljning/flytta`)).status,
    ).toBe(303);
    def = (await latest(countyId)).definition;
    expect(def.sections.map((s) => s.id)).toEqual(['uppfoljning', 'allmant']);
    const removeSection = `${base}/avsnitt/uppfoljning/ta-bort`;
    expect((await c.gavleborg!.submit(removeSection, {}, removeSection)).status).toBe(303);
    const removeQuestion = `${base}/fragor/beskriv_planen/ta-bort`;
    expect((await c.gavleborg!.submit(removeQuestion, {}, removeQuestion)).status).toBe(303);
    def = (await latest(countyId)).definition;
    expect(allQuestions(def).map((q) => q.id)).toEqual(['har_ni_en_handlingsplan']);
    ok(await c.gavleborg!.get(base));
  });

  it('a risk question takes the one risk scale: other steps or labels are refused beside their field', async () => {
    const created = await c.gavleborg!.submit(`${county}/nytt`, {
      title: `Länets riskformulär ${suffix}`,
      copyFrom: '',
    });
    expect(created.status).toBe(303);
    const base = `${county}/${created.location!.split('/').pop()!}`;
    const id = base.split('/').pop()!;
    const area = await c.gavleborg!.submit(base, { title: 'Bostäder', isArea: 'yes' }, `${base}/avsnitt`);
    expect(area.status).toBe(303);
    const editor = ok(await c.gavleborg!.get(base));
    const addAction = `${base}/avsnitt/bostader/fragor`;
    const risk = { type: 'scale', role: 'risk', area: 'bostader', label: 'Hur bedömer ni läget?' };

    const sevenSteps = await c.gavleborg!.submitOn(editor, { ...risk, scaleMax: '7' }, addAction);
    ok(sevenSteps, 400);
    expect(errorLinks(sevenSteps)).toEqual(['#add-bostader-scaleMax']);
    expect(sevenSteps.doc.querySelector('#add-bostader-scaleMax-error')?.text).toContain('1 till 5');

    const ownWords = await c.gavleborg!.submitOn(
      editor,
      { ...risk, scaleMax: '5', 'scaleLabel-1': 'Lugnt', 'scaleLabel-5': 'Kaos' },
      addAction,
    );
    ok(ownWords, 400);
    expect(errorLinks(ownWords)).toEqual(['#add-bostader-scaleLabel-1']);
    expect(ownWords.doc.querySelector('#add-bostader-scaleLabel-1-error')?.text).toContain(
      'Kritisk påverkan',
    );
    expect((await latest(id)).definition.sections[0]!.questions).toEqual([]);

    // Left empty, the steps and words are the risk scale's own.
    expect((await c.gavleborg!.submitOn(editor, { ...risk, allowUnknown: 'yes' }, addAction)).status).toBe(
      303,
    );
    expect(question((await latest(id)).definition, 'hur_bedomer_ni_laget').scale).toEqual(RISK_SCALE);
  });

  it('a county admin reaches neither another county’s questionnaires nor the national ones', async () => {
    const own = ok(await c.dalarna!.get('/dalarna/lagesbild/formular'));
    expect(own.body).not.toContain(`Länets formulär ${suffix}`);
    expect((await c.dalarna!.get(`/dalarna/lagesbild/formular/${countyId}`)).status).toBe(404);
    expect((await c.dalarna!.get(`/gavleborg/lagesbild/formular/${countyId}`)).status).toBe(404);
    expect((await c.dalarna!.get(`/dalarna/lagesbild/formular/${countyId}/version/1`)).status).toBe(404);
    const token = own.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!;
    expect(
      (
        await c.dalarna!.post(`/dalarna/lagesbild/formular/${countyId}/rubrik`, {
          _csrf: token,
          title: 'Kapat',
        })
      ).status,
    ).toBe(404);

    expect((await c.gavleborg!.get(national)).status).toBe(403);
    expect((await c.gavleborg!.get(`${national}/${nationalId}`)).status).toBe(403);
    expect((await c.gavleborg!.get(`${county}/${nationalId}`)).status).toBe(404);
    const token2 = ok(await c.gavleborg!.get(county))
      .doc.querySelector('input[name="_csrf"]')!
      .getAttribute('value')!;
    expect(
      (await c.gavleborg!.post(`${county}/${nationalId}/rubrik`, { _csrf: token2, title: 'Kapat' })).status,
    ).toBe(404);
    expect(
      (await c.gavleborg!.post(`${national}/${nationalId}/rubrik`, { _csrf: token2, title: 'Kapat' })).status,
    ).toBe(403);
    // National templates are readable, and copyable, from the county, but not editable there.
    const list = ok(await c.gavleborg!.get(county));
    expect(list.body).toContain(`Testformulär nationellt ${suffix}`);
    const preview = ok(await c.gavleborg!.get(`${county}/${nationalId}/version/2`));
    expect(preview.doc.querySelectorAll('main form[method="post"]')).toHaveLength(0);
    const nationalTitle = (await findQuestionnaire(t.database.db, nationalId))!.title;
    expect(nationalTitle).toBe(`Testformulär nationellt ${suffix}`);
    // The coordinator, in turn, does not reach a county's questionnaire.
    expect((await c.coordinator!.get(`${national}/${countyId}`)).status).toBe(404);
    expect((await c.coordinator!.get(`${county}/${countyId}`)).status).toBe(404);
  });
});
