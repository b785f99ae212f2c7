import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../src/platform/roles.ts';
import { buildTestApp, type TestApp } from './helpers/app.ts';
import { pageProblems, TestClient } from './helpers/client.ts';
import { createTestUser } from './factories.ts';

type Who = Role | 'anonymous';
const everyone: Who[] = ['anonymous', ...roles];

/** Expected status per actor; county roles hold their role in Uppsala län. */
type Expect = Record<Who, number>;
const all = (status: number): Expect => Object.fromEntries(everyone.map((w) => [w, status])) as Expect;
const only = (allowed: Role[], deny = 403): Expect =>
  Object.fromEntries(
    everyone.map((w) => [w, w === 'anonymous' ? 303 : allowed.includes(w) ? 200 : deny]),
  ) as Expect;
/** A county page: allowed roles see their own county; any other county is 404 (only the system admin sees all). */
const countyPage = (allowed: Role[]) => ({ own: only(allowed, 404), other: only(['system_admin'], 404) });
const signedIn404: Expect = { ...all(404), anonymous: 303 };
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Every GET route and what each actor gets: the readable spec of who may open what. */
const spec: Record<string, Expect | { own: Expect; other: Expect }> = {
  '/healthz': all(200),
  '/readyz': all(200),
  '/': all(200),
  '/logga-in': { ...all(303), anonymous: 200 },
  '/start': all(303),
  '/glomt-losenord': all(200),
  '/aterstall-losenord/:token': all(404),
  '/inbjudan/:token': all(404),
  '/:county/': { own: all(200), other: all(200) },
  '/:county': { own: all(301), other: all(301) },
  '/:county/admin': countyPage(['system_admin', 'county_admin', 'county_editor']),
  '/:county/admin/personer': countyPage(['system_admin', 'county_admin', 'county_editor']),
  '/:county/rad': countyPage(['system_admin', 'county_admin', 'county_editor', 'council_member']),
  '/nationellt': only(['system_admin', 'national_coordinator']),
  '/min-organisation': only(['reporter']),
  '/admin': only(['system_admin']),
  '/admin/organisationer': only(['system_admin']),
  '/admin/organisationer/ny': only(['system_admin']),
  '/admin/anvandare': only(['system_admin']),
  '/admin/e-post': only(['system_admin']),
  '/admin/e-post/:id': { ...only(['system_admin']), system_admin: 404 },
  '/admin/granskningslogg': only(['system_admin']),
  '/:county/lagesbild': countyPage(['system_admin', 'county_admin', 'county_editor']),
  '/:county/lagesbild/ny': countyPage(['system_admin', 'county_admin']),
  // Pages of one round, occasion or response: here with ids that do not exist, so 404 for all who pass
  // the county check; the situation tests walk them with real ids.
  '/:county/lagesbild/:roundId': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/:roundId/:occasionId': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/:roundId/:occasionId/svar.xlsx': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/:roundId/:occasionId/svar.csv': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/:roundId/:occasionId/sammanstallning': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/:roundId/:occasionId/sammanstallning.docx': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/svar/:responseId': { own: signedIn404, other: signedIn404 },
  '/uppdrag': only(['reporter']),
  '/uppdrag/:occasionId/:organisationId': { ...only(['reporter']), reporter: 404 },
  '/nationellt/lagesbild': only(['system_admin', 'national_coordinator']),
  '/nationellt/lagesbild/ny': only(['system_admin', 'national_coordinator']),
  '/nationellt/lagesbild/:roundId/:occasionId': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
  '/nationellt/lagesbild/:roundId/:occasionId/svar.xlsx': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
  '/nationellt/lagesbild/:roundId/:occasionId/svar.csv': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
  '/nationellt/lagesbild/:roundId/:occasionId/lan/:county': {
    own: { ...only(['system_admin', 'national_coordinator']), system_admin: 404, national_coordinator: 404 },
    other: {
      ...only(['system_admin', 'national_coordinator']),
      system_admin: 404,
      national_coordinator: 404,
    },
  },
  '/nationellt/lagesbild/:roundId/:occasionId/lan/:county.docx': {
    own: { ...only(['system_admin', 'national_coordinator']), system_admin: 404, national_coordinator: 404 },
    other: {
      ...only(['system_admin', 'national_coordinator']),
      system_admin: 404,
      national_coordinator: 404,
    },
  },
  '/nationellt/formular': only(['system_admin', 'national_coordinator']),
  '/nationellt/formular/nytt': only(['system_admin', 'national_coordinator']),
  '/nationellt/formular/:questionnaireId': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
  '/nationellt/formular/:questionnaireId/version/:version': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
  '/:county/lagesbild/formular': countyPage(['system_admin', 'county_admin']),
  '/:county/lagesbild/formular/nytt': countyPage(['system_admin', 'county_admin']),
  '/:county/lagesbild/formular/:questionnaireId': { own: signedIn404, other: signedIn404 },
  '/:county/lagesbild/formular/:questionnaireId/version/:version': { own: signedIn404, other: signedIn404 },
  '/nationellt/lagesbild/:roundId/:occasionId.docx': {
    ...only(['system_admin', 'national_coordinator']),
    system_admin: 404,
    national_coordinator: 404,
  },
};

