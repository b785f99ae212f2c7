import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { stockholmDate, stockholmTime } from '../../platform/time.ts';
import { insertQuestionnaire, type Definition } from '../forms/index.ts';
import { findCountyBoard } from '../reference/index.ts';
import * as repo from './repository.ts';
import { createEvent, markAttendance, publishEvent, register } from './service.ts';

const DAY = 86_400_000;
const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * DAY));
const unique = () => Math.random().toString(36).slice(2, 8);

/** The event's own registration questions: how one takes part, and a free text about needs. */
const QUESTIONS: Definition = {
  areas: [],
  sections: [
    {
      id: 'anmalan',
      title: 'Frågor till deltagarna',
      questions: [
        {
          id: 'deltar',
          type: 'single',
          label: 'Hur deltar du?',
          required: true,
          role: 'other',
          options: [
            { value: 'plats', label: 'På plats' },
            { value: 'distans', label: 'På distans' },
          ],
        },
        { id: 'behov', type: 'text', label: 'Kost eller tillgänglighet', required: false, role: 'other' },
      ],
    },
  ],
};

/**
 * The registrant list as files (CSV and Excel, read back by csv-parse and exceljs) with the answers to the
 * event's questions, and two organisers acting at the same moment: on PGlite and on PostgreSQL.
 */
