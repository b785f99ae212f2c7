import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, testConfig, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { startTestSmtp, type TestSmtp } from '../../../tests/helpers/smtp.ts';
import { endOfStockholmDay, stockholmDate, stockholmTime } from '../../platform/time.ts';
import { findCountyBoard, findMunicipalityOrganisation } from '../reference/index.ts';
import * as repo from './repository.ts';
import type { EventInput } from './schemas.ts';
import { createEvent, createSeries, publishEvent, register } from './service.ts';

const DAY = 86_400_000;
const day = (offset: number) => stockholmDate(new Date(Date.now() + offset * DAY));
const unique = () => Math.random().toString(36).slice(2, 8);

/** A complete event form as a browser posts it, 30 days ahead unless told. */
function eventForm(extra: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: `Social hållbarhet ${unique()}`,
    summary: 'En eftermiddag med fokus på horisontella perspektiv.',
    description: 'Arbetet för **jämlikhet** utgår från mänskliga rättigheter.',
    targetGroup: 'Strateger, analytiker och chefer',
    themes: 'Social hållbarhet, Mänskliga rättigheter',
    startDate: day(30),
    startTime: '12.30',
    endTime: '15.45',
    endDate: '',
    placeKind: 'digital',
    address: 'Teams',
    meetingLink: 'https://mote.example/hemligt-rum',
    practicalInfo: 'Anslut fem minuter före start.',
    joiningInfoHoursBefore: '24',
    costKind: 'free',
    costAmount: '',
    capacity: '100',
    registrationOpens: '',
    registrationLastDay: day(25),
    seriesId: '',
    programme_0_time: '12.30',
    programme_0_title: 'Hur börjar vi resan?',
    programme_0_kind: 'talk',
    programme_0_speaker_0_name: 'Linnéa Berg',
    programme_0_speaker_0_title: 'utvecklingsledare',
    programme_0_speaker_0_organisation: 'Länsstyrelsen',
    programme_1_time: '13.45',
    programme_1_title: 'Paus',
    programme_1_kind: 'break',
    contact_0_name: 'Erik Ek',
    contact_0_organisation: 'Länsstyrelsen',
    contact_0_email: 'erik.ek@example.se',
    contact_0_phone: '',
    intent: 'save',
    ...extra,
  };
}