describe('routes', () => {
  let t: TestApp;
  const clients = new Map<Who, TestClient>();

  beforeAll(async () => {
    t = await buildTestApp();
    clients.set('anonymous', new TestClient(t.app));
    for (const role of roles) {
      const user = await createTestUser(t.database.db, role, { countyCode: '03' });
      const client = new TestClient(t.app);
      await client.login(user.email, user.password);
      clients.set(role, client);
    }
  });
  afterAll(() => t.close());

  it('every route declares who may call it', () => {
    const undeclared = t.app.routeList.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it('the spec names every GET route, so a new page cannot slip in untested', () => {
    const gets = t.app.routeList
      .filter((r) => r.method === 'GET' && !r.url.startsWith('/static/'))
      .map((r) => r.url);
    expect([...new Set(gets)].sort()).toEqual(Object.keys(spec).sort());
  });

  for (const [pattern, expected] of Object.entries(spec)) {
    const cases: Array<[string, Expect]> =
      'own' in expected
        ? [
            [pattern.replace(':county', 'uppsala'), expected.own],
            [pattern.replace(':county', 'vasternorrland'), expected.other],
          ]
        : [[pattern.replace(':token', 'ogiltig-token').replace(':id', '0000000001'), expected]];
    for (const c of cases)
      c[0] = c[0].replace(/:(roundId|occasionId|responseId|organisationId)/g, NO_SUCH_ID);
    for (const [url, statuses] of cases) {
      it(`GET ${url}`, async () => {
        for (const w of everyone) {
          const page = await clients.get(w)!.get(url);
          expect(page.status, `${w} GET ${url}`).toBe(statuses[w]);
          if (page.status === 200 && String(page.headers['content-type']).startsWith('text/html')) {
            expect(pageProblems(page.doc), `${w} GET ${url}`).toEqual([]);
          }
          if (page.status === 303 && w === 'anonymous' && statuses[w] === 303 && url !== '/start') {
            expect(page.location).toBe(`/logga-in?next=${encodeURIComponent(url)}`);
          }
        }
      });
    }
  }

  it('answers a Swedish 404 page for an address that matches no route', async () => {
    const page = await clients.get('anonymous')!.get('/finns-inte/alls');
    expect(page.status).toBe(404);
    expect(page.doc.querySelector('h1')?.text).toBe('Sidan hittades inte');
    expect(pageProblems(page.doc)).toEqual([]);
  });

  it('answers 404 for a county that does not exist', async () => {
    const page = await clients.get('system_admin')!.get('/atlantis/admin');
    expect(page.status).toBe(404);
    expect(page.doc.querySelector('h1')?.text).toBe('Sidan hittades inte');
  });
});
