import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findLatestVersion, insertQuestionnaire } from '../forms/index.ts';
import { findCountyBoard } from '../reference/index.ts';
import { sendEvaluations } from './evaluation.ts';
import { EVALUATION_DELAY_HOURS } from './lifecycle.ts';
import { findEvent, type EventRow } from './repository.ts';
import { createEvent, publishEvent } from './service.ts';

const DAY = 86_400_000;
const unique = () => Math.random().toString(36).slice(2, 8);
const text = (page: Page) => page.doc.querySelector('main')?.text.replace(/\s+/g, ' ') ?? '';

/**
 * The pages of the events' questions and evaluations through the app, as a browser without JavaScript uses
 * them: the county's builder with its ready-made dietary and accessibility questions, the public registration
 * form asking them (refused answers beside their field, kept), the registrant list and its CSV with the
 * answers, the organiser's evaluation page, and the attendee's evaluation page by the mail's link (once).
 */
describe('registration questions and the evaluation, page by page', () => {
  let t: TestApp;
  let admin: TestUser;
  let organiser: TestClient;
  let anon: TestClient;
  let boardId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    organiser = new TestClient(t.app);
    await organiser.login(admin.email, admin.password);
    anon = new TestClient(t.app);
    boardId = (await findCountyBoard(t.database.db, '03'))!.id;
  });
  afterAll(() => t.close());

  /** A published Uppsala event ten days ahead with these registration questions. */
  async function makeEvent(questionnaireVersionId: string | null = null): Promise<EventRow> {
    const day = stockholmDate(new Date(Date.now() + 10 * DAY));
    const startsAt = stockholmTime(day, 9, 0);
    const made = await createEvent(t.app.deps, admin.actor, '03', {
      title: `Frukostseminarium ${unique()}`,
      startsAt,
      endsAt: stockholmTime(day, 11, 0),
      placeKind: 'address',
      address: 'Länsstyrelsen, Hamnesplanaden 3, Uppsala',
      registrationClosesAt: endOfStockholmDay(stockholmDate(new Date(startsAt.getTime() - DAY))),
      organisationIds: [boardId],
      questionnaireVersionId,
    });
    return publishEvent(t.app.deps, admin.actor, { countyCode: '03', eventId: made.id });
  }

  /** A questionnaire built in the builder with both ready-made questions; its id. */
  async function builtQuestionnaire(): Promise<string> {
    const created = await organiser.submit('/uppsala/evenemang/formular/nytt', {
      title: `Anmälningsfrågor ${unique()}`,
      copyFrom: '',
    });
    expect(created.status).toBe(303);
    const id = /\/uppsala\/evenemang\/formular\/([0-9a-f-]{36})$/.exec(created.location ?? '')![1]!;
    for (const template of ['specialkost', 'tillganglighet']) {
      const added = await organiser.submit(
        `/uppsala/evenemang/formular/${id}`,
        { template },
        `/uppsala/evenemang/formular/${id}/fardiga-fragor`,
      );
      expect(added.status).toBe(303);
    }
    return id;
  }

  describe('the builder', () => {
    it('offers the dietary and accessibility questions ready-made, each added with one button', async () => {
      const list = await organiser.get('/uppsala/evenemang/formular');
      expect(list.status).toBe(200);
      const created = await organiser.submit('/uppsala/evenemang/formular/nytt', {
        title: `Frågor ${unique()}`,
        copyFrom: '',
      });
      const editor = created.location!;
      let page = await organiser.get(editor);
      expect(page.status).toBe(200);
      // The events' questionnaires have no risk areas and no lists of measures.
      expect(page.doc.querySelector('input[name="isArea"]')).toBeNull();
      expect(page.doc.querySelector('select[name="area"]')).toBeNull();
      expect(
        page.doc.querySelectorAll('select[name="type"] option').map((o) => o.getAttribute('value')),
      ).not.toContain('measures');
      const buttons = () =>
        page.doc
          .querySelectorAll('button[name="template"]')
          .map((b) => [b.getAttribute('value'), b.text.trim()]);
      expect(buttons()).toEqual([
        ['specialkost', 'Lägg till frågan om specialkost'],
        ['tillganglighet', 'Lägg till frågan om tillgänglighet'],
      ]);

      const added = await organiser.submitOn(page, { template: 'specialkost' }, `${editor}/fardiga-fragor`);
      expect(added.status).toBe(303);
      expect(added.location).toBe(`${editor}#fraga-specialkost`);
      page = await organiser.get(editor);
      expect(page.doc.querySelector('#avsnitt-fragor_till_deltagarna #fraga-specialkost')).not.toBeNull();
      expect(text(page)).toContain('Frågor till deltagarna');
      expect(text(page)).toContain('Behöver du specialkost?');
      expect(text(page)).toContain('Vilken annan specialkost eller allergi?');
      expect(text(page)).toContain(
        'Besvaras bara om svaret på ”Behöver du specialkost?” är Annan specialkost',
      );
      expect(text(page)).toContain('Frågan om specialkost finns i formuläret');
      expect(buttons()).toEqual([['tillganglighet', 'Lägg till frågan om tillgänglighet']]);

      // A stale page's second click is refused; an unknown template is named beside the buttons.
      const twice = await organiser.post(`${editor}/fardiga-fragor`, {
        _csrf: await organiser.csrfToken(),
        template: 'specialkost',
      });
      expect(twice.status).toBe(409);
      expect(text(twice)).toContain('Frågan om specialkost finns redan i formuläret.');
      const unknown = await organiser.post(`${editor}/fardiga-fragor`, {
        _csrf: await organiser.csrfToken(),
        template: 'okand',
      });
      expect(unknown.status).toBe(400);
      expect(unknown.doc.querySelector('#templates-template-error')?.text).toContain(
        'Välj en av de färdiga frågorna',
      );

      await organiser.submitOn(page, { template: 'tillganglighet' }, `${editor}/fardiga-fragor`);
      const id = editor.split('/').at(-1)!;
      const latest = await findLatestVersion(t.database.db, id);
      expect(latest!.definition.sections.map((s) => s.questions.map((q) => q.id))).toEqual([
        ['specialkost', 'specialkost_annan', 'tillganglighet', 'tillganglighet_annat'],
      ]);
    });

    it('leaves the lägesbild builder as it was: risk areas, no ready-made questions', async () => {
      const q = await insertQuestionnaire(t.database.db, {
        scope: { owner: 'situation', countyCode: '03' },
        title: `Lägesbild ${unique()}`,
        createdBy: admin.id,
        definition: { areas: [], sections: [{ id: 'a', title: 'A', questions: [] }] },
      });
      const page = await organiser.get(`/uppsala/lagesbild/formular/${q.questionnaireId}`);
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('input[name="isArea"]')).not.toBeNull();
      expect(page.doc.querySelector('button[name="template"]')).toBeNull();
      const missing = await organiser.post(
        `/uppsala/lagesbild/formular/${q.questionnaireId}/fardiga-fragor`,
        {
          _csrf: await organiser.csrfToken(),
          template: 'specialkost',
        },
      );
      expect(missing.status).toBe(404);
    });
  });

  /** Every field of the page's main form as a browser would send it (text, choices, ticked boxes). */
  const browserFields = (page: Page): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    const add = (name: string, value: string) => {
      const had = out[name];
      out[name] = had === undefined ? value : [...[had].flat(), value];
    };
    for (const el of page.doc
      .querySelector('main form[method="post"]')!
      .querySelectorAll('input, textarea, select')) {
      const name = el.getAttribute('name');
      const type = el.getAttribute('type');
      if (!name || name === '_csrf' || type === 'submit') continue;
      if ((type === 'checkbox' || type === 'radio') && el.getAttribute('checked') === undefined) continue;
      if (el.tagName === 'TEXTAREA') add(name, el.text);
      else if (el.tagName === 'SELECT')
        add(name, el.querySelector('option[selected]')?.getAttribute('value') ?? '');
      else add(name, el.getAttribute('value') ?? '');
    }
    return out;
  };
  const optionsOf = (page: Page) =>
    page.doc
      .querySelectorAll('select#questionnaireVersionId option')
      .map((o) => [o.getAttribute('value'), o.text, o.getAttribute('selected') !== undefined] as const);

  describe('the event form', () => {
    it('offers the county’s questionnaires for the registration questions; the service refuses another county’s beside the field', async () => {
      const id = await builtQuestionnaire();
      const v1 = (await findLatestVersion(t.database.db, id))!;
      const title = (await organiser.get(`/uppsala/evenemang/formular/${id}`)).doc.querySelector('h1')!.text;
      const event = await makeEvent();
      const url = `/uppsala/evenemang/${event.id}/andra`;
      let form = await organiser.get(url);
      expect(optionsOf(form)[0]).toEqual(['', 'Inga egna frågor', false]);
      expect(optionsOf(form)).toContainEqual([v1.id, `${title} (version 1)`, false]);

      const foreign = await insertQuestionnaire(t.database.db, {
        scope: { owner: 'events', countyCode: '22' },
        title: `Västernorrlands frågor ${unique()}`,
        createdBy: null,
        definition: { areas: [], sections: [] },
      });
      const refused = await organiser.submitOn(form, {
        ...browserFields(form),
        questionnaireVersionId: foreign.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.doc.querySelector('#questionnaireVersionId-error')?.text).toContain(
        'Välj ett formulär i listan',
      );

      const saved = await organiser.submitOn(form, { ...browserFields(form), questionnaireVersionId: v1.id });
      expect(saved.status).toBe(303);
      form = await organiser.get(url);
      expect(optionsOf(form).find(([, , selected]) => selected)?.[0]).toBe(v1.id);
      // The event is published, so its questions are frozen: a change in the builder makes version 2, and the
      // form offers it while the event keeps version 1 until another is chosen.
      const changed = await organiser.submit(
        `/uppsala/evenemang/formular/${id}`,
        { title: `${title} ändrad` },
        `/uppsala/evenemang/formular/${id}/rubrik`,
      );
      expect(changed.status).toBe(303);
      const section = v1.definition.sections[0]!.id;
      await organiser.submit(
        `/uppsala/evenemang/formular/${id}`,
        { type: 'text', label: 'Något mer vi behöver veta?', role: 'other' },
        `/uppsala/evenemang/formular/${id}/avsnitt/${section}/fragor`,
      );
      const v2 = (await findLatestVersion(t.database.db, id))!;
      expect(v2.version).toBe(2);
      form = await organiser.get(url);
      expect(optionsOf(form).filter(([value]) => value === v1.id || value === v2.id)).toEqual([
        [v1.id, `${title} ändrad (version 1)`, true],
        [v2.id, `${title} ändrad (version 2)`, false],
      ]);
      // A post without the field (another form of the event) keeps the questions.
      const fields = browserFields(form);
      delete fields.questionnaireVersionId;
      expect((await organiser.submitOn(form, fields)).status).toBe(303);
      expect((await findEvent(t.database.db, '03', event.id))!.questionnaireVersionId).toBe(v1.id);
    });
  });

  describe('the registration form with the ready-made questions', () => {
    it('asks them, refuses an "other" without its text beside the field (kept), and the list and CSV show the answers', async () => {
      const id = await builtQuestionnaire();
      const version = await findLatestVersion(t.database.db, id);
      const event = await makeEvent(version!.id);
      const path = `/uppsala/kalender/${event.slug}`;
      const page = await anon.get(path);
      const boxes = page.doc.querySelectorAll('input[name="q_specialkost"]');
      expect(boxes.map((b) => b.getAttribute('value'))).toEqual([
        'vegetarisk',
        'vegansk',
        'glutenfri',
        'laktosfri',
        'notfri',
        'annan',
      ]);
      expect(page.doc.querySelectorAll('input[name="q_tillganglighet"]').length).toBe(6);

      const email = `greta.${unique()}@kommun.example`;
      const fields = {
        name: 'Greta Grön',
        email,
        organisationName: 'Östhammars kommun',
        consent: 'yes',
        webbplats: '',
        q_specialkost: ['vegetarisk', 'annan'],
        q_tillganglighet: 'horslinga',
      };
      const refused = await anon.submitOn(page, fields, path);
      expect(refused.status).toBe(400);
      expect(refused.doc.querySelector('#q_specialkost_annan-error')?.text).toContain(
        'Vilken annan specialkost eller allergi?',
      );
      const checked = refused.doc
        .querySelectorAll('input[name="q_specialkost"][checked]')
        .map((b) => b.getAttribute('value'));
      expect(checked).toEqual(['vegetarisk', 'annan']);
      expect(refused.doc.querySelector('#name')?.getAttribute('value')).toBe('Greta Grön');

      const done = await anon.follow(
        await anon.submitOn(refused, { ...fields, q_specialkost_annan: 'Allergisk mot selleri' }, path),
      );
      expect(done.status).toBe(200);
      expect(done.doc.querySelector('h1')?.text).toBe('Tack för din anmälan');

      const list = await organiser.get(`/uppsala/evenemang/${event.id}/anmalda`);
      expect(text(list)).toContain('Behöver du specialkost?');
      expect(text(list)).toContain('Vegetarisk kost; Annan specialkost eller allergi');
      expect(text(list)).toContain('Allergisk mot selleri');
      expect(text(list)).toContain('Hörslinga');

      const csv = await organiser.get(`/uppsala/evenemang/${event.id}/anmalda.csv`);
      const rows: string[][] = parseCsv(csv.body.replace(/^\uFEFF/, ''), { delimiter: [';', ','] });
      const header = rows[0]!;
      const greta = rows.find((r) => r[0] === 'Greta Grön')!;
      const cell = (label: string) => greta[header.indexOf(label)];
      expect(cell('Behöver du specialkost?')).toBe('Vegetarisk kost; Annan specialkost eller allergi');
      expect(cell('Vilken annan specialkost eller allergi?')).toBe('Allergisk mot selleri');
      expect(cell('Behöver du något för att kunna delta?')).toBe('Hörslinga');
    });
  });

  describe('the evaluation', () => {
    const EVALUATION = {
      areas: [],
      sections: [
        {
          id: 'helhet',
          title: 'Helheten',
          questions: [
            {
              id: 'nytta',
              type: 'single' as const,
              label: 'Hade du nytta av dagen?',
              required: true,
              role: 'other' as const,
              options: [
                { value: 'mycket', label: 'Mycket' },
                { value: 'lite', label: 'Lite' },
                { value: 'inte', label: 'Inte alls' },
              ],
            },
            {
              id: 'mer',
              type: 'text' as const,
              label: 'Vad vill du höra mer om?',
              required: false,
              role: 'other' as const,
            },
          ],
        },
      ],
    };

    it('is chosen on the event’s page, goes out after the event, is answered once by its link and summarised without names', async () => {
      const event = await makeEvent();
      const path = `/uppsala/evenemang/${event.id}/utvardering`;
      let page = await organiser.get(path);
      expect(page.status).toBe(200);
      expect(text(page)).toContain('Evenemanget har ingen utvärdering.');

      const foreign = await insertQuestionnaire(t.database.db, {
        scope: { owner: 'events', countyCode: '22' },
        title: `Västernorrlands ${unique()}`,
        createdBy: null,
        definition: EVALUATION,
      });
      const refused = await organiser.submitOn(page, { questionnaireVersionId: foreign.id }, path);
      expect(refused.status).toBe(400);
      expect(refused.doc.querySelector('#questionnaireVersionId-error')?.text).toContain(
        'Välj ett formulär i listan',
      );

      const title = `Utvärdering ${unique()}`;
      const own = await insertQuestionnaire(t.database.db, {
        scope: { owner: 'events', countyCode: '03' },
        title,
        createdBy: admin.id,
        definition: EVALUATION,
      });
      page = await organiser.get(path);
      expect(page.doc.querySelectorAll('#questionnaireVersionId option').map((o) => o.text)).toContain(
        `${title} (version 1)`,
      );
      const chosen = await organiser.submitOn(page, { questionnaireVersionId: own.id }, path);
      expect(chosen.status).toBe(303);
      page = await organiser.get(path);
      expect(text(page)).toContain(`Utvärderingen använder formuläret ”${title} (version 1)”.`);
      expect(page.doc.querySelector('#questionnaireVersionId option[selected]')?.getAttribute('value')).toBe(
        own.id,
      );

      // Registrants, the event ends, the evaluation goes out.
      const people = ['Hedda Hjort', 'Ivar Ilander'].map((name) => ({
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}.${unique()}@kommun.example`,
      }));
      for (const p of people)
        await anon.submit(`/uppsala/kalender/${event.slug}`, {
          ...p,
          organisationName: 'Heby kommun',
          consent: 'yes',
          webbplats: '',
        });
      const sent = await sendEvaluations(
        t.app.deps,
        new Date(event.endsAt.getTime() + EVALUATION_DELAY_HOURS * 3_600_000),
        { eventIds: [event.id] },
      );
      expect(sent).toBe(2);
      const mails = await queryRows<{ to: string; text: string }>(
        t.database.db,
        sql`select payload->>'to' as "to", payload->>'text' as text from jobs
            where kind = 'mail.send' and payload->>'subject' = ${`Vad tyckte du? Utvärdering av ${event.title}`}`,
      );
      expect(mails.map((m) => m.to).sort()).toEqual(people.map((p) => p.email).sort());
      const linkOf = (email: string) =>
        new URL(/https?:\/\/\S+\/utvardering\/\S+/.exec(mails.find((m) => m.to === email)!.text)![0])
          .pathname;

      // The attendee's page: no account, no referrer, refused input kept, then once.
      const hedda = new TestClient(t.app);
      const link = linkOf(people[0]!.email);
      let answer = await hedda.get(link);
      expect(answer.status).toBe(200);
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
      expect(answer.doc.querySelector('h1')?.text).toBe(`Utvärdering av ${event.title}`);
      const missing = await hedda.submitOn(answer, { q_mer: 'Fler exempel från kommunerna' }, link);
      expect(missing.status).toBe(400);
      expect(missing.doc.querySelector('#q_nytta-error')?.text).toContain('Hade du nytta av dagen?');
      expect(missing.doc.querySelector('#q_mer')?.text).toBe('Fler exempel från kommunerna');
      const given = await hedda.submitOn(
        missing,
        { q_nytta: 'mycket', q_mer: 'Fler exempel från kommunerna' },
        link,
      );
      expect(given.status).toBe(303);
      answer = await hedda.follow(given);
      expect(answer.doc.querySelector('h1')?.text).toBe('Tack för dina svar');
      expect(answer.doc.querySelector('main form')).toBeNull();
      const again = await hedda.post(link, { _csrf: await hedda.csrfToken(), q_nytta: 'inte' });
      expect(again.status).toBe(409);
      expect((await anon.get('/utvardering/ingen-sadan-lank')).status).toBe(404);

      // The summary: counts per answer and the texts, nobody's name or address.
      page = await organiser.get(path);
      const summary = text(page);
      expect(summary).toContain('skickades');
      expect(summary).toContain('till 2 deltagare. 1 har svarat.');
      expect(summary).toContain('1 svar hittills.');
      const table = page.doc
        .querySelectorAll('main table')
        .find((tb) => tb.text.includes('Hade du nytta av dagen?'))!;
      expect(
        table
          .querySelectorAll('tbody tr')
          .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim())),
      ).toEqual([
        ['Mycket', '1', '100 %'],
        ['Lite', '0', '0 %'],
        ['Inte alls', '0', '0 %'],
      ]);
      expect(summary).toContain('Fler exempel från kommunerna');
      for (const p of people) {
        expect(summary).not.toContain(p.name);
        expect(summary).not.toContain(p.email);
      }
      // Sent: the questionnaire stays, and the page says why.
      expect(page.doc.querySelector('#questionnaireVersionId')).toBeNull();
      expect(summary).toContain('Utvärderingen är redan skickad till deltagarna');
      const late = await organiser.post(path, {
        _csrf: await organiser.csrfToken(),
        questionnaireVersionId: '',
      });
      expect(late.status).toBe(409);
      // The technical log names the route, never the link's token, the answers or who was asked.
      const log = t.logs.join('');
      expect(log).toContain('/utvardering/:token');
      expect(log).not.toContain(link.split('/').at(-1));
      expect(log).not.toContain('Fler exempel');
      for (const p of people) expect(log).not.toContain(p.email);
    });
  });
});
