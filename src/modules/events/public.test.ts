import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { eventWithImage } from '../../../tests/factories/event-images.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { stockholmDate, stockholmTime } from '../../platform/time.ts';
import { insertQuestionnaire } from '../forms/index.ts';
import { findCountyBoard } from '../reference/index.ts';
import {
  cancelEvent,
  createEvent,
  publishEvent,
  register,
  updateEvent,
  type EventInput,
  type EventRow,
} from './index.ts';

const DAY = 86_400_000;

/**
 * The public pages through HTTP, as a visitor without JavaScript uses them: the calendars, an event's page as
 * seed 004 shows it, registering (and what is refused), the calendar files and the news feeds.
 */
describe('the public events pages', () => {
  let t: TestApp;
  let admins: Record<string, TestUser>;
  let anon: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    admins = {
      '03': await createTestUser(t.app.deps.db, 'county_admin', { countyCode: '03' }),
      '22': await createTestUser(t.app.deps.db, 'county_admin', { countyCode: '22' }),
    };
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    anon = new TestClient(t.app);
    // Every request here comes from 127.0.0.1: the registration limit starts afresh for each test.
    await t.app.deps.rateLimiter.reset('event-register:ip:127.0.0.1');
  });

  const unique = () => Math.random().toString(36).slice(2, 8);

  /** An event of the county `inDays` from now, 12.30–15.45 Swedish time, made and published as an organiser. */
  async function makeEvent(
    opts: Partial<EventInput> & {
      county?: string;
      inDays?: number;
      draft?: boolean;
      lastDayBefore?: number;
    } = {},
  ): Promise<EventRow> {
    const { county = '03', inDays = 20, draft = false, lastDayBefore = 2, ...input } = opts;
    const board = await findCountyBoard(t.app.deps.db, county);
    const day = stockholmDate(new Date(Date.now() + inDays * DAY));
    const startsAt = stockholmTime(day, 12, 30);
    const lastDay = stockholmDate(new Date(startsAt.getTime() - lastDayBefore * DAY));
    const actor = admins[county]!.actor;
    const event = await createEvent(t.app.deps, actor, county, {
      title: `Evenemang ${unique()}`,
      summary: 'En eftermiddag med fokus på arbete med horisontella perspektiv.',
      startsAt,
      endsAt: stockholmTime(day, 15, 45),
      placeKind: 'address',
      address: 'Hamnesplanaden 3, Uppsala',
      registrationClosesAt: stockholmTime(lastDay, 23, 59, 59),
      organisationIds: [board!.id],
      ...input,
    });
    if (draft) return event;
    return publishEvent(t.app.deps, actor, { countyCode: county, eventId: event.id });
  }

  const pathOf = (e: EventRow) =>
    `/${e.countyCode === '03' ? 'uppsala' : 'vasternorrland'}/kalender/${e.slug}`;
  const monthOf = (e: EventRow) => stockholmDate(e.startsAt).slice(0, 7);
  const text = (page: Page, selector = 'main') =>
    page.doc.querySelector(selector)?.text.replace(/\s+/g, ' ') ?? '';
  const registrationsOf = async (e: EventRow) =>
    (
      await queryRows<{ n: number }>(
        t.app.deps.db,
        sql`select count(*)::int as n from event_registrations where event_id = ${e.id}`,
      )
    )[0]!.n;

  const form = (over: Record<string, string> = {}) => ({
    name: 'Anna Andersson',
    email: `anna.${unique()}@kommun.example`,
    organisationName: 'Tierps kommun',
    organisationType: 'municipality',
    municipalityCode: '0360',
    consent: 'yes',
    webbplats: '',
    ...over,
  });

  describe('the calendars', () => {
    it("a county's calendar shows its published events of the month, not drafts or another county's", async () => {
      const theme = `Tema ${unique()}`;
      const published = await makeEvent({ themes: [theme] });
      const draft = await makeEvent({ draft: true });
      const other = await makeEvent({ county: '22' });
      const page = await anon.get(`/uppsala/kalender?manad=${monthOf(published)}`);
      expect(page.status).toBe(200);
      const links = page.doc.querySelectorAll('main .sv-event-list a').map((a) => a.getAttribute('href'));
      expect(links).toContain(pathOf(published));
      expect(links).not.toContain(pathOf(draft));
      expect(links).not.toContain(`/uppsala/kalender/${other.slug}`);
      expect(links).not.toContain(pathOf(other));
      // The theme filter is a GET form that keeps the month; the previous and next months are links.
      const filter = page.doc.querySelector('form[method="get"]')!;
      expect(filter.getAttribute('action')).toBe('/uppsala/kalender');
      expect(filter.querySelector('input[name="manad"]')?.getAttribute('value')).toBe(monthOf(published));
      expect(filter.querySelectorAll('#tema option').map((o) => o.text)).toContain(theme);
      expect(page.doc.querySelector('a[rel="next"]')?.getAttribute('href')).toMatch(
        /^\/uppsala\/kalender\?manad=\d{4}-\d{2}$/,
      );
      const filtered = await anon.get(
        `/uppsala/kalender?manad=${monthOf(published)}&tema=${encodeURIComponent(theme)}`,
      );
      const only = filtered.doc.querySelectorAll('main .sv-event-list a').map((a) => a.getAttribute('href'));
      expect(only).toEqual([pathOf(published)]);
      expect(filtered.doc.querySelector('#tema option[selected]')?.text).toBe(theme);
    });

    it('the calendars are found from the menu and from the county’s page', async () => {
      const home = await anon.get('/');
      expect(home.doc.querySelector('.govuk-header__navigation a[href="/kalender"]')?.text).toBe('Kalender');
      const county = await anon.get('/uppsala/');
      expect(county.doc.querySelector('main a[href="/uppsala/kalender"]')?.text).toBe(
        'Evenemang i Uppsala län',
      );
    });

    it('a month without events points to the month of the next one', async () => {
      const far = await makeEvent({ inDays: 400, themes: [`Långt bort ${unique()}`] });
      const theme = far.themes[0]!;
      const page = await anon.get(`/uppsala/kalender?tema=${encodeURIComponent(theme)}`);
      expect(text(page)).toContain('Inga evenemang i');
      const next = page.doc.querySelectorAll('main a').find((a) => a.text.startsWith('Nästa evenemang'));
      expect(next?.getAttribute('href')).toContain(`manad=${monthOf(far)}`);
    });

    it('the calendar of all of Sweden shows every county and filters by county; a bad month is this month', async () => {
      const uppsala = await makeEvent();
      const vnorr = await makeEvent({ county: '22', inDays: 20 });
      const page = await anon.get(`/kalender?manad=${monthOf(uppsala)}`);
      const links = page.doc.querySelectorAll('main .sv-event-list a').map((a) => a.getAttribute('href'));
      expect(links).toEqual(expect.arrayContaining([pathOf(uppsala), pathOf(vnorr)]));
      expect(text(page)).toContain('Västernorrlands län');
      const one = await anon.get(`/kalender?manad=${monthOf(uppsala)}&lan=vasternorrland`);
      const onlyVnorr = one.doc.querySelectorAll('main .sv-event-list a').map((a) => a.getAttribute('href'));
      expect(onlyVnorr).toContain(pathOf(vnorr));
      expect(onlyVnorr).not.toContain(pathOf(uppsala));
      expect(one.doc.querySelector('#lan option[selected]')?.getAttribute('value')).toBe('vasternorrland');
      for (const bad of ['manad=2026-13', 'manad=abc', 'manad=1999-01', 'tema=a&tema=b', 'lan=atlantis'])
        expect((await anon.get(`/kalender?${bad}`)).status).toBe(200);
    });

    it('tags an event as cancelled, full or with few places left', async () => {
      const full = await makeEvent({ capacity: 1 });
      await register(t.app.deps, { countyCode: '03', eventId: full.id }, { ...form(), consent: true });
      const few = await makeEvent({ capacity: 3, inDays: 21 });
      const cancelled = await makeEvent({ inDays: 22 });
      await cancelEvent(t.app.deps, admins['03']!.actor, { countyCode: '03', eventId: cancelled.id });
      const tagsOf = async (e: EventRow) => {
        const page = await anon.get(`/uppsala/kalender?manad=${monthOf(e)}`);
        const item = page.doc
          .querySelectorAll('.sv-event')
          .find((li) => li.querySelector(`a[href="${pathOf(e)}"]`));
        return item?.querySelectorAll('.govuk-tag').map((tag) => tag.text);
      };
      expect(await tagsOf(full)).toEqual(['Fullbokat – kö']);
      expect(await tagsOf(few)).toEqual(['3 platser kvar']);
      expect(await tagsOf(cancelled)).toEqual(['Inställt']);
    });
  });

  describe("an event's page", () => {
    it('shows the event as seed 004 does: time, place, cost, programme with speakers and breaks, contacts', async () => {
      const e = await makeEvent({
        placeKind: 'digital',
        address: null,
        meetingLink: 'https://mote.example/hemlig-lank-123',
        targetGroup: 'Strateger, analytiker, chefer och förtroendevalda.',
        description:
          'Arbetet för **jämlikhet** utgår från mänskliga rättigheter.\n\n<script>alert("x")</script><img src=x onerror=alert(1)>\n\n[Läs mer](javascript:alert(1)) och [SKR](https://skr.se)',
        contacts: [{ name: 'Erik Exempelsson', organisation: 'Länsstyrelsen', email: 'erik@example.org' }],
        programme: [],
        recordingUrl: 'https://play.example/inspelning',
      });
      const day = stockholmDate(e.startsAt);
      await updateEvent(
        t.app.deps,
        admins['03']!.actor,
        { countyCode: '03', eventId: e.id },
        {
          title: e.title,
          summary: e.summary,
          description: e.description,
          startsAt: e.startsAt,
          endsAt: e.endsAt,
          placeKind: 'digital',
          meetingLink: e.meetingLink,
          targetGroup: e.targetGroup,
          registrationClosesAt: e.registrationClosesAt,
          organisationIds: [(await findCountyBoard(t.app.deps.db, '03'))!.id],
          contacts: e.contacts,
          recordingUrl: e.recordingUrl,
          programme: [
            {
              startsAt: stockholmTime(day, 12, 30),
              title: 'Hur börjar vi resan?',
              speakers: [
                { name: 'Linnéa Björk', organisation: 'Länsstyrelsen Västra Götaland' },
                { name: 'Erik Lindqvist', organisation: 'Länsstyrelsen Västra Götaland' },
              ],
            },
            {
              startsAt: stockholmTime(day, 13, 0),
              title: 'Samordning av horisontella perspektiv',
              speakers: [
                { name: 'Hanna Lind', title: 'handläggare', organisation: 'Sveriges Kommuner och Regioner' },
              ],
            },
            { startsAt: stockholmTime(day, 13, 45), title: 'Paus', kind: 'break' },
          ],
        },
      );
      const page = await anon.get(pathOf(e));
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('h1')?.text).toBe(e.title);
      const main = text(page);
      expect(main).toMatch(/\d{1,2} \w+ \d{4} klockan 12\.30–15\.45/);
      expect(main).toContain(
        'Digitalt möte. Länk och praktisk information skickas ut i god tid till dig som anmält dig.',
      );
      expect(main).toContain('Gratis');
      expect(main).toContain('Strateger, analytiker, chefer och förtroendevalda.');
      const programme = page.doc
        .querySelectorAll('.sv-programme .govuk-summary-list__row')
        .map((r) =>
          [
            r.querySelector('dt')!.text.trim(),
            ...r.querySelectorAll('dd p, dd span').map((x) => x.text.trim()),
          ].join(' | '),
        );
      expect(programme).toEqual([
        '12.30 | Hur börjar vi resan? | Linnéa Björk och Erik Lindqvist, Länsstyrelsen Västra Götaland',
        '13.00 | Samordning av horisontella perspektiv | Hanna Lind, handläggare, Sveriges Kommuner och Regioner',
        '13.45 | Paus',
      ]);
      expect(main).toContain('Erik Exempelsson, Länsstyrelsen');
      expect(page.doc.querySelector('a[href="mailto:erik@example.org"]')).not.toBeNull();
      expect(page.doc.querySelector('a[href="https://play.example/inspelning"]')?.text).toContain(
        'inspelade',
      );
      // Markdown rendered; its raw HTML and script links never reach the page.
      expect(page.doc.querySelector('.sv-event-description strong')?.text).toBe('jämlikhet');
      expect(page.doc.querySelector('.sv-event-description a[href="https://skr.se"]')).not.toBeNull();
      expect(page.body).not.toContain('<script>alert');
      expect(page.doc.querySelector('.sv-event-description img, [onerror]')).toBeNull();
      expect(text(page, '.sv-event-description')).toContain('<img src=x onerror=alert(1)>');
      expect(
        page.doc.querySelectorAll('a').filter((a) => /^\s*javascript:/i.test(a.getAttribute('href') ?? '')),
      ).toEqual([]);
      // The meeting link is for registrants only: not on the page, nor in its calendar file.
      expect(page.body).not.toContain('mote.example');
      const ics = await anon.get(`${pathOf(e)}/kalenderfil.ics`);
      expect(ics.body).not.toContain('mote.example');
    });

    it('shows the image from the file store with its alt text and narrower copies', async () => {
      const { eventId, file } = await eventWithImage(t.app, {
        status: 'published',
        countyCode: '03',
        uploaderId: admins['03']!.id,
      });
      const [row] = await queryRows<{ slug: string }>(
        t.app.deps.db,
        sql`select slug from events where id = ${eventId}`,
      );
      const page = await anon.get(`/uppsala/kalender/${row!.slug}`);
      const img = page.doc.querySelector('.sv-event-image img')!;
      expect(img.getAttribute('alt')).toBe('Affischen för evenemanget');
      expect(img.getAttribute('srcset')).toMatch(/ 480w, .* 960w, .* 1000w$/);
      const src = img.getAttribute('src')!;
      expect(src).toContain(`/filer/${file.id}/`);
      const served = await t.app.inject({ method: 'GET', url: src });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/png');
    });

    it('says how many places are left, and never a stale count', async () => {
      const e = await makeEvent({ capacity: 3 });
      expect(text(await anon.get(pathOf(e)))).toContain('3 platser kvar');
      // The page is kept for anonymous visitors; a registration made elsewhere changes it at once.
      await register(t.app.deps, { countyCode: '03', eventId: e.id }, { ...form(), consent: true });
      expect(text(await anon.get(pathOf(e)))).toContain('2 platser kvar');
      await register(t.app.deps, { countyCode: '03', eventId: e.id }, { ...form(), consent: true });
      await register(t.app.deps, { countyCode: '03', eventId: e.id }, { ...form(), consent: true });
      const full = await anon.get(pathOf(e));
      expect(text(full)).toContain('Fullbokat – du kan ställa dig i kö');
      expect(full.doc.querySelector('main form button')?.text.trim()).toBe('Ställ dig i kö');
    });

    it('after the last day the form is gone and the page says when registration closed', async () => {
      const e = await makeEvent({ inDays: 1, lastDayBefore: 3 });
      const page = await anon.get(pathOf(e));
      expect(page.doc.querySelector('#anmalan')?.text).toBe('Anmälan är stängd');
      expect(text(page)).toMatch(
        /Det är inte tillåtet att göra anmälningar längre\. Sista anmälningsdag var den \d{1,2} \w+ (\d{4} )?klockan 23\.59\./,
      );
      expect(page.doc.querySelector('main form[method="post"]')).toBeNull();
      // Posting anyway is refused with the same reason, and nothing is saved.
      const posted = await anon.post(pathOf(e), { _csrf: await anon.csrfToken(), ...form() });
      expect(posted.status).toBe(409);
      expect(text(posted)).toContain('Det är inte tillåtet att göra anmälningar längre');
      expect(await registrationsOf(e)).toBe(0);
    });

    it('a cancelled event says so; a draft and another county’s slug are 404', async () => {
      const cancelled = await makeEvent();
      await cancelEvent(
        t.app.deps,
        admins['03']!.actor,
        { countyCode: '03', eventId: cancelled.id },
        'Föreläsaren är sjuk.',
      );
      const page = await anon.get(pathOf(cancelled));
      expect(page.status).toBe(200);
      expect(text(page)).toContain('Evenemanget är inställt.');
      expect(text(page)).toContain('Föreläsaren är sjuk.');
      expect(page.doc.querySelector('main form[method="post"]')).toBeNull();
      const draft = await makeEvent({ draft: true });
      expect((await anon.get(pathOf(draft))).status).toBe(404);
      expect((await anon.get(`${pathOf(draft)}/kalenderfil.ics`)).status).toBe(404);
      const other = await makeEvent({ county: '22' });
      expect((await anon.get(`/uppsala/kalender/${other.slug}`)).status).toBe(404);
      expect((await anon.get(pathOf(other))).status).toBe(200);
      expect((await anon.get('/atlantis/kalender')).status).toBe(404);
    });
  });

  describe('registering', () => {
    it('registers and shows the confirmation; a mail with the calendar file is on its way', async () => {
      const e = await makeEvent({ capacity: 10 });
      const email = `berit.${unique()}@kommun.example`;
      const posted = await anon.submit(
        pathOf(e),
        form({ email: ` ${email.toUpperCase()} `, name: 'Berit Bengtsson' }),
      );
      // Post, redirect, get: the receipt has an address of its own under the personal link.
      expect(posted.status).toBe(303);
      expect(posted.location).toMatch(/^\/anmalan\/[\w-]+\/tack$/);
      const page = await anon.follow(posted);
      expect(page.status).toBe(200);
      expect(page.doc.querySelector('h1')?.text).toBe('Tack för din anmälan');
      expect(text(page)).toContain(email);
      expect(text(page)).toContain('Ett mejl är på väg');
      const manage = page.doc.querySelectorAll('main a').find((a) => a.text.includes('avboka'));
      expect(manage?.getAttribute('href')).toBe(posted.location!.replace(/\/tack$/, ''));
      // A reload shows the receipt again and registers nothing more.
      const reloaded = await anon.get(posted.location!);
      expect(reloaded.doc.querySelector('h1')?.text).toBe('Tack för din anmälan');
      const [row] = await queryRows<{
        status: string;
        name: string;
        organisation_type: string;
        municipality_code: string;
      }>(
        t.app.deps.db,
        sql`select status, name, organisation_type, municipality_code from event_registrations where event_id = ${e.id}`,
      );
      expect(row).toEqual({
        status: 'confirmed',
        name: 'Berit Bengtsson',
        organisation_type: 'municipality',
        municipality_code: '0360',
      });
      const mails = await queryRows<{ file: string | null }>(
        t.app.deps.db,
        sql`select payload->'attachments'->0->>'filename' as file from jobs where payload->>'to' = ${email}`,
      );
      expect(mails).toEqual([{ file: `${e.slug}.ics` }]);
      // No personal data in the technical log.
      expect(t.logs.join('')).not.toContain(email);
    });

    it('a full event puts the registrant on the waiting list and says where in line', async () => {
      const e = await makeEvent({ capacity: 1 });
      await register(t.app.deps, { countyCode: '03', eventId: e.id }, { ...form(), consent: true });
      const first = await anon.follow(await anon.submit(pathOf(e), form()));
      expect(first.doc.querySelector('h1')?.text).toBe('Du står på väntelistan');
      expect(text(first)).toContain('Du är nummer 1 i kön.');
      const other = new TestClient(t.app);
      const second = await other.follow(await other.submit(pathOf(e), form()));
      expect(text(second)).toContain('Du är nummer 2 i kön.');
    });

    it('bad input: Swedish messages beside the fields, the input kept, 400, nothing saved', async () => {
      const e = await makeEvent();
      const page = await anon.submit(
        pathOf(e),
        form({ email: 'anna.kommun.example', consent: '', name: '', organisationName: 'Knivsta kommun' }),
      );
      expect(page.status).toBe(400);
      expect(page.doc.querySelector('#email-error')?.text).toContain(
        'Ange en e-postadress i formatet namn@exempel.se',
      );
      expect(page.doc.querySelector('#name-error')?.text).toContain('Ange ditt namn');
      expect(page.doc.querySelector('#consent-error')?.text).toContain('godkänna');
      expect(page.doc.querySelector('.govuk-error-summary a[href="#email"]')).not.toBeNull();
      expect(page.doc.querySelector('#email')?.getAttribute('value')).toBe('anna.kommun.example');
      expect(page.doc.querySelector('#organisationName')?.getAttribute('value')).toBe('Knivsta kommun');
      expect(page.doc.querySelector('#municipalityCode option[selected]')?.getAttribute('value')).toBe(
        '0360',
      );
      expect(await registrationsOf(e)).toBe(0);
      // Values the lists do not hold are refused beside their fields too.
      const odd = await anon.submit(pathOf(e), form({ organisationType: 'pirat', municipalityCode: '99' }));
      expect(odd.status).toBe(400);
      expect(odd.doc.querySelector('#organisationType-error')).not.toBeNull();
      expect(odd.doc.querySelector('#municipalityCode-error')).not.toBeNull();
      expect(await registrationsOf(e)).toBe(0);
    });

    it('the same address twice registers once and says so', async () => {
      const e = await makeEvent();
      const fields = form();
      const page = await anon.get(pathOf(e));
      const first = await anon.submitOn(page, fields);
      expect(first.status).toBe(303);
      // The form sent again (a second click, the back button and a resubmit) is refused beside the field.
      const again = await anon.submitOn(page, fields);
      expect(again.status).toBe(400);
      expect(again.doc.querySelector('#email-error')?.text).toContain('redan anmäld');
      expect(await registrationsOf(e)).toBe(1);
    });

    it('a filled-in honeypot saves nothing; the form says no more than that it was not taken', async () => {
      const e = await makeEvent();
      const page = await anon.get(pathOf(e));
      const trap = page.doc.querySelector('#webbplats')!;
      expect(trap.closest('[hidden]')?.getAttribute('aria-hidden')).toBe('true');
      expect(trap.getAttribute('tabindex')).toBe('-1');
      const posted = await anon.submitOn(page, form({ webbplats: 'https://spam.example' }));
      expect(posted.status).toBe(400);
      expect(text(posted, '.govuk-error-summary')).toContain('Anmälan kunde inte tas emot');
      expect(posted.body).not.toContain('spam.example');
      expect(await registrationsOf(e)).toBe(0);
    });

    it('one address may register only so many in a while (429, nothing saved)', async () => {
      const e = await makeEvent();
      for (let i = 0; i < 20; i++)
        await t.app.deps.rateLimiter.record('event-register:ip:127.0.0.1', { max: 20, windowSeconds: 600 });
      const posted = await anon.submit(pathOf(e), form());
      expect(posted.status).toBe(429);
      expect(text(posted)).toContain('För många försök');
      expect(await registrationsOf(e)).toBe(0);
    });

    it("asks the event's own questions and keeps the answers", async () => {
      const version = await insertQuestionnaire(t.app.deps.db, {
        scope: { owner: 'events', countyCode: '03' },
        title: 'Anmälningsfrågor',
        createdBy: null,
        definition: {
          areas: [],
          sections: [
            {
              id: 'fragor',
              title: 'Frågor till dig',
              questions: [
                {
                  id: 'lunch',
                  type: 'single',
                  label: 'Äter du lunch?',
                  required: true,
                  role: 'other',
                  options: [
                    { value: 'ja', label: 'Ja' },
                    { value: 'nej', label: 'Nej' },
                  ],
                },
                {
                  id: 'kost',
                  type: 'text',
                  label: 'Specialkost eller tillgänglighet',
                  required: false,
                  role: 'other',
                },
              ],
            },
          ],
        },
      });
      const e = await makeEvent({ questionnaireVersionId: version.id });
      const page = await anon.get(pathOf(e));
      expect(page.doc.querySelector('#q_lunch legend')?.text).toContain('Äter du lunch?');
      const missing = await anon.submitOn(page, form({ q_kost: 'Vegetarisk' }));
      expect(missing.status).toBe(400);
      expect(missing.doc.querySelector('#q_lunch-error')).not.toBeNull();
      expect(missing.doc.querySelector('#q_kost')?.text).toBe('Vegetarisk');
      const ok = await anon.submitOn(page, form({ q_lunch: 'ja', q_kost: 'Vegetarisk' }));
      expect(ok.status).toBe(303);
      const [row] = await queryRows<{ answers: Record<string, unknown> }>(
        t.app.deps.db,
        sql`select answers from event_registrations where event_id = ${e.id}`,
      );
      expect(row!.answers).toEqual({ lunch: 'ja', kost: 'Vegetarisk' });
    });
  });

  describe('calendar files and feeds', () => {
    it("an event's .ics is read by ical.js with Swedish local times", async () => {
      const e = await makeEvent();
      const res = await anon.get(`${pathOf(e)}/kalenderfil.ics`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const vevent = new ICAL.Component(ICAL.parse(res.body) as unknown[]).getFirstSubcomponent('vevent')!;
      const ev = new ICAL.Event(vevent);
      expect(ev.summary).toBe(e.title);
      expect(ev.startDate.toJSDate().getTime()).toBe(e.startsAt.getTime());
      expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Stockholm');
      expect(`${ev.startDate.hour}.${ev.startDate.minute}`).toBe('12.30');
      expect(vevent.getFirstPropertyValue('url')).toBe(`http://samverkan.test${pathOf(e)}`);
    });

    it("the county's subscribable feed holds its published and cancelled events, never drafts or meeting links", async () => {
      const published = await makeEvent({
        placeKind: 'digital',
        address: null,
        meetingLink: 'https://mote.example/hemligt',
      });
      const cancelled = await makeEvent();
      await cancelEvent(t.app.deps, admins['03']!.actor, { countyCode: '03', eventId: cancelled.id });
      const draft = await makeEvent({ draft: true });
      const other = await makeEvent({ county: '22' });
      const res = await anon.get('/uppsala/kalender.ics');
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const cal = new ICAL.Component(ICAL.parse(res.body) as unknown[]);
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Evenemang i Uppsala län');
      const byUid = new Map(
        cal.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]),
      );
      const uid = (e: EventRow) => `event-${e.id}@samverkan.test`;
      expect(byUid.get(uid(published))?.getFirstPropertyValue('status')).toBe('CONFIRMED');
      expect(byUid.get(uid(cancelled))?.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(byUid.has(uid(draft))).toBe(false);
      expect(byUid.has(uid(other))).toBe(false);
      expect(res.body).not.toContain('mote.example');
      const national = new ICAL.Component(ICAL.parse((await anon.get('/kalender.ics')).body) as unknown[]);
      const uids = national.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('uid')));
      expect(uids).toEqual(expect.arrayContaining([uid(published), uid(other)]));
    });

    it('Atom and RSS name each event with its link, time and place', async () => {
      const e = await makeEvent({ title: `Trygghet & <samverkan> ${unique()}` });
      const atom = await anon.get('/uppsala/kalender.atom');
      expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = parse(atom.body, { lowerCaseTagName: false }).querySelector('feed')!;
      expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
      expect(feed.querySelector('title')?.text).toBe('Evenemang i Uppsala län');
      const entry = feed
        .querySelectorAll('entry')
        .find((x) => x.querySelector('id')?.text === `urn:uuid:${e.id}`)!;
      expect(entry.querySelector('title')?.text).toBe(e.title);
      expect(entry.querySelector('link')?.getAttribute('href')).toBe(`http://samverkan.test${pathOf(e)}`);
      expect(entry.querySelector('summary')?.text).toContain(
        'klockan 12.30–15.45. Hamnesplanaden 3, Uppsala.',
      );
      expect(new Date(entry.querySelector('updated')!.text).getTime()).toBeGreaterThan(0);
      const rss = await anon.get('/uppsala/kalender.rss');
      expect(rss.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const item = parse(rss.body)
        .querySelectorAll('item')
        .find((x) => x.querySelector('guid')?.text === `urn:uuid:${e.id}`)!;
      expect(item.querySelector('title')?.text).toBe(e.title);
      expect(item.toString()).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
      const national = await anon.get('/kalender.atom');
      expect(national.body).toContain(`urn:uuid:${e.id}`);
    });
  });
});
