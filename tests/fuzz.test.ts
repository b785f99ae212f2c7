import { sitePageWorld } from './factories/site-pages.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addRepresentative,
  councilOverview,
  createYearSteps,
  formCouncil,
} from '../src/modules/councils/index.ts';
import { findCountyBoard } from '../src/modules/reference/index.ts';
import { INPUT_LIMITS } from '../src/platform/input.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { TestClient } from './helpers/client.ts';
import { makeExe, multipartBody } from './helpers/files.ts';
import { factories, type TestUser } from './factories.ts';
import { councilWork } from './factories/council-work.ts';
import { organiserWorld } from './factories/event-organiser.ts';
import { eventFactories } from './factories/event-registrations.ts';
import { evaluationFactories } from './factories/event-evaluations.ts';
import { addFinancingLine, addIntervention, addMilestone } from '../src/modules/councils/interventions.ts';
import { addInterventionArea, addPriority } from '../src/modules/councils/priorities.ts';
import { addStrategy } from '../src/modules/councils/strategies.ts';
import { createBanner } from '../src/modules/site/banners.ts';
import { createNews } from '../src/modules/site/news.ts';

/**
 * Every POST route of the route list (not a hand-picked few), with real ids, as an actor the route lets in,
 * given hostile bodies: NUL and other control characters, overlong text, lists for scalars, objects for lists,
 * wrong JSON types, malformed UTF-8, an oversized JSON body and unsupported content types. None may answer
 * with a server error; the content types the app does not read answer 415.
 */