describe('registrant exports and organisers at the same moment', () => {
  let t: TestApp;
  let admin: TestUser, editor: TestUser;
  let c: { admin: TestClient; editor: TestClient };
  let board: string;

  beforeAll(async () => {
    t = await buildTestApp();
    [admin, editor] = await Promise.all([
      createTestUser(t.database.db, 'county_admin', { countyCode: '03' }),
      createTestUser(t.database.db, 'county_editor', { countyCode: '03' }),
    ]);
    c = { admin: new TestClient(t.app), editor: new TestClient(t.app) };
    await c.admin.login(admin.email, admin.password);
    await c.editor.login(editor.email, editor.password);
    board = (await findCountyBoard(t.database.db, '03'))!.id;
  });
  afterAll(() => t.close());

  /** A file as its bytes (the test client reads text). */
  async function download(client: TestClient, url: string) {
    const res = await t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
  }

  async function eventWithRegistrants() {
    const questions = await insertQuestionnaire(t.database.db, {
      scope: { owner: 'events', countyCode: '03' },
      title: 'Anmälningsfrågor',
      createdBy: admin.id,
      definition: QUESTIONS,
    });
    // It began an hour ago: attendance can be marked.
    const startsAt = new Date(Date.now() - 3_600_000);
    const before = new Date(startsAt.getTime() - 3 * DAY);
    const draft = await createEvent(t.app.deps, admin.actor, '03', {
      title: `Perspektivgemenskap ${unique()}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
      placeKind: 'digital',
      meetingLink: 'https://mote.example/rum',
      capacity: 2,
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [board],
      questionnaireVersionId: questions.id,
    });
    const event = await publishEvent(
      t.app.deps,
      admin.actor,
      { countyCode: '03', eventId: draft.id },
      before,
    );
    const people = [
      ['Åsa Öberg', 'Östhammars kommun', '0382', 'plats', 'Vegetarisk; glutenfri'],
      ['Linnéa "Lina" Berg', 'Region Uppsala', '0380', 'distans', '=1+1'],
      ['Bo Ek', 'Tierps kommun', '0360', 'plats', ''],
    ] as const;
    const made = [];
    for (const [name, org, municipality, how, needs] of people)
      made.push(
        await register(
          t.app.deps,
          { countyCode: '03', eventId: event.id },
          {
            name,
            email: `${unique()}@example.se`,
            organisationName: org,
            organisationType: org.startsWith('Region') ? 'region' : 'municipality',
            municipalityCode: municipality,
            consent: true,
            questionFields: { q_deltar: how, q_behov: needs },
          },
          before,
        ),
      );
    await markAttendance(t.app.deps, admin.actor, { countyCode: '03', eventId: event.id }, [
      { registrationId: made[0]!.registration.id, attended: true },
      { registrationId: made[1]!.registration.id, attended: false },
    ]);
    return { event, made };
  }

  it('the list shows each registrant’s answers; CSV and Excel hold the same rows, read back by their libraries', async () => {
    const { event, made } = await eventWithRegistrants();
    const page = await c.editor.get(`/uppsala/evenemang/${event.id}/anmalda`);
    const first = page.doc.querySelectorAll('tbody tr')[0]!.text;
    expect(first).toContain('Hur deltar du?: På plats');
    expect(first).toContain('Kost eller tillgänglighet: Vegetarisk; glutenfri');

    const expected = [
      [
        'Namn',
        'E-postadress',
        'Organisation',
        'Typ av organisation',
        'Kommun',
        'Status',
        'Utöver antalet platser',
        'Närvaro',
        'Anmäld',
        'Hur deltar du?',
        'Kost eller tillgänglighet',
      ],
      [
        'Åsa Öberg',
        made[0]!.registration.email!,
        'Östhammars kommun',
        'Kommun',
        'Östhammar',
        'Bekräftad',
        '',
        'Deltog',
        expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}$/),
        'På plats',
        'Vegetarisk; glutenfri',
      ],
      [
        'Linnéa "Lina" Berg',
        made[1]!.registration.email!,
        'Region Uppsala',
        'Region',
        'Uppsala',
        'Bekräftad',
        '',
        'Uteblev',
        expect.any(String),
        'På distans',
        // A formula typed by a registrant stays text.
        "'=1+1",
      ],
      [
        'Bo Ek',
        made[2]!.registration.email!,
        'Tierps kommun',
        'Kommun',
        'Tierp',
        'På väntelistan',
        '',
        '',
        expect.any(String),
        'På plats',
        '',
      ],
    ];

    const csv = await download(c.editor, `/uppsala/evenemang/${event.id}/anmalda.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain(`anmalda-${event.slug}.csv`);
    expect(parseCsv(csv.body, { bom: true, delimiter: ';' })).toEqual(expected);

    const xlsx = await download(c.editor, `/uppsala/evenemang/${event.id}/anmalda.xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
    const sheet = workbook.getWorksheet('Anmälda')!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push(expected[0]!.map((_, i) => row.getCell(i + 1).text)));
    // Excel keeps the text as written: the formula guard is the CSV's alone.
    expected[2]![10] = '=1+1';
    expect(rows).toEqual(expected);

    // Another county's admin gets no file.
    const vnorr = await createTestUser(t.database.db, 'county_admin', { countyCode: '22' });
    const other = new TestClient(t.app);
    await other.login(vnorr.email, vnorr.password);
    expect((await download(other, `/uppsala/evenemang/${event.id}/anmalda.xlsx`)).status).toBe(404);
    expect((await download(other, `/vasternorrland/evenemang/${event.id}/anmalda.csv`)).status).toBe(404);
  });

  it('answers to an earlier version of the questions stay in the export beside the current questions', async () => {
    const { event, made } = await eventWithRegistrants();
    // The organiser changes the questions: the needs question goes, a lunch question comes.
    const next = await insertQuestionnaire(t.database.db, {
      scope: { owner: 'events', countyCode: '03' },
      title: 'Anmälningsfrågor, ny version',
      createdBy: admin.id,
      definition: {
        ...QUESTIONS,
        sections: [
          {
            ...QUESTIONS.sections[0]!,
            questions: [
              QUESTIONS.sections[0]!.questions[0]!,
              { id: 'lunch', type: 'text', label: 'Äter du lunch?', required: false, role: 'other' },
            ],
          },
        ],
      },
    });
    await repo.updateEvent(t.database.db, event.id, { questionnaireVersionId: next.id }, admin.id);

    const csv = await download(c.editor, `/uppsala/evenemang/${event.id}/anmalda.csv`);
    const rows: string[][] = parseCsv(csv.body, { bom: true, delimiter: ';' });
    expect(rows[0]!.slice(9)).toEqual(['Hur deltar du?', 'Äter du lunch?', 'Kost eller tillgänglighet']);
    const first = rows.find((r) => r[1] === made[0]!.registration.email)!;
    expect(first.slice(9)).toEqual(['På plats', '', 'Vegetarisk; glutenfri']);
  });

  it('two organisers save the same event at once: one change is kept, the other is refused with its input', async () => {
    const startsAt = stockholmTime(day(20), 10, 0);
    const event = await createEvent(t.app.deps, admin.actor, '03', {
      title: 'Samtidigt ändrad',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      placeKind: 'address',
      address: 'Uppsala slott',
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [board],
    });
    const url = `/uppsala/evenemang/${event.id}/andra`;
    const [formA, formB] = await Promise.all([c.admin.get(url), c.editor.get(url)]);
    const fields = (page: Page, title: string) => {
      const input = (name: string) => page.doc.querySelector(`#${name}`)?.getAttribute('value') ?? '';
      return {
        title,
        startDate: input('startDate'),
        startTime: input('startTime'),
        endTime: input('endTime'),
        placeKind: 'address',
        address: 'Uppsala slott',
        costKind: 'free',
        registrationLastDay: input('registrationLastDay'),
        organisationIds: board,
        intent: 'save',
      };
    };
    const [a, b] = await Promise.all([
      c.admin.submitOn(formA, fields(formA, 'Ändrad av administratören')),
      c.editor.submitOn(formB, fields(formB, 'Ändrad av redaktören')),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const refused = a.status === 409 ? a : b;
    const kept = a.status === 303 ? 'Ändrad av administratören' : 'Ändrad av redaktören';
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('har ändrats av någon annan');
    expect(refused.doc.querySelector('#title')?.getAttribute('value')).not.toBe(kept);
    const row = (await repo.findEvent(t.database.db, '03', event.id))!;
    expect(row.title).toBe(kept);
    expect(row.version).toBe(event.version + 1);
  });

  it('one person added twice at the same moment is added once; the other is told beside the address', async () => {
    const startsAt = stockholmTime(day(15), 10, 0);
    const draft = await createEvent(t.app.deps, admin.actor, '03', {
      title: `Fullsatt ${unique()}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      placeKind: 'address',
      address: 'Uppsala slott',
      capacity: 1,
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [board],
    });
    const event = await publishEvent(t.app.deps, admin.actor, { countyCode: '03', eventId: draft.id });
    const url = `/uppsala/evenemang/${event.id}/anmalda/ny`;
    const [pageA, pageB] = await Promise.all([c.admin.get(url), c.editor.get(url)]);
    const person = { name: 'Dag Dahl', email: `dag.${unique()}@example.se`, organisationName: 'Heby kommun' };
    const [a, b] = await Promise.all([c.admin.submitOn(pageA, person), c.editor.submitOn(pageB, person)]);
    expect([a.status, b.status].sort()).toEqual([303, 400]);
    const refused = a.status === 400 ? a : b;
    expect(refused.doc.querySelector('#email-error')?.text).toContain('redan anmäld');
    const live = await repo.listRegistrations(t.database.db, event.id, ['confirmed']);
    expect(live.map((r) => r.email)).toEqual([person.email]);
  });
});