describe('the organiser pages of events', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let admin: TestUser, editor: TestUser, council: TestUser;
  let c: Record<'admin' | 'editor' | 'council', TestClient>;
  let board: string;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await buildTestApp({ config: testConfig({ SMTP_URL: smtp.url }) });
    const db = t.database.db;
    [admin, editor, council] = await Promise.all([
      createTestUser(db, 'county_admin', { countyCode: '03' }),
      createTestUser(db, 'county_editor', { countyCode: '03' }),
      createTestUser(db, 'council_member', { countyCode: '03' }),
    ]);
    c = { admin: new TestClient(t.app), editor: new TestClient(t.app), council: new TestClient(t.app) };
    await c.admin.login(admin.email, admin.password);
    await c.editor.login(editor.email, editor.password);
    await c.council.login(council.email, council.password);
    board = (await findCountyBoard(db, '03'))!.id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const errorLinks = (page: Page) =>
    page.doc.querySelectorAll('.govuk-error-summary a').map((a) => a.getAttribute('href'));
  const errorOf = (page: Page, field: string) => page.doc.querySelector(`#${field}-error`)?.text.trim() ?? '';
  const valueOf = (page: Page, field: string) =>
    page.doc.querySelector(`#${field}`)?.getAttribute('value') ??
    page.doc.querySelector(`textarea#${field}`)?.text ??
    page.doc.querySelector(`select#${field} option[selected]`)?.getAttribute('value');
  /** Every field of the page's main form as a browser would send it (text, choices, ticked boxes). */
  const browserFields = (page: Page): Record<string, string | string[]> => {
    const out: Record<string, string | string[]> = {};
    const add = (name: string, value: string) => {
      const had = out[name];
      out[name] = had === undefined ? value : [...[had].flat(), value];
    };
    const form = page.doc.querySelector('main form[method="post"]')!;
    for (const el of form.querySelectorAll('input, textarea, select')) {
      const name = el.getAttribute('name');
      const type = el.getAttribute('type');
      if (!name || name === '_csrf' || type === 'submit') continue;
      if ((type === 'checkbox' || type === 'radio') && el.getAttribute('checked') === undefined) continue;
      if (el.tagName === 'TEXTAREA') add(name, el.text);
      else if (el.tagName === 'SELECT')
        add(
          name,
          el.querySelector('option[selected]')?.getAttribute('value') ??
            el.querySelector('option')?.getAttribute('value') ??
            '',
        );
      else add(name, el.getAttribute('value') ?? '');
    }
    return out;
  };
  const countyEvents = async () => (await repo.listEvents(t.database.db, { countyCode: '03' })).length;
  const ref = (eventId: string) => ({ countyCode: '03', eventId });

  /** An event made through the service (published unless a draft is asked for). */
  async function makeEvent(input: Partial<EventInput> = {}, publish = true) {
    const startsAt = input.startsAt ?? stockholmTime(day(20), 13, 0);
    const event = await createEvent(t.app.deps, admin.actor, '03', {
      title: `Föreläsning ${unique()}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      placeKind: 'digital',
      meetingLink: 'https://mote.example/rum',
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [board],
      ...input,
    });
    return publish
      ? publishEvent(t.app.deps, admin.actor, ref(event.id), new Date(startsAt.getTime() - 10 * DAY))
      : event;
  }

  /** A public registration (as its page would make it), at `now`. */
  const registerAs = (eventId: string, name: string, municipalityCode = '0380', now = new Date()) =>
    register(
      t.app.deps,
      ref(eventId),
      {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}.${unique()}@example.se`,
        organisationName: `${name.split(' ')[1]} AB`,
        organisationType: 'municipality',
        municipalityCode,
        consent: true,
        questionFields: {},
      },
      now,
    );

  it('lists the county’s events for its admins and editors, with the button to create one', async () => {
    const draft = await makeEvent({ title: `Utkastet ${unique()}` }, false);
    const page = await c.editor.get('/uppsala/evenemang');
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.text).toBe('Evenemang');
    expect(page.doc.querySelector('a.govuk-button[href="/uppsala/evenemang/nytt"]')?.text.trim()).toBe(
      'Skapa evenemang',
    );
    const drafts = page.doc
      .querySelectorAll('table')
      .find((tb) => tb.querySelector('caption')?.text === 'Utkast');
    expect(drafts?.text).toContain(draft.title);
    // The menu names the page for those who may see it, and not for a council member.
    expect(page.doc.querySelector('#navigation a[href="/uppsala/evenemang"]')?.text).toBe('Evenemang');
    const other = await c.council.get('/uppsala/start');
    expect(other.doc.querySelector('#navigation a[href="/uppsala/evenemang"]')).toBeNull();
    expect((await c.council.get('/uppsala/evenemang')).status).toBe(404);
  });

  it('refuses bad input beside each field, keeps everything typed and saves nothing', async () => {
    const before = await countyEvents();
    const year = day(0).slice(0, 4);
    const page = await c.admin.submit('/uppsala/evenemang/nytt', {
      ...eventForm({
        title: '',
        startDate: `${year}-02-30`,
        startTime: '25.10',
        endTime: 'halv fyra',
        registrationLastDay: `${year}-13-01`,
        registrationOpens: 'i morgon',
        costKind: 'amount',
        costAmount: 'femtio',
        capacity: 'många',
        programme_1_time: '13:75',
        contact_0_email: 'erik(at)example.se',
      }),
    });
    expect(page.status).toBe(400);
    expect(errorLinks(page)).toEqual(
      expect.arrayContaining([
        '#title',
        '#startDate',
        '#startTime',
        '#endTime',
        '#registrationLastDay',
        '#registrationOpens',
        '#costAmount',
        '#capacity',
        '#programme_1_time',
        '#contact_0_email',
      ]),
    );
    expect(errorOf(page, 'startDate')).toContain(`Datumet ${year}-02-30 finns inte: februari ${year} har`);
    expect(errorOf(page, 'registrationLastDay')).toContain('finns inte: månaden ska vara 01–12');
    expect(errorOf(page, 'startTime')).toContain('Starttiden 25.10 finns inte');
    expect(errorOf(page, 'endTime')).toContain('Ange sluttiden som TT.MM');
    expect(errorOf(page, 'costAmount')).toContain('belopp i kronor');
    expect(errorOf(page, 'programme_1_time')).toContain('Tiden 13:75 finns inte');
    expect(errorOf(page, 'contact_0_email')).toContain('namn@exempel.se');
    expect(errorOf(page, 'title')).toBe('Fel: Ange en rubrik');
    // Everything typed is there again, the rows too.
    expect(valueOf(page, 'startDate')).toBe(`${year}-02-30`);
    expect(valueOf(page, 'capacity')).toBe('många');
    expect(valueOf(page, 'programme_0_speaker_0_name')).toBe('Linnéa Berg');
    expect(valueOf(page, 'programme_1_kind')).toBe('break');
    expect(valueOf(page, 'description')).toBe('Arbetet för **jämlikhet** utgår från mänskliga rättigheter.');
    expect(page.doc.querySelector('#costKind-1')?.getAttribute('checked')).toBeDefined();
    expect(await countyEvents()).toBe(before);

    // Rules across fields: an end before the start, the last day after the event, an item outside it.
    const crossed = await c.admin.submit('/uppsala/evenemang/nytt', {
      ...eventForm({
        endTime: '11.00',
        registrationLastDay: day(31),
        programme_1_time: `${day(31)} 09.00`,
        organisationIds: [],
      }),
    });
    expect(crossed.status).toBe(400);
    expect(errorOf(crossed, 'endTime')).toContain('Slutet måste vara efter starten');
    expect(errorOf(crossed, 'organisationIds')).toContain('Välj minst en arrangör');
    expect(await countyEvents()).toBe(before);
  });

  it('adds and removes programme items, speakers and contacts without JavaScript, saving nothing', async () => {
    const before = await countyEvents();
    const form = await c.admin.get('/uppsala/evenemang/nytt');
    expect(form.status).toBe(200);
    // A new event is organised by the county board unless the organiser chooses otherwise.
    expect(
      form.doc.querySelector(`input[name="organisationIds"][value="${board}"]`)?.getAttribute('checked'),
    ).toBeDefined();
    const fields = eventForm();
    const added = await c.admin.submitOn(form, { ...fields, organisationIds: board, intent: 'add-item' });
    expect(added.status).toBe(200);
    expect(added.doc.querySelectorAll('.sv-measure[id^="programme-"]')).toHaveLength(3);
    expect(added.doc.querySelector('#programme_2_time')?.getAttribute('autofocus')).toBeDefined();
    expect(valueOf(added, 'programme_0_title')).toBe('Hur börjar vi resan?');
    expect(valueOf(added, 'title')).toBe(fields.title);

    const speaker = await c.admin.submitOn(added, {
      ...fields,
      programme_2_time: '14.00',
      programme_2_title: 'Trollhättan har skapat ett politiskt driv',
      programme_2_kind: 'talk',
      programme_2_speaker_0_name: 'Katarina Nyström',
      intent: 'add-speaker:2',
    });
    expect(speaker.status).toBe(200);
    expect(speaker.doc.querySelector('#programme_2_speaker_1_name')?.getAttribute('autofocus')).toBeDefined();

    // Removing the first item renumbers the rest: the third becomes the second.
    const removed = await c.admin.submitOn(speaker, {
      ...fields,
      programme_2_time: '14.00',
      programme_2_title: 'Trollhättan har skapat ett politiskt driv',
      programme_2_kind: 'talk',
      programme_2_speaker_0_name: 'Katarina Nyström',
      programme_2_speaker_1_name: 'Monica Holm',
      intent: 'remove-item:0',
    });
    expect(removed.status).toBe(200);
    expect(valueOf(removed, 'programme_0_title')).toBe('Paus');
    expect(valueOf(removed, 'programme_1_title')).toBe('Trollhättan har skapat ett politiskt driv');
    expect(valueOf(removed, 'programme_1_speaker_1_name')).toBe('Monica Holm');
    expect(removed.doc.querySelector('#programme_2_title')).toBeNull();

    const contact = await c.admin.submitOn(removed, { ...fields, intent: 'add-contact' });
    expect(contact.doc.querySelector('#contact_1_name')?.getAttribute('autofocus')).toBeDefined();
    expect(await countyEvents()).toBe(before);
  });

  it('creates an event with its programme in Swedish time, and publishes it where the policy allows', async () => {
    const fields = eventForm({ organisationIds: board, capacity: '', costKind: 'amount', costAmount: '450' });
    const created = await c.editor.submit('/uppsala/evenemang/nytt', fields);
    expect(created.status).toBe(303);
    const eventId = /\/uppsala\/evenemang\/([0-9a-f-]{36})$/.exec(created.location ?? '')![1]!;
    const stored = (await repo.findEvent(t.database.db, '03', eventId))!;
    expect(stored.status).toBe('draft');
    expect(stored.startsAt).toEqual(stockholmTime(day(30), 12, 30));
    expect(stored.endsAt).toEqual(stockholmTime(day(30), 15, 45));
    expect(stored.registrationClosesAt).toEqual(endOfStockholmDay(day(25)));
    expect(stored.costOre).toBe(45_000);
    expect(stored.capacity).toBeNull();
    expect(stored.themes).toEqual(['Social hållbarhet', 'Mänskliga rättigheter']);
    expect(stored.contacts).toEqual([
      { name: 'Erik Ek', organisation: 'Länsstyrelsen', email: 'erik.ek@example.se' },
    ]);
    const programme = await repo.listProgramme(t.database.db, eventId);
    expect(programme.map((p) => [stockholmDate(p.startsAt), p.title, p.kind, p.speakers])).toEqual([
      [
        day(30),
        'Hur börjar vi resan?',
        'talk',
        [{ name: 'Linnéa Berg', title: 'utvecklingsledare', organisation: 'Länsstyrelsen' }],
      ],
      [day(30), 'Paus', 'break', []],
    ]);

    const page = await c.editor.follow(created);
    expect(page.doc.querySelector('h1')?.text).toBe(fields.title);
    expect(page.doc.querySelector('.govuk-notification-banner')?.text).toContain('är sparat');
    const main = page.doc.querySelector('main')!.text;
    expect(main).toContain('12.30 Hur börjar vi resan?');
    expect(main).toContain('Linnéa Berg, utvecklingsledare, Länsstyrelsen');
    expect(main).toContain('450 kr');
    // The description is shown as the calendar shows it: Markdown, sanitised.
    expect(page.doc.querySelector('main .sv-event-description strong')?.text).toBe('jämlikhet');
    expect(main).toContain('Skickas bara till de anmälda');
    // A draft: it may be published, changed and cancelled.
    const actions = () => [
      ...page.doc.querySelectorAll('main form[method="post"] button').map((b) => b.text.trim()),
      ...page.doc.querySelectorAll('main nav a').map((a) => a.text.trim()),
    ];
    expect(actions()).toEqual(
      expect.arrayContaining(['Publicera evenemanget', 'Ändra evenemanget', 'Ställ in evenemanget']),
    );
    expect(actions()).not.toContain('Evenemangets sida i kalendern');

    const published = await c.editor.submitOn(page, {}, `/uppsala/evenemang/${eventId}/publicera`);
    expect(published.status).toBe(303);
    const after = await c.editor.follow(published);
    expect(after.doc.querySelector('.govuk-notification-banner')?.text).toContain('är publicerat');
    expect(after.doc.querySelector('main form[action$="/publicera"]')).toBeNull();
    expect(after.doc.querySelector(`main nav a[href="/uppsala/kalender/${stored.slug}"]`)).not.toBeNull();
    // Publishing twice is refused with the reason, on the event's page.
    const again = await c.editor.submitOn(page, {}, `/uppsala/evenemang/${eventId}/publicera`);
    expect(again.status).toBe(409);
    expect(again.doc.querySelector('.govuk-error-summary')?.text).toContain(
      'Evenemanget är redan publicerat.',
    );
  });

  it('changes an event: the form holds what it has, keeps what it does not show, and refuses a stale version', async () => {
    const event = await makeEvent({
      programme: [
        { startsAt: stockholmTime(day(20), 13, 0), title: 'Inledning', speakers: [{ name: 'Anna Ås' }] },
        { startsAt: stockholmTime(day(21), 9, 0), title: 'Dag två', kind: 'discussion' },
      ],
      endsAt: stockholmTime(day(21), 12, 0),
      recordingUrl: 'https://film.example/inspelning',
      offerHours: 12,
    });
    const url = `/uppsala/evenemang/${event.id}/andra`;
    const form = await c.admin.get(url);
    expect(form.status).toBe(200);
    expect(valueOf(form, 'startTime')).toBe('13.00');
    expect(valueOf(form, 'endDate')).toBe(day(21));
    expect(valueOf(form, 'programme_0_time')).toBe('13.00');
    expect(valueOf(form, 'programme_1_time')).toBe(`${day(21)} 09.00`);
    expect(valueOf(form, 'programme_1_kind')).toBe('discussion');
    expect(valueOf(form, 'programme_0_speaker_0_name')).toBe('Anna Ås');

    const saved = await c.admin.submitOn(form, {
      ...browserFields(form),
      title: 'Ny rubrik',
      programme_0_title: 'Välkomna',
    });
    expect(saved.status).toBe(303);
    const row = (await repo.findEvent(t.database.db, '03', event.id))!;
    expect(row.title).toBe('Ny rubrik');
    expect(row.recordingUrl).toBe('https://film.example/inspelning');
    expect(row.offerHours).toBe(12);
    expect(row.slug).toBe(event.slug);
    expect((await repo.listProgramme(t.database.db, event.id)).map((p) => p.title)).toEqual([
      'Välkomna',
      'Dag två',
    ]);

    // The form read before that save is stale now: refused, the input kept, nothing written.
    const stale = await c.admin.submitOn(form, { ...browserFields(form), title: 'Min rubrik' });
    expect(stale.status).toBe(409);
    expect(stale.doc.querySelector('.govuk-error-summary')?.text).toContain('har ändrats av någon annan');
    expect(valueOf(stale, 'title')).toBe('Min rubrik');
    expect((await repo.findEvent(t.database.db, '03', event.id))!.title).toBe('Ny rubrik');
  });

  it('cancels an event with a message, and every registrant is told by mail', async () => {
    const event = await makeEvent({ capacity: 1 });
    const first = await registerAs(event.id, 'Alma Lund');
    const waiting = await registerAs(event.id, 'Bo Strand');
    expect([first.status, waiting.status]).toEqual(['confirmed', 'waiting']);
    const page = await c.admin.get(`/uppsala/evenemang/${event.id}/stall-in`);
    expect(page.doc.querySelector('.govuk-warning-text')?.text).toContain('Alla 2 anmälda');
    const tooLong = await c.admin.submitOn(page, { note: 'x'.repeat(2_001) });
    expect(tooLong.status).toBe(400);
    expect(errorOf(tooLong, 'note')).toMatch(/högst 2\s000 tecken \(nu 2\s001\)/);
    const cancelled = await c.admin.submitOn(page, { note: 'Föreläsaren är sjuk. Ett nytt datum kommer.' });
    expect(cancelled.status).toBe(303);
    const after = await c.admin.follow(cancelled);
    expect(after.doc.querySelector('.govuk-notification-banner')?.text).toContain('2 anmälda får ett mejl');
    expect(after.doc.querySelector('main')!.text).toContain('Föreläsaren är sjuk.');
    // A cancelled event may no longer be changed, published or cancelled: the buttons are gone.
    expect(after.doc.querySelectorAll('main nav a').map((a) => a.text.trim())).not.toEqual(
      expect.arrayContaining(['Ändra evenemanget']),
    );
    expect(after.doc.querySelector('main a[href$="/stall-in"]')).toBeNull();
    expect((await c.admin.get(`/uppsala/evenemang/${event.id}/andra`)).status).toBe(409);

    await t.app.jobs.runDue();
    for (const r of [first, waiting]) {
      const mail = await smtp.waitFor(
        (m) =>
          JSON.stringify(m.to).includes(r.registration.email!) && (m.subject ?? '').startsWith('Inställt'),
      );
      expect(mail.subject).toBe(`Inställt: ${event.title}`);
      expect(mail.text).toContain('Föreläsaren är sjuk.');
    }
  });

  it('lists registrants with their status; adds one beyond the capacity, gives a place, cancels one, writes to all', async () => {
    const event = await makeEvent({ capacity: 1 });
    const alma = await registerAs(event.id, 'Alma Lund');
    const bo = await registerAs(event.id, 'Bo Strand');
    const list = `/uppsala/evenemang/${event.id}/anmalda`;
    const page = await c.editor.get(list);
    expect(page.status).toBe(200);
    const rows = () =>
      page.doc
        .querySelectorAll('tbody tr')
        .map((tr) => tr.querySelectorAll('th, td').map((td) => td.text.trim()));
    expect(rows().map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['Alma Lund', 'Lund AB', alma.registration.email, 'Bekräftad'],
      ['Bo Strand', 'Strand AB', bo.registration.email, 'På väntelistan (plats 1)'],
    ]);
    // Before the event starts there is no attendance to mark.
    expect(page.doc.querySelector('form[action$="/narvaro"]')).toBeNull();

    // Someone added deliberately, beyond the capacity: confirmed, before the waiting list.
    const addUrl = `/uppsala/evenemang/${event.id}/anmalda/ny`;
    const addPage = await c.editor.get(addUrl);
    expect(addPage.doc.querySelector('.govuk-warning-text')?.text).toContain('utöver antalet platser');
    const bad = await c.editor.submitOn(addPage, {
      name: 'Cilla Berg',
      email: 'cilla',
      organisationName: '',
    });
    expect(bad.status).toBe(400);
    expect(errorLinks(bad)).toEqual(['#email', '#organisationName']);
    expect(valueOf(bad, 'name')).toBe('Cilla Berg');
    const added = await c.editor.submitOn(addPage, {
      name: 'Cilla Berg',
      email: `cilla.${unique()}@example.se`,
      organisationName: 'Region Uppsala',
      organisationType: 'region',
      municipalityCode: '0380',
    });
    expect(added.status).toBe(303);
    expect((await c.editor.follow(added)).doc.querySelector('.govuk-notification-banner')?.text).toContain(
      'tillagd utöver antalet platser',
    );

    // Bo, on the waiting list, is given a place (asked first).
    const give = await c.editor.get(`${list}/${bo.registration.id}/ge-plats`);
    expect(give.doc.querySelector('main p')?.text).toContain('utöver antalet platser');
    expect((await c.editor.submitOn(give, {})).status).toBe(303);
    // Alma is cancelled by the organiser (asked first).
    const cancel = await c.editor.get(`${list}/${alma.registration.id}/avboka`);
    expect(cancel.doc.querySelector('h1')?.text).toBe('Avboka Alma Lund');
    expect((await c.editor.submitOn(cancel, {})).status).toBe(303);
    const statuses = (await repo.listRegistrations(t.database.db, event.id)).map((r) => [
      r.name,
      r.status,
      r.beyondCapacity,
    ]);
    expect(statuses).toEqual([
      ['Alma Lund', 'cancelled', false],
      ['Bo Strand', 'confirmed', true],
      ['Cilla Berg', 'confirmed', true],
    ]);
    // Cancelling her again is refused with the reason.
    const twice = await c.editor.submitOn(cancel, {});
    expect(twice.status).toBe(409);
    expect(twice.doc.querySelector('.govuk-error-summary')?.text).toContain('Anmälan är redan avbokad.');

    // A message to all with a place.
    const message = await c.editor.get(`/uppsala/evenemang/${event.id}/meddelande`);
    const empty = await c.editor.submitOn(message, { subject: '', text: '' });
    expect(empty.status).toBe(400);
    expect(errorLinks(empty)).toEqual(['#subject', '#text']);
    const sent = await c.editor.submitOn(message, {
      to: 'confirmed',
      subject: 'Ändrad lokal',
      text: 'Vi ses i sal B i stället.',
    });
    expect(sent.status).toBe(303);
    expect((await c.editor.follow(sent)).doc.querySelector('.govuk-notification-banner')?.text).toContain(
      'skickas till 2 anmälda',
    );
    await t.app.jobs.runDue();
    const mail = await smtp.waitFor(
      (m) =>
        JSON.stringify(m.to).includes(bo.registration.email!) && (m.subject ?? '').startsWith('Ändrad lokal'),
    );
    expect(mail.text).toContain('Vi ses i sal B i stället.');
  });

  it('marks attendance with one POST once the event has begun; figures per event and per series', async () => {
    const series = await createSeries(t.app.deps, admin.actor, '03', {
      title: `Föreläsningsserie ${unique()}`,
      startYear: 2026,
      endYear: 2026,
    });
    const startsAt = new Date(Date.now() - 2 * 3_600_000);
    const before = new Date(startsAt.getTime() - 5 * DAY);
    const [one, two] = [
      await makeEvent({ startsAt, seriesId: series.id }),
      await makeEvent({ startsAt, seriesId: series.id }),
    ];
    const uppsala = await registerAs(one.id, 'Alma Lund', '0380', before);
    const enkoping = await registerAs(one.id, 'Bo Strand', '0381', before);
    await registerAs(two.id, 'Cilla Berg', '0380', before);

    const list = `/uppsala/evenemang/${one.id}/anmalda`;
    const page = await c.admin.get(list);
    const form = page.doc.querySelector('form[action$="/narvaro"]')!;
    expect(form.querySelectorAll('input[type="checkbox"][name="attended"]')).toHaveLength(2);
    expect(page.doc.querySelector(`label[for="attended-${uppsala.registration.id}"]`)?.text).toContain(
      'Deltog: Alma Lund',
    );
    const saved = await c.admin.post(list.replace('/anmalda', '/narvaro'), {
      _csrf: form.querySelector('input[name="_csrf"]')!.getAttribute('value')!,
      shown: [uppsala.registration.id, enkoping.registration.id],
      attended: [uppsala.registration.id],
    });
    expect(saved.status).toBe(303);
    const marked = await repo.listRegistrations(t.database.db, one.id);
    expect(marked.map((r) => [r.name, r.attended])).toEqual([
      ['Alma Lund', true],
      ['Bo Strand', false],
    ]);
    const again = await c.admin.get(list);
    expect(
      again.doc.querySelector(`#attended-${uppsala.registration.id}`)?.getAttribute('checked'),
    ).toBeDefined();

    // The event's figures: registered, attended, no-shows; by organisation type and municipality.
    const eventPage = await c.admin.get(`/uppsala/evenemang/${one.id}`);
    const table = (caption: string) =>
      eventPage.doc
        .querySelectorAll('table')
        .find((tb) => tb.querySelector('caption')?.text === caption)!
        .querySelectorAll('tbody tr')
        .map((tr) => tr.querySelectorAll('th, td').map((x) => x.text.trim()));
    expect(table('Anmälningar och deltagande')).toEqual(
      expect.arrayContaining([
        ['Anmälningar totalt', '2'],
        ['Deltog', '1'],
        ['Uteblev', '1'],
      ]),
    );
    expect(table('Bekräftade per kommun')).toEqual([
      ['Uppsala', '1', '1'],
      ['Enköping', '1', '0'],
    ]);
    expect(table('Bekräftade per typ av organisation')).toEqual([['Kommun', '2', '1']]);
    // The recording's link may be set once it has begun.
    const recording = await c.admin.submitOn(
      eventPage,
      { recordingUrl: 'film.example' },
      `/uppsala/evenemang/${one.id}/inspelning`,
    );
    expect(recording.status).toBe(400);
    expect(errorOf(recording, 'recordingUrl')).toContain('https://');
    expect(valueOf(recording, 'recordingUrl')).toBe('film.example');
    const set = await c.admin.submitOn(
      eventPage,
      { recordingUrl: 'https://film.example/forelasning' },
      `/uppsala/evenemang/${one.id}/inspelning`,
    );
    expect(set.status).toBe(303);
    expect((await repo.findEvent(t.database.db, '03', one.id))!.recordingUrl).toBe(
      'https://film.example/forelasning',
    );

    // The series: both events, their figures together.
    const seriesPage = await c.admin.get(`/uppsala/evenemang/serier/${series.id}`);
    expect(seriesPage.status).toBe(200);
    const seriesTable = (caption: string) =>
      seriesPage.doc
        .querySelectorAll('table')
        .find((tb) => tb.querySelector('caption')?.text === caption)!
        .querySelectorAll('tbody tr')
        .map((tr) => tr.querySelectorAll('th, td').map((x) => x.text.trim()));
    expect(seriesTable('Seriens evenemang').map((r) => r[0])).toEqual(
      expect.arrayContaining([one.title, two.title]),
    );
    expect(seriesTable('Bekräftade per kommun')).toEqual([
      ['Uppsala', '2', '1'],
      ['Enköping', '1', '0'],
    ]);
    expect(seriesTable('Anmälningar och deltagande')).toEqual(
      expect.arrayContaining([['Anmälningar totalt', '3']]),
    );
  });

  it('creates and changes a series; bad years are refused beside their fields', async () => {
    const form = await c.admin.get('/uppsala/evenemang/serier/ny');
    const bad = await c.admin.submitOn(form, {
      title: 'Digital föreläsningsserie',
      startYear: '2026',
      endYear: '2025',
    });
    expect(bad.status).toBe(400);
    expect(errorLinks(bad)).toEqual(['#endYear']);
    expect(valueOf(bad, 'endYear')).toBe('2025');
    const made = await c.admin.submitOn(form, {
      title: 'Digital föreläsningsserie',
      startYear: '2026',
      endYear: '2027',
    });
    expect(made.status).toBe(303);
    const page = await c.admin.follow(made);
    expect(page.doc.querySelector('h1')?.text).toBe('Digital föreläsningsserie');
    const edit = await c.admin.get(`${new URL(made.location!, 'http://x').pathname}/andra`);
    expect(
      (await c.admin.submitOn(edit, { ...browserFields(edit), title: 'Föreläsningsserien 2026' })).status,
    ).toBe(303);
    expect((await c.admin.follow(made)).doc.querySelector('h1')?.text).toBe('Föreläsningsserien 2026');
  });

  it('answers 404 for another county’s event and series, and for ids that do not exist', async () => {
    const vnorr = await createTestUser(t.database.db, 'county_admin', { countyCode: '22' });
    const vnorrBoard = (await findCountyBoard(t.database.db, '22'))!.id;
    const startsAt = stockholmTime(day(10), 10, 0);
    const theirs = await createEvent(t.app.deps, vnorr.actor, '22', {
      title: 'Västernorrlands evenemang',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      placeKind: 'address',
      address: 'Härnösand',
      registrationClosesAt: new Date(startsAt.getTime() - DAY),
      organisationIds: [vnorrBoard],
    });
    for (const path of ['', '/andra', '/anmalda', '/anmalda.csv', '/stall-in', '/meddelande'])
      expect((await c.admin.get(`/uppsala/evenemang/${theirs.id}${path}`)).status, path).toBe(404);
    expect((await c.admin.get('/uppsala/evenemang/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await c.admin.get('/uppsala/evenemang/inte-ett-id')).status).toBe(404);
    // Another county's organisation cannot be made an organiser.
    const muni = (await findMunicipalityOrganisation(t.database.db, '2281'))!.id;
    const refused = await c.admin.submit('/uppsala/evenemang/nytt', {
      ...eventForm(),
      organisationIds: [board, muni],
    });
    expect(refused.status).toBe(400);
    expect(errorLinks(refused)).toEqual(['#organisationIds']);
  });
});
