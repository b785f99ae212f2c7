import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type Factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { ANSWER_LIMITS } from '../forms/index.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import * as repo from './repository.ts';

const AREAS = ['violence', 'children', 'substances', 'mental_health', 'unemployment', 'social_unrest'];
const VIOLENCE = 'Våld i nära relationer inklusive hedersrelaterat våld och förtryck';
const CHILDREN = 'Utsatta barn och familjer';

/**
 * The reporter's answer form as a task list: one area per page, drafts that keep everything typed (flagged,
 * never refused), strict validation only on submit with messages that name their place, measures added and
 * removed without JavaScript, and a session that ends while answering.
 */
describe('answering: a draft is a draft, one area per page', () => {
  let t: TestApp;
  let make: Factories;
  let reporter: TestUser;
  let client: TestClient;
  let orgId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    make = factories(t.app);
    reporter = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0382' });
    client = new TestClient(t.app);
    await client.login(reporter.email, reporter.password);
    orgId = (await findMunicipalityOrganisation(t.database.db, '0382'))!.id;
  });
  afterAll(() => t.close());

  const newAssignment = async () => {
    const { occasions } = await make.round({ county: '03' });
    const base = `/uppdrag/${occasions[0]!.id}/${orgId}`;
    return {
      occasionId: occasions[0]!.id,
      base,
      section: (id: string) => `${base}/avsnitt/${id}`,
      check: `${base}/kontrollera`,
    };
  };
  const stored = async (occasionId: string) => {
    const occasion = (await repo.findOccasion(t.database.db, occasionId))!;
    const respondent = (await repo.findRespondent(t.database.db, occasion.roundId, orgId))!;
    return repo.findResponse(t.database.db, occasionId, respondent.id);
  };
  /** What a browser without JavaScript sends from the page's answer form: every field as it stands. */
  const formState = (page: Page): Record<string, string | string[]> => {
    const out: Record<string, string[]> = {};
    const add = (name: string | undefined, value: string) => {
      if (name) (out[name] ??= []).push(value);
    };
    const form = page.doc.querySelector('main form.sv-answer-form');
    for (const el of form?.querySelectorAll('input, textarea, select') ?? []) {
      const name = el.getAttribute('name');
      const type = el.getAttribute('type');
      if (type === 'hidden' || type === 'submit') continue;
      if (el.tagName === 'TEXTAREA') add(name, el.text);
      else if (el.tagName === 'SELECT')
        add(name, el.querySelector('option[selected]')?.getAttribute('value') ?? '');
      else if (type === 'radio' || type === 'checkbox') {
        if (el.getAttribute('checked') !== undefined) add(name, el.getAttribute('value') ?? '');
      } else add(name, el.getAttribute('value') ?? '');
    }
    return out;
  };
  /** Changes some fields of an area's page and presses a button, as a browser would. */
  const fill = (page: Page, fields: Record<string, string>) =>
    client.submitOn(page, { ...formState(page), ...fields });
  const text = (page: Page, selector: string) => page.doc.querySelector(selector)?.text.trim() ?? '';
  const statuses = (page: Page) =>
    page.doc.querySelectorAll('.govuk-task-list__status').map((s) => s.text.trim());

  it('shows an overview with each area and its progress, one area per page, then a check page', async () => {
    const { base, section, check } = await newAssignment();
    const overview = await client.get(base);
    expect(overview.status).toBe(200);
    const links = overview.doc.querySelectorAll('a.govuk-task-list__link').map((a) => a.getAttribute('href'));
    expect(links).toEqual([...AREAS.map(section), section('emerging'), check]);
    expect(statuses(overview).slice(0, 7)).toEqual([...Array<string>(7).fill('Inte påbörjad')]);
    expect(text(overview, '#task-emerging-hint')).toBe('Frivilligt att besvara');

    const first = await client.get(section('violence'));
    expect(text(first, 'h1')).toBe(VIOLENCE);
    expect(text(first, '.govuk-caption-l, .govuk-caption-xl')).toContain('Område 1 av 7');
    // Only this area's questions are on its page.
    expect(first.doc.querySelector('#q_violence_risk-0')).not.toBeNull();
    expect(first.doc.querySelector('#q_children_risk-0')).toBeNull();
    const next = await client.submitOn(first, {
      q_violence_risk: '2',
      q_violence_change: 'unchanged',
      intent: 'next',
    });
    expect(next.status).toBe(303);
    expect(next.location).toBe(section('children'));
    expect(statuses(await client.get(base)).slice(0, 2)).toEqual(['Klar', 'Inte påbörjad']);

    // Saving one area leaves the others' answers as they were.
    const children = await client.get(section('children'));
    await fill(children, { q_children_risk: '4', intent: 'save' });
    const overviewAfter = await client.get(base);
    expect(statuses(overviewAfter).slice(0, 2)).toEqual(['Klar', 'Påbörjad']);
    expect(text(overviewAfter, 'main')).toContain('Du har gjort klart 1 av 7 områden');
    const last = await client.get(section('emerging'));
    expect(last.doc.querySelector('button[value="next"]')?.text).toContain('Spara och kontrollera svaren');
  });

  it('saves a draft with impossible dates, words for a date and a measure without status: all kept, flagged beside the field', async () => {
    const { occasionId, base, section, check } = await newAssignment();
    const page = await client.get(section('children'));
    const saved = await client.submitOn(page, {
      q_children_risk: '3',
      q_children_explanation: 'Fler orosanmälningar än förra året.',
      m_children_measures_0_description: 'Familjebehandling i hemmet',
      m_children_measures_0_status: 'planned',
      m_children_measures_0_startDate: '2026-13-45',
      m_children_measures_1_description: 'Läxhjälp på biblioteket',
      m_children_measures_1_status: '',
      m_children_measures_1_startDate: 'nästa vecka',
      intent: 'save',
    });
    expect(saved.status).toBe(303);
    const response = (await stored(occasionId))!;
    expect(response.answers.children_explanation).toBe('Fler orosanmälningar än förra året.');
    expect(response.invalidInput).toMatchObject({
      m_children_measures_0_startDate: '2026-13-45',
      m_children_measures_1_description: 'Läxhjälp på biblioteket',
      m_children_measures_1_startDate: 'nästa vecka',
    });

    const again = await client.follow(saved);
    expect(text(again, '.govuk-notification-banner')).toContain('Utkastet är sparat, med allt du skrivit');
    expect(again.doc.querySelector('#m_children_measures_0_startDate')?.getAttribute('value')).toBe(
      '2026-13-45',
    );
    expect(again.doc.querySelector('#m_children_measures_1_startDate')?.getAttribute('value')).toBe(
      'nästa vecka',
    );
    expect(text(again, '#m_children_measures_0_startDate-error')).toBe(
      `Fel: Åtgärd 1 under ${CHILDREN}: startdatumet 2026-13-45 finns inte: månaden ska vara 01–12`,
    );
    expect(text(again, '#m_children_measures_1_status-error')).toBe(
      `Fel: Åtgärd 2 under ${CHILDREN}: välj status (planerad eller vidtagen)`,
    );
    expect(text(again, '#m_children_measures_1_startDate-error')).toContain(
      'ange startdatum som ÅÅÅÅ-MM-DD, till exempel 2026-09-01',
    );
    // The summary at the top says the draft is saved and links to each flagged field on this page.
    expect(text(again, '.govuk-error-summary__title')).toContain('Utkastet är sparat');
    expect(again.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'))).toEqual([
      '#m_children_measures_0_startDate',
      '#m_children_measures_1_status',
      '#m_children_measures_1_startDate',
    ]);
    const overview = await client.get(base);
    expect(text(overview, '#task-children-hint')).toBe('3 svar behöver rättas');
    expect(statuses(overview)[1]).toBe('Påbörjad');

    // Submitting is where it is strict: nothing is sent, each message names its place, none repeats.
    const checkPage = await client.get(check);
    expect(text(checkPage, 'main')).toContain('nästa vecka');
    const refused = await client.submitOn(checkPage, { intent: 'submit' });
    expect(refused.status).toBe(400);
    expect(text(refused, '.govuk-error-summary__title')).toBe('Svaret är inte inskickat');
    const messages = refused.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.text);
    expect(new Set(messages).size).toBe(messages.length);
    expect(messages).toContain(
      `${VIOLENCE}: välj ett svar på ”Hur bedömer ni påverkan inom området ${VIOLENCE.toLowerCase()}?”`,
    );
    expect(messages).toContain(
      `${CHILDREN}: välj ett svar på ”Hur har läget förändrats sedan förra rapporteringstillfället?”`,
    );
    expect(messages).toContain(`Åtgärd 2 under ${CHILDREN}: välj status (planerad eller vidtagen)`);
    const hrefs = refused.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`${section('children')}#m_children_measures_1_status`);
    expect((await stored(occasionId))!.status).toBe('draft');

    // Fixed and completed, it goes in.
    for (const area of AREAS) {
      const p = await client.get(section(area));
      const fix: Record<string, string> =
        area === 'children'
          ? {
              m_children_measures_0_startDate: '2026-12-01',
              m_children_measures_1_status: 'taken',
              m_children_measures_1_startDate: '',
            }
          : {};
      await fill(p, {
        [`q_${area}_risk`]: '1',
        [`q_${area}_change`]: 'unchanged',
        ...fix,
        intent: 'next',
      });
    }
    const ready = await client.get(check);
    const sent = await client.submitOn(ready, { intent: 'submit' });
    expect(sent.status).toBe(303);
    const final = (await stored(occasionId))!;
    expect(final.status).toBe('submitted');
    expect(final.invalidInput).toEqual({});
    expect(final.answers.children_measures).toHaveLength(2);
  });

  it('says an impossible date does not exist, and keeps a text over its limit whole', async () => {
    const { occasionId, section } = await newAssignment();
    const long = 'Lång text. '.repeat(1000) + 'Slut.';
    const page = await client.get(section('violence'));
    // The form shows the same limit the validation holds answers to.
    expect(page.doc.querySelector('[data-maxlength]')?.getAttribute('data-maxlength')).toBe(
      String(ANSWER_LIMITS.text),
    );
    await client.submitOn(page, {
      q_violence_risk: '4',
      q_violence_explanation: long,
      m_violence_measures_0_description: 'Skyddat boende',
      m_violence_measures_0_status: 'taken',
      m_violence_measures_0_startDate: '2026-02-30',
      intent: 'save',
    });
    const response = (await stored(occasionId))!;
    expect(response.invalidInput.q_violence_explanation).toBe(long.trim());
    const again = await client.get(section('violence'));
    expect(text(again, '#q_violence_explanation-error')).toContain(
      'får ha högst 10\u00a0000 tecken (nu 11\u00a0005)',
    );
    expect(text(again, '#m_violence_measures_0_startDate-error')).toContain(
      'startdatumet 2026-02-30 finns inte: februari 2026 har 28 dagar',
    );
    expect(again.doc.querySelector('#q_violence_explanation')?.text).toBe(long.trim());
  });

  it('adds a measure without leaving the place on the page, and removes one', async () => {
    const { occasionId, section } = await newAssignment();
    const page = await client.get(section('substances'));
    const added = await client.submitOn(page, {
      m_substances_measures_0_description: 'Tillsyn av serveringstillstånd',
      m_substances_measures_0_status: 'taken',
      intent: 'add:substances_measures',
    });
    expect(added.status).toBe(303);
    expect(added.location).toBe(
      `${section('substances')}?ny-atgard=substances_measures#m_substances_measures_1_description`,
    );
    const two = await client.follow(added);
    expect(two.doc.querySelectorAll('.sv-measure')).toHaveLength(2);
    const withThree = await fill(two, {
      m_substances_measures_1_description: 'Föräldrautbildning',
      m_substances_measures_1_status: 'planned',
      intent: 'add:substances_measures',
    });
    const three = await client.follow(withThree);
    await fill(three, {
      m_substances_measures_2_description: 'Nattvandring',
      m_substances_measures_2_status: 'planned',
      intent: 'save',
    });
    const full = await client.get(section('substances'));
    expect(full.doc.querySelector('button[value="remove:substances_measures:1"]')?.text).toBe(
      'Ta bort åtgärd 2',
    );
    const removed = await fill(full, { intent: 'remove:substances_measures:1' });
    expect(removed.status).toBe(303);
    expect(removed.location).toBe(`${section('substances')}#q_substances_measures`);
    const measures = (await stored(occasionId))!.answers.substances_measures as Array<{
      description: string;
    }>;
    expect(measures.map((m) => m.description)).toEqual(['Tillsyn av serveringstillstånd', 'Nattvandring']);
  });

  it('the autosave gets the new version and the flags as JSON; a save that fails says the draft is not saved', async () => {
    const { section } = await newAssignment();
    const page = await client.get(section('violence'));
    const csrf = page.doc.querySelector('main input[name="_csrf"]')!.getAttribute('value')!;
    const autosave = (fields: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: page.url.replace(/\/avsnitt\/.*/, ''),
        headers: {
          accept: 'application/json',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          referer: `http://localhost${section('violence')}`,
        },
        payload: new URLSearchParams({
          _csrf: csrf,
          section: 'violence',
          intent: 'save',
          ...fields,
        }).toString(),
      });
    const first = await autosave({
      version: '0',
      m_violence_measures_0_description: 'Jour',
      m_violence_measures_0_startDate: '2026-02-30',
    });
    expect(first.statusCode).toBe(200);
    const body = first.json<{ ok: boolean; version: number; problems: Record<string, string> }>();
    expect(body.ok).toBe(true);
    expect(Object.keys(body.problems)).toEqual([
      'm_violence_measures_0_status',
      'm_violence_measures_0_startDate',
    ]);

    // Someone saved in between (an old version): nothing written, and the page says so.
    const stale = await autosave({ version: '0', q_violence_risk: '5' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ conflict: string }>().conflict).toContain('Dina ändringar är inte sparade');
    const conflictPage = await client.submitOn(page, { q_violence_risk: '5', intent: 'save' });
    expect(conflictPage.status).toBe(409);
    expect(text(conflictPage, '.govuk-error-summary__title')).toBe('Utkastet är inte sparat');
    expect(conflictPage.doc.querySelector('#q_violence_risk-4')?.getAttribute('checked')).toBeDefined();
  });

  it('a session that ends while answering: the autosave is told so, and signing in leads back to the form', async () => {
    const { section } = await newAssignment();
    const other = new TestClient(t.app);
    await other.login(reporter.email, reporter.password);
    const page = await other.get(section('violence'));
    // Signed out elsewhere: this session is gone from the server.
    await other.post('/logga-ut', {
      _csrf: page.doc.querySelector('input[name="_csrf"]')!.getAttribute('value')!,
    });
    const csrfCookie = other.cookies.get('csrf');
    expect(csrfCookie).toBeDefined();
    const cookie = [...other.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = page.doc.querySelector('main input[name="_csrf"]')!.getAttribute('value')!;
    const post = (accept: string, referer = `http://localhost${section('violence')}`) =>
      t.app.inject({
        method: 'POST',
        url: page.url.replace(/\/avsnitt\/.*/, ''),
        headers: {
          accept,
          'content-type': 'application/x-www-form-urlencoded',
          cookie,
          host: 'localhost',
          ...(referer ? { referer } : {}),
        },
        payload: new URLSearchParams({
          _csrf: csrf,
          version: '0',
          section: 'violence',
          q_violence_risk: '3',
        }).toString(),
      });
    const autosave = await post('application/json');
    expect(autosave.statusCode).toBe(401);
    const said = autosave.json<{ sessionEnded: boolean; loginUrl: string; errors: Record<string, string> }>();
    expect(said.sessionEnded).toBe(true);
    expect(said.loginUrl).toBe(`/logga-in?next=${encodeURIComponent(section('violence'))}`);
    // Without JavaScript the button leads to the sign-in page, and from there back to the same area.
    const button = await post('text/html');
    expect(button.statusCode).toBe(303);
    expect(button.headers.location).toBe(said.loginUrl);
    // A browser that sends no Referer comes back to the form's overview, the address the form was sent to.
    const blind = await post('text/html', '');
    expect(blind.headers.location).toBe(
      `/logga-in?next=${encodeURIComponent(page.url.replace(/\/avsnitt\/.*/, ''))}`,
    );
    const login = await other.get(said.loginUrl);
    expect(text(login, '.govuk-inset-text')).toContain('kommer du tillbaka till sidan du var på');
    const signedIn = await other.submitOn(login, { email: reporter.email, password: reporter.password });
    expect(signedIn.location).toBe(section('violence'));
  });

  it('a submitted answer is shown read-only: no fields, no buttons, no change links', async () => {
    const made = await make.response({ county: '03', municipality: '0382', status: 'submitted' });
    const base = `/uppdrag/${made.occasion.id}/${made.organisation.id}`;
    for (const url of [base, `${base}/avsnitt/violence`, `${base}/kontrollera`]) {
      const page = await client.get(url);
      expect(page.status).toBe(200);
      expect(
        page.doc.querySelectorAll('main input:not([type=hidden]), main textarea, main select'),
      ).toHaveLength(0);
      expect(page.doc.querySelector('main button')).toBeNull();
      expect(page.doc.querySelector('a.govuk-task-list__link')).toBeNull();
      expect(text(page, 'main')).not.toContain('Ändra');
    }
    expect(text(await client.get(base), 'main')).toContain('Svaret visas nedan och kan inte ändras');
  });
});