describe('hostile input on every POST route', () => {
  let t: TestApp;
  const failures: string[] = [];
  let tried = 0;
  let params: Record<string, string>;
  let users: { admin: TestUser; reporter: TestUser };
  const clients = new Map<string, { client: TestClient; csrf: string }>();

  beforeAll(async () => {
    t = await buildTestApp();
    const make = factories(t.app);
    const review = await make.response({ county: '03', municipality: '0381', status: 'submitted' });
    const assignment = await make.response({ round: review, municipality: '0380', status: 'draft' });
    const national = await make.response({ national: true, municipality: '0382', status: 'submitted' });
    const questionnaire = await make.questionnaire({ county: '03' });
    const invitation = await make.invitation({ county: '03' });
    users = {
      admin: await make.user('system_admin'),
      reporter: assignment.reporter,
    };
    const reset = await make.passwordReset(await make.user('reporter', { municipalityCode: '0305' }));
    const events = eventFactories(t.app);
    const evaluations = evaluationFactories(t.app);
    const registration = await events.registration(await events.event({ questions: true }), {
      answers: { q_deltar: 'plats' },
    });
    const offer = await events.offer();
    // The events organiser's pages: an event with registrations, a series; a draft to publish and an event to
    // cancel of their own (the first hostile body that is a valid form would use up the shared one).
    const organiser = await organiserWorld(t.app, await make.user('county_admin', { countyCode: '03' }));
    const eventChange = (end: string) => `/:county/evenemang/:eventId/${end}`;
    params = {
      ...organiser.ids.own,
      [`${eventChange('publicera')}|eventId`]: (await organiser.fresh(eventChange('publicera'), '03'))
        .eventId!,
      [`${eventChange('stall-in')}|eventId`]: (await organiser.fresh(eventChange('stall-in'), '03')).eventId!,
      county: 'uppsala',
      roundId: review.round.id,
      occasionId: review.occasion.id,
      responseId: review.response.id,
      organisationId: review.organisation.id,
      questionnaireId: questionnaire.id,
      version: String(questionnaire.version),
      sectionId: questionnaire.sectionId,
      questionId: questionnaire.questionId,
      id: invitation.mailId,
      'national:roundId': national.round.id,
      'national:occasionId': national.occasion.id,
      'uppdrag:occasionId': assignment.occasion.id,
      'uppdrag:organisationId': assignment.organisation.id,
      'inbjudan:token': invitation.token,
      'aterstall-losenord:token': reset.token,
      // A sign-in link is only mailed after a lock-out; an unknown one still passes the same body gate.
      'inloggningslank:token': 'okand-lank',
      'anmalan:token': registration.token,
      'erbjudande:token': offer.offerToken,
      eventSlug: (await events.event()).slug,
      'utvardering:token': (await evaluations.evaluationLink()).token,
      // A published page of Uppsala's site with a file and a revision, and a contact.
      ...(await sitePageWorld(t.app, users.admin.actor, '03', 'Sida för fuzztestet')),
    };
    // A council of Uppsala with a person in its council body, its year plan, a secretariat to write to and a
    // priority with an area and an intervention: the work room's forms and the public page's contact form.
    const board = (await findCountyBoard(t.app.deps.db, '03'))!;
    const council = await formCouncil(
      t.app.deps.db,
      users.admin.actor,
      '03',
      {
        name: 'Råd för fuzztestet',
        formedOn: '2024-01-01',
        secretariatEmail: 'kansli@lansstyrelsen.example',
      },
      { conveningOrganisationId: board.id },
    );
    const { tree, members } = await councilOverview(t.app.deps.db, '03', council.id);
    const person = await addRepresentative(t.app.deps.db, users.admin.actor, '03', council.id, tree[0]!.id, {
      organisationId: board.id,
      name: 'Person i fuzztestet',
      role: 'member',
    });
    const [step] = await createYearSteps(t.app.deps.db, users.admin.actor, '03', council.id, 2026);
    const priority = await addPriority(t.app.deps.db, users.admin.actor, '03', council.id, {
      name: 'Trygghet',
      validFrom: '2024-01-01',
    });
    const area = await addInterventionArea(t.app.deps.db, users.admin.actor, '03', council.id, priority.id, {
      name: 'Trygga miljöer',
    });
    const intervention = await addIntervention(t.app.deps.db, users.admin.actor, '03', council.id, {
      areaId: area.id,
      name: 'Trygghetsvandringar',
      ownerOrganisationId: board.id,
    });
    const line = await addFinancingLine(t.app.deps.db, users.admin.actor, '03', council.id, intervention.id, {
      funderOrganisationId: board.id,
      amountSek: '100000',
      fromOn: '2024-01-01',
    });
    const milestone = await addMilestone(
      t.app.deps.db,
      users.admin.actor,
      '03',
      council.id,
      intervention.id,
      {
        title: 'Första vandringen',
        dueOn: '2025-06-30',
      },
    );
    const strategy = await addStrategy(t.app.deps.db, users.admin.actor, '03', council.id, {
      name: 'Strategi',
      fromYear: 2024,
      toYear: 2030,
    });
    Object.assign(params, {
      councilSlug: council.slug,
      bodyId: tree[0]!.id,
      memberId: members[0]!.id,
      personId: person.id,
      stepId: step!.id,
      year: '2026',
      strategyId: strategy.id,
      priorityId: priority.id,
      interventionId: intervention.id,
      lineId: line.id,
      milestoneId: milestone.id,
    });
    // Its meeting with an agenda item, a decision and a document.
    Object.assign(params, await councilWork(t.app, users.admin.actor, '03', council));
    // The public pages' news items and banners, a county's and national ones.
    const site = async (countyCode: string | null) => {
      const news = await createNews(t.app.deps.db, users.admin.actor, countyCode, {
        title: 'Nyhet i fuzztestet',
        slug: '',
        summary: '',
        body: '',
        themeKeys: [],
        imageFileId: null,
        imageAlt: '',
        publish: { mode: 'now' },
        expiresAt: null,
      });
      const banner = await createBanner(t.app.deps.db, users.admin.actor, countyCode ?? 'all', {
        level: 'info',
        message: 'Varning i fuzztestet',
        linkUrl: null,
        linkText: null,
        // Coming, not in force: one in force would show on the pages of the other test files sharing the database.
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 2 * 86_400_000),
        countyCode,
      });
      return { newsId: news.id, bannerId: banner.id };
    };
    const county = await site('03');
    const nationally = await site(null);
    Object.assign(params, county, {
      'nationellt:newsId': nationally.newsId,
      'nationellt:bannerId': nationally.bannerId,
    });
    // The events' builder takes the events' own questionnaires (owner 'events'), not lägesbild's.
    const eventQuestionnaire = await evaluations.questionnaire('03');
    for (const { url } of t.app.routeList.filter((r) => r.url.startsWith('/:county/evenemang/formular/')))
      for (const name of ['questionnaireId', 'sectionId', 'questionId'] as const)
        params[`${url}|${name}`] = eventQuestionnaire[name];
  });
  afterAll(() => t.close());

  /** The route's address with this test's real ids (national and assignment routes take their own). */
  function urlOf(route: string): string {
    const first = route.split('/')[1] ?? '';
    const scope = route.startsWith('/nationellt/lagesbild')
      ? 'national'
      : route.startsWith('/anmalan/erbjudande/')
        ? 'erbjudande'
        : first;
    return route.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      const value = params[`${route}|${name}`] ?? params[`${scope}:${name}`] ?? params[name];
      if (!value) throw new Error(`Fuzztestet saknar ett värde för :${name} i ${route}`);
      return value;
    });
  }

  /** A signed-in client (or an anonymous one for public routes) with its CSRF token; sign-out gets its own. */
  async function clientFor(route: string, kind: string): Promise<{ client: TestClient; csrf: string }> {
    const who = kind === 'public' ? 'anonymous' : route.startsWith('/uppdrag') ? 'reporter' : 'admin';
    const key = route === '/logga-ut' ? `${who}:${Math.random()}` : who;
    let entry = clients.get(key);
    if (!entry) {
      const client = new TestClient(t.app);
      if (who !== 'anonymous') await client.login(users[who].email, users[who].password);
      entry = { client, csrf: await client.csrfToken() };
      clients.set(key, entry);
    }
    return entry;
  }

  /** The fields of the forms posting to this address, as a browser would find them; a few common ones else. */
  async function fieldsOf(client: TestClient, url: string): Promise<string[]> {
    const names = new Set(['title', 'comment', 'email', 'name', 'organisationIds', 'version', 'intent']);
    const page = await client.get(url, { checkPage: false });
    if (page.status === 200) {
      for (const form of page.doc.querySelectorAll('form')) {
        if ((form.getAttribute('action') ?? url) !== url) continue;
        for (const el of form.querySelectorAll('input, textarea, select')) {
          const name = el.getAttribute('name');
          if (name && name !== '_csrf') names.add(name);
        }
      }
    }
    return [...names];
  }

  /** The file fields of the forms posting to this address (a route that takes uploads). */
  async function fileFieldsOf(client: TestClient, url: string): Promise<string[]> {
    const page = await client.get(url, { checkPage: false });
    const names = page.doc
      .querySelectorAll('form input[type="file"]')
      .map((el) => el.getAttribute('name'))
      .filter((n): n is string => !!n);
    return names.length ? names : ['file'];
  }

  /** Hostile multipart forms for a route that takes files: [name, content type, body]. */
  function multipartPayloads(
    fields: string[],
    files: string[],
    csrf: string,
  ): Array<[string, string, Buffer]> {
    const form = (value: string, file: (field: string) => { filename: string; bytes: Buffer }) => {
      const { body, contentType } = multipartBody(
        {
          _csrf: csrf,
          ...Object.fromEntries(fields.filter((f) => !files.includes(f)).map((f) => [f, value])),
        },
        files.map((field) => ({ field, ...file(field) })),
      );
      return [contentType, body] as const;
    };
    const exe = form('Rå\u0000d\u0001 text', () => ({ filename: 'bild.png', bytes: makeExe() }));
    const huge = form('x', () => ({
      filename: 'stor.pdf',
      bytes: Buffer.alloc(t.config.maxUploadBytes + 1, 0x25),
    }));
    const long = form('å'.repeat(INPUT_LIMITS.chars + 10), () => ({ filename: '', bytes: Buffer.alloc(0) }));
    return [
      ['multipart: control characters and a renamed program', ...exe],
      ['multipart: a file over the size limit', ...huge],
      ['multipart: overlong text', ...long],
      ['multipart: cut off', exe[0], exe[1].subarray(0, Math.floor(exe[1].length / 2))],
    ];
  }

  const cookieOf = (client: TestClient) => [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

  /** The hostile bodies: [name, content type, body]. */
  function payloads(fields: string[], csrf: string): Array<[string, string, string]> {
    const form = (value: (field: string) => string | string[]) => {
      const body = new URLSearchParams({ _csrf: csrf });
      for (const f of fields) for (const v of [value(f)].flat()) body.append(f, v);
      return body.toString();
    };
    const json = (value: (field: string) => unknown) =>
      JSON.stringify({ _csrf: csrf, ...Object.fromEntries(fields.map((f) => [f, value(f)])) });
    const urlencoded = 'application/x-www-form-urlencoded';
    const manyKeys = Object.fromEntries(
      Array.from({ length: INPUT_LIMITS.fields * 40 }, (_, i) => [`measure_risk_${i}_description`, 'x']),
    );
    return [
      ['NUL and control characters', urlencoded, form(() => 'Rå\u0000d\u0001\u001f\u007f text')],
      ['overlong text', urlencoded, form(() => 'å'.repeat(INPUT_LIMITS.chars + 10))],
      ['long text within the limit', urlencoded, form(() => 'ä'.repeat(25_000))],
      ['lists for scalars', urlencoded, form(() => ['a', 'b', '\u0000'])],
      [
        'malformed UTF-8',
        urlencoded,
        `_csrf=${encodeURIComponent(csrf)}&${fields.map((f) => `${f}=%FF%FE%C3%28%ED%A0%80`).join('&')}`,
      ],
      ['JSON objects for lists', 'application/json', json(() => ({ toString: 'x', valueOf: 'y' }))],
      ['JSON wrong types', 'application/json', json((f) => (f.length % 2 ? 12345 : [true, null, 1.5]))],
      ['JSON with NUL', 'application/json', json(() => 'a\u0000b')],
      ['JSON of 1 MB', 'application/json', JSON.stringify({ _csrf: csrf, ...manyKeys })],
      ['JSON not an object', 'application/json', '["a", "b"]'],
      ['malformed JSON', 'application/json', '{"title": '],
    ];
  }

  it('answers every hostile body without a server error', { timeout: 900_000 }, async () => {
    const routes = t.app.routeList.filter((r) => r.method === 'POST');
    expect(routes.length).toBeGreaterThan(30);
    for (const route of routes) {
      const url = urlOf(route.url);
      const { client, csrf } = await clientFor(route.url, route.access?.kind ?? 'public');
      const fields = await fieldsOf(client, url);
      for (const [name, type, body] of payloads(fields, csrf)) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type, cookie: cookieOf(client), accept: 'text/html' },
          payload: body,
        });
        tried++;
        if (res.statusCode >= 500) failures.push(`${route.url} (${name}): ${res.statusCode}`);
        if (res.body.length > 2_000_000)
          failures.push(`${route.url} (${name}): ${res.body.length} bytes answered`);
      }
      if (route.uploads) {
        for (const [name, type, body] of multipartPayloads(fields, await fileFieldsOf(client, url), csrf)) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { 'content-type': type, cookie: cookieOf(client), accept: 'text/html' },
            payload: body,
          });
          tried++;
          if (res.statusCode >= 500) failures.push(`${route.url} (${name}): ${res.statusCode}`);
        }
      }
      // A route that takes files reads multipart forms (above); every other answers 415 to one.
      const unread = [
        'text/plain',
        'application/xml',
        ...(route.uploads ? [] : ['multipart/form-data; boundary=x']),
      ];
      for (const type of unread) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': type, cookie: cookieOf(client) },
          payload: 'title=x',
        });
        tried++;
        if (res.statusCode !== 415) failures.push(`${route.url} (${type}): ${res.statusCode}, not 415`);
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThan(routes.length * 10);
  });

  it('answers a path parameter that can name nothing (a NUL, a lone surrogate) with 404 on every route', async () => {
    const routes = t.app.routeList.filter((r) => r.url.includes('/:'));
    expect(routes.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const route of routes) {
      const { client } = await clientFor(route.url, route.access?.kind ?? 'public');
      for (const [, name] of route.url.matchAll(/:([a-zA-Z]+)/g)) {
        for (const hostile of ['%00', 'x%00y', '%1F', '%ED%A0%80']) {
          // The other parameters real where this test has them (else any name): only this one is hostile.
          const url = route.url.replace(/:([a-zA-Z]+)/g, (_, other: string) =>
            other === name ? hostile : (params[`${route.url}|${other}`] ?? params[other] ?? 'x'),
          );
          const res = await t.app.inject({
            method: route.method as 'GET' | 'POST',
            url,
            headers: { cookie: cookieOf(client), accept: 'text/html' },
          });
          // 404: nothing has such a name; 400: the address is not even UTF-8. Never a server error.
          if (![400, 404].includes(res.statusCode))
            failures.push(`${route.method} ${url}: ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("gives the answer form's autosave JSON, not an HTML page, when its body is refused", async () => {
    const { client, csrf } = await clientFor('/uppdrag', 'global');
    const res = await t.app.inject({
      method: 'POST',
      url: urlOf('/uppdrag/:occasionId/:organisationId'),
      headers: { 'content-type': 'application/json', accept: 'application/json', cookie: cookieOf(client) },
      payload: JSON.stringify({ _csrf: csrf, version: { toString: 'x' } }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    const answer = res.json<{ ok: boolean; errors: Record<string, string> }>();
    expect(answer.ok).toBe(false);
    expect(answer.errors._form).toContain('Fältet version har fel form');
  });
});
