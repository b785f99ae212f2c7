import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventFactories, type EventFactories } from '../../../tests/factories/event-registrations.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import * as repo from './repository.ts';

/**
 * The registrant's own pages, through the app as a browser without JavaScript uses them: the personal link
 * (see, change, cancel, erase) and the offer link (take a freed place, twice; a lapsed offer), an unknown link,
 * and no token in the technical log.
 */
describe('the registrant’s pages', () => {
  let t: TestApp;
  let make: EventFactories;

  beforeAll(async () => {
    t = await buildTestApp();
    make = eventFactories(t.app);
  });
  afterAll(() => t.close());

  const text = (page: Page, selector = 'main') =>
    page.doc.querySelector(selector)?.text.replace(/\s+/g, ' ') ?? '';
  const h1 = (page: Page) => text(page, 'h1').trim();
  const registrationOf = async (id: string) => {
    const r = await repo.lockRegistration(t.database.db, id);
    if (!r) throw new Error('anmälan saknas');
    return r;
  };
  /** The newest mail to `to` (the queued mail sent to the file mailbox first). */
  const mailTo = async (to: string) => {
    await t.app.jobs.runDue();
    return (await readMailbox(mailDirOf(t.config.dataDir), 30)).filter((m) => m.to === to);
  };

  it('shows the registration: the event, when and where, and the status', async () => {
    const event = await make.event({ capacity: 10 });
    const a = await make.registration(event, { name: 'Åsa Öberg' });
    const page = await new TestClient(t.app).get(`/anmalan/${a.token}`);
    expect(page.status).toBe(200);
    expect(h1(page)).toBe('Din anmälan');
    expect(text(page)).toContain(event.title);
    expect(text(page)).toContain('Storgatan 1, Uppsala');
    expect(text(page, '.govuk-tag')).toBe('Bekräftad');
    expect(page.doc.querySelector('#name')?.getAttribute('value')).toBe('Åsa Öberg');
    expect(text(page)).toContain(a.email);
    // A token page is never kept by a cache, and its address is never sent on as a Referer.
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('a digital event never shows its meeting link on the page', async () => {
    const event = await make.event({ placeKind: 'digital' });
    const a = await make.registration(event);
    const page = await new TestClient(t.app).get(`/anmalan/${a.token}`);
    expect(text(page)).toContain('Digitalt');
    expect(page.body).not.toContain('mote.example');
  });

  it('someone on the waiting list sees their place in line', async () => {
    const event = await make.event({ capacity: 1 });
    await make.registration(event);
    const first = await make.registration(event);
    const second = await make.registration(event);
    const page = await new TestClient(t.app).get(`/anmalan/${second.token}`);
    expect(text(page, '.govuk-tag')).toBe('På väntelistan');
    expect(text(page)).toContain('nummer 2 på väntelistan');
    expect(text(page)).toContain('Nummer 2');
    expect(text(await new TestClient(t.app).get(`/anmalan/${first.token}`))).toContain(
      'nummer 1 på väntelistan',
    );
  });

  it('changes name, organisation and answers; the address and status stay', async () => {
    const event = await make.event({ questions: true });
    const a = await make.registration(event, { answers: { q_deltar: 'plats' } });
    const client = new TestClient(t.app);
    const form = await client.get(`/anmalan/${a.token}`);
    expect(form.doc.querySelector('#q_deltar-0')?.getAttribute('checked')).toBeDefined();
    expect(form.doc.querySelector('#organisationType option[selected]')?.text).toBe('Kommun');
    expect(form.doc.querySelector('#municipalityCode option[selected]')?.text).toBe('Tierp');
    const saved = await client.submitOn(form, {
      name: 'Bo Ek',
      organisationName: 'Region Uppsala',
      organisationType: 'region',
      municipalityCode: '0380',
      q_deltar: 'distans',
      q_behov: 'Vegetarisk kost',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/anmalan/${a.token}`);
    const after = await client.follow(saved);
    expect(text(after, '.govuk-notification-banner')).toContain('Dina uppgifter är ändrade');
    expect(after.doc.querySelector('#name')?.getAttribute('value')).toBe('Bo Ek');
    const r = await registrationOf(a.registration.id);
    expect(r).toMatchObject({
      name: 'Bo Ek',
      organisationName: 'Region Uppsala',
      organisationType: 'region',
      municipalityCode: '0380',
      email: a.email,
      status: 'confirmed',
      answers: { deltar: 'distans', behov: 'Vegetarisk kost' },
    });
  });

  it('refuses an empty name beside its field, keeps the input and writes nothing', async () => {
    const event = await make.event({ questions: true });
    const a = await make.registration(event, { name: 'Kvar Kvarsson', answers: { q_deltar: 'plats' } });
    const client = new TestClient(t.app);
    const page = await client.submit(`/anmalan/${a.token}`, {
      name: '',
      organisationName: 'Ny organisation',
      organisationType: 'business',
      q_deltar: 'distans',
    });
    expect(page.status).toBe(400);
    expect(text(page, '#name-error')).toContain('Ange ditt namn');
    expect(text(page, '.govuk-error-summary')).toContain('Ange ditt namn');
    expect(page.doc.querySelector('#organisationName')?.getAttribute('value')).toBe('Ny organisation');
    expect(page.doc.querySelector('#q_deltar-1')?.getAttribute('checked')).toBeDefined();
    expect(page.doc.querySelector('#organisationType option[selected]')?.text).toBe('Näringsliv');
    const r = await registrationOf(a.registration.id);
    expect(r).toMatchObject({
      name: 'Kvar Kvarsson',
      organisationName: 'Tierps kommun',
      answers: { deltar: 'plats' },
    });
  });

  it('cancels after a confirmation step; the place is offered to the first in line at once', async () => {
    const event = await make.event({ capacity: 1 });
    const a = await make.registration(event);
    const b = await make.registration(event);
    const client = new TestClient(t.app);
    const ask = await client.get(`/anmalan/${a.token}/avboka`);
    expect(h1(ask)).toBe('Vill du avboka din anmälan?');
    expect(text(ask)).toContain('Din plats går till nästa på väntelistan');
    const done = await client.submitOn(ask, {});
    expect(done.status).toBe(303);
    const after = await client.follow(done);
    expect(text(after, '.govuk-notification-banner')).toContain('Din anmälan är avbokad');
    expect(text(after, '.govuk-tag')).toBe('Avbokad');
    expect(text(after)).toContain('Avbokad av deltagaren den ');
    // Nothing left to change or cancel; erasing is still offered.
    expect(after.doc.querySelector('#name')).toBeNull();
    expect(after.doc.querySelector(`a[href="/anmalan/${a.token}/avboka"]`)).toBeNull();
    expect(after.doc.querySelector(`a[href="/anmalan/${a.token}/ta-bort"]`)).not.toBeNull();
    expect((await registrationOf(b.registration.id)).status).toBe('offered');
    expect((await mailTo(a.email)).some((m) => m.subject.startsWith('Din anmälan är avbokad'))).toBe(true);
    expect((await mailTo(b.email)).some((m) => m.subject.startsWith('En plats har blivit ledig'))).toBe(true);

    // The same form sent again: 409, the page says why, nothing changes.
    const again = await client.submitOn(ask, {});
    expect(again.status).toBe(409);
    expect(h1(again)).toBe('Anmälan kan inte avbokas');
    expect(text(again)).toContain('Anmälan är redan avbokad');
    expect((await registrationOf(b.registration.id)).status).toBe('offered');
  });

  it('erases after a confirmation step: the page says it is gone and the link is dead', async () => {
    const event = await make.event({ capacity: 1 });
    const a = await make.registration(event, { name: 'Glöm Mig' });
    const b = await make.registration(event);
    const client = new TestClient(t.app);
    const ask = await client.get(`/anmalan/${a.token}/ta-bort`);
    expect(h1(ask)).toBe('Vill du ta bort dina uppgifter?');
    expect(text(ask)).toContain('Din anmälan avbokas också');
    const done = await client.submitOn(ask, {});
    expect(done.status).toBe(303);
    expect(done.location).toBe('/anmalan/borttagen');
    const gone = await client.follow(done);
    expect(h1(gone)).toBe('Dina uppgifter är borttagna');
    const r = await registrationOf(a.registration.id);
    expect(r).toMatchObject({
      name: null,
      email: null,
      organisationName: null,
      tokenHash: null,
      status: 'cancelled',
    });
    expect(r.anonymisedAt).not.toBeNull();
    // The place it held went to the waiting list.
    expect((await registrationOf(b.registration.id)).status).toBe('offered');
    const dead = await client.get(`/anmalan/${a.token}`);
    expect(dead.status).toBe(404);
    expect(h1(dead)).toBe('Anmälan hittades inte');
    // A second click finds nothing to erase.
    expect((await client.submitOn(ask, {})).status).toBe(404);
  });

  it('an unknown link is a friendly 404, on every page of it', async () => {
    const client = new TestClient(t.app);
    for (const path of [
      '/anmalan/ingen-sadan-lank',
      '/anmalan/ingen-sadan-lank/avboka',
      '/anmalan/ingen-sadan-lank/ta-bort',
    ]) {
      const page = await client.get(path);
      expect(page.status, path).toBe(404);
      expect(h1(page)).toBe('Anmälan hittades inte');
      expect(text(page)).toContain('hela länken från mejlet');
    }
    const offer = await client.get('/anmalan/erbjudande/ingen-sadan-lank');
    expect(offer.status).toBe(404);
    expect(h1(offer)).toBe('Erbjudandet hittades inte');
    const csrf = await client.csrfToken();
    expect((await client.post('/anmalan/ingen-sadan-lank/avboka', { _csrf: csrf })).status).toBe(404);
    expect((await client.post('/anmalan/erbjudande/ingen-sadan-lank', { _csrf: csrf })).status).toBe(404);
  });

  it('refuses a POST without a CSRF token', async () => {
    const event = await make.event();
    const a = await make.registration(event);
    const page = await new TestClient(t.app).post(`/anmalan/${a.token}/avboka`, {});
    expect(page.status).toBe(403);
    expect((await registrationOf(a.registration.id)).status).toBe('confirmed');
  });

  it('takes an offered place; a second click says it is already confirmed', async () => {
    const { offerToken, waiting, event } = await make.offer();
    const client = new TestClient(t.app);
    const offer = await client.get(`/anmalan/erbjudande/${offerToken}`);
    expect(offer.status).toBe(200);
    expect(h1(offer)).toBe('En plats har blivit ledig');
    expect(text(offer)).toContain(event.title);
    expect(text(offer)).toContain('Erbjudandet gäller till');
    const taken = await client.submitOn(offer, {});
    expect(taken.status).toBe(303);
    const confirmed = await client.follow(taken);
    expect(h1(confirmed)).toBe('Din plats är bekräftad');
    expect(text(confirmed, '.govuk-notification-banner')).toContain('Platsen är din');
    expect((await registrationOf(waiting.registration.id)).status).toBe('confirmed');

    const twice = await client.follow(await client.submitOn(offer, {}));
    expect(h1(twice)).toBe('Din plats är bekräftad');
    expect(text(twice, '.govuk-notification-banner')).toContain('Platsen var redan bekräftad');
    // One confirmation mail, with the calendar file, not two.
    const mails = (await mailTo(waiting.email)).filter((m) =>
      m.subject.startsWith('Bekräftelse på din anmälan'),
    );
    expect(mails).toHaveLength(1);

    // The offer's page leads to the registrant's own page, which says confirmed.
    const own = await client.get(
      confirmed.doc.querySelector('main a[href^="/anmalan/"]')!.getAttribute('href')!,
    );
    expect(h1(own)).toBe('Din anmälan');
    expect(text(own, '.govuk-tag')).toBe('Bekräftad');
  });

  it('declines an offered place: it goes on to the next in line at once; a second click is refused', async () => {
    const { offerToken, waiting, event } = await make.offer();
    const next = await make.registration(event);
    const client = new TestClient(t.app);
    const offer = await client.get(`/anmalan/erbjudande/${offerToken}`);
    expect(text(offer)).toContain('Kan du inte komma?');
    const declined = await client.submitOn(offer, {}, `/anmalan/erbjudande/${offerToken}/avsta`);
    expect(declined.status).toBe(303);
    expect(declined.location).toBe(`/uppsala/kalender/${event.slug}`);
    const eventPage = await client.follow(declined);
    expect(text(eventPage, '.govuk-notification-banner')).toContain('Du har tackat nej till platsen');
    expect(await registrationOf(waiting.registration.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'registrant',
    });
    expect((await registrationOf(next.registration.id)).status).toBe('offered');
    expect((await mailTo(next.email)).some((m) => m.subject.startsWith('En plats har blivit ledig'))).toBe(
      true,
    );

    // The same form sent again: 409, the place stays with the next in line.
    const again = await client.submitOn(offer, {}, `/anmalan/erbjudande/${offerToken}/avsta`);
    expect(again.status).toBe(409);
    expect(h1(again)).toBe('Platsen kan inte bekräftas');
    expect((await registrationOf(next.registration.id)).status).toBe('offered');
  });

  it('a lapsed offer says the place passed on, and a click then passes it on', async () => {
    const { offerToken, waiting, event } = await make.offer();
    const third = await make.registration(event);
    // The offer's time ran out (as time passes; no service sets a past deadline).
    await repo.updateRegistration(t.database.db, waiting.registration.id, {
      offerExpiresAt: new Date(Date.now() - 60_000),
    });
    const client = new TestClient(t.app);
    const page = await client.get(`/anmalan/erbjudande/${offerToken}`);
    expect(page.status).toBe(200);
    expect(h1(page)).toBe('Platsen kan inte bekräftas');
    expect(text(page)).toContain('platsen har gått vidare till nästa på väntelistan');
    expect(page.doc.querySelector('main form')).toBeNull();

    // A form opened before it lapsed: refused with 409, and the place passes on in the same go.
    const stale = await client.post(`/anmalan/erbjudande/${offerToken}`, { _csrf: await client.csrfToken() });
    expect(stale.status).toBe(409);
    expect(h1(stale)).toBe('Platsen kan inte bekräftas');
    expect(await registrationOf(waiting.registration.id)).toMatchObject({
      status: 'cancelled',
      cancelReason: 'offer_expired',
    });
    expect((await registrationOf(third.registration.id)).status).toBe('offered');
  });

  it('writes no token, name or address of a registrant to the technical log', async () => {
    const { offerToken, waiting } = await make.offer();
    const client = new TestClient(t.app);
    await client.get(`/anmalan/${waiting.token}`);
    await client.submit(`/anmalan/${waiting.token}`, { name: '' });
    await client.get(`/anmalan/erbjudande/${offerToken}`);
    await client.submit(`/anmalan/erbjudande/${offerToken}`, {});
    await client.get('/anmalan/en-okand-hemlig-lank');
    const log = t.logs.join('');
    expect(log).toContain('/anmalan/:token');
    expect(log).toContain('/anmalan/erbjudande/:token');
    expect(log).not.toContain(waiting.token);
    expect(log).not.toContain(offerToken);
    expect(log).not.toContain('en-okand-hemlig-lank');
    expect(log).not.toContain(waiting.email);
    expect(log).not.toContain(waiting.name);
  });
});
