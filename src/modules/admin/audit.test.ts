import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { pageProblems, TestClient, type Page } from '../../../tests/helpers/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { answerChangePlaces, type Definition } from '../forms/index.ts';
import { entityTypeLabels, entityTypeOne, oneThingFilterText } from './audit-text.ts';

const suffix = Math.random().toString(36).slice(2, 8);

describe('admin: the audit log in readable Swedish, filtered and paged', () => {
  let t: TestApp;
  let sys: TestClient;
  let reviewer: TestUser;
  let responseId = '';

  beforeAll(async () => {
    t = await buildTestApp();
    const make = factories(t.app);
    const admin = await createTestUser(t.database.db, 'system_admin');
    reviewer = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    sys = new TestClient(t.app);
    await sys.login(admin.email, admin.password);
    const made = await make.response({ county: '03', municipality: '0380', status: 'submitted' });
    responseId = made.response.id;
    await recordAudit(t.database.db, {
      actorId: reviewer.id,
      countyCode: '03',
      action: 'response.approve',
      entityType: 'response',
      entityId: responseId,
      before: { status: 'submitted' },
      after: {
        status: 'approved',
        comment: `Bra svar ${suffix}. ${'Mycket lång kommentar '.repeat(20)}slut`,
      },
    });
  });
  afterAll(() => t.close());

  const ok = (page: Page) => {
    expect(page.status).toBe(200);
    expect(pageProblems(page.doc)).toEqual([]);
    return page;
  };
  const sentences = (page: Page) =>
    page.doc.querySelectorAll('main tbody tr td:nth-child(2) > p:first-child').map((p) => p.text);

  it('says who did what to which thing, and names each changed value', async () => {
    const page = ok(await sys.get(`/admin/granskningslogg?id=${responseId}&objekt=response`));
    expect(sentences(page)).toContain(`${reviewer.actor.name} godkände Uppsala kommuns svar`);
    const row = page.doc.querySelectorAll('main tbody tr').find((r) => r.text.includes('godkände'))!;
    expect(row.text).toContain('Status');
    expect(row.text).toContain('Inskickat');
    expect(row.text).toContain('Godkänt');
    expect(row.text).not.toContain('response.approve');
    // The long comment is cut, with the whole of it a click away.
    const details = row.querySelector('details')!;
    expect(details.querySelector('summary')!.text.trim().endsWith('…')).toBe(true);
    expect(details.querySelector('.sv-audit-value')!.text).toContain('slut');
  });

  it('filters by person, county, kind and days in a GET form, and pages', async () => {
    const byPerson = ok(await sys.get(`/admin/granskningslogg?vem=${reviewer.id}`));
    expect(byPerson.doc.querySelector('form[method="get"][action="/admin/granskningslogg"]')).not.toBeNull();
    expect(
      byPerson.doc.querySelector(`#filter-vem option[value="${reviewer.id}"]`)?.getAttribute('selected'),
    ).toBe('');
    expect(sentences(byPerson).length).toBeGreaterThan(0);
    for (const s of sentences(byPerson)) expect(s.startsWith(reviewer.actor.name)).toBe(true);
    const otherCounty = ok(await sys.get(`/admin/granskningslogg?vem=${reviewer.id}&lan=22`));
    expect(otherCounty.body).toContain('Inga händelser stämmer med filtret.');

    // Fifty-one events on one thing, one of them long ago.
    const id = `test-${suffix}`;
    for (let i = 0; i < 51; i++)
      await recordAudit(t.database.db, {
        actorId: null,
        action: 'boundaries.imported',
        entityType: 'boundaries',
        entityId: id,
        after: { count: i },
      });
    await t.database.db.execute(
      sql`update audit_log set occurred_at = '2020-03-01T12:00:00Z' where id = (select min(id) from audit_log where entity_id = ${id})`,
    );
    const first = ok(await sys.get(`/admin/granskningslogg?objekt=boundaries&id=${id}`));
    expect(sentences(first)).toHaveLength(50);
    expect(sentences(first)[0]).toBe('Systemet läste in kartans gränser');
    const older = first.doc.querySelector('a[rel="next"]')!.getAttribute('href')!;
    expect(older).toContain('sida=2');
    const second = ok(await sys.get(older));
    expect(sentences(second)).toHaveLength(1);
    expect(second.doc.querySelector('a[rel="prev"]')).not.toBeNull();
    const day = ok(
      await sys.get(`/admin/granskningslogg?objekt=boundaries&id=${id}&fran=2020-03-01&till=2020-03-01`),
    );
    expect(sentences(day)).toHaveLength(1);
    // The line over a list of one thing's events uses the kind's own article.
    const oneThing = (page: Page) =>
      page.doc.querySelectorAll('main p.govuk-body').find((p) => p.text.startsWith('Visar bara'))?.text;
    expect(oneThing(first)).toBe('Visar bara händelserna för en uppsättning kartgränser.');
    expect(oneThing(ok(await sys.get(`/admin/granskningslogg?id=${responseId}&objekt=response`)))).toBe(
      'Visar bara händelserna för ett svar.',
    );
    expect(oneThing(ok(await sys.get(`/admin/granskningslogg?id=${id}&objekt=organisation`)))).toBe(
      'Visar bara händelserna för en organisation.',
    );
    expect(oneThing(ok(await sys.get(`/admin/granskningslogg?id=${id}&objekt=constructor`)))).toBe(
      'Visar bara händelserna för ett enda objekt.',
    );
    expect(oneThing(ok(await sys.get(`/admin/granskningslogg?id=${id}`)))).toBe(
      'Visar bara händelserna för ett enda objekt.',
    );
    // A malformed filter is dropped, not an error.
    ok(await sys.get('/admin/granskningslogg?vem=inte-ett-id&fran=2020-13-45&sida=-1'));
  });

  it('has an indefinite form, with its article, for every kind of thing the log names', () => {
    for (const kind of Object.keys(entityTypeLabels)) expect(entityTypeOne[kind], kind).toMatch(/^(en|ett) /);
    expect(oneThingFilterText('questionnaire')).toBe('Visar bara händelserna för ett formulär.');
    expect(oneThingFilterText('invitation')).toBe('Visar bara händelserna för en inbjudan.');
  });

  it('names an answer’s place: the area, the measure’s number and its field', () => {
    const area = 'Våld i nära relationer';
    const defaultDefinition: Definition = {
      areas: [{ key: 'violence', label: area }],
      sections: [
        {
          id: 'violence',
          title: area,
          questions: [
            {
              id: 'violence_risk',
              type: 'scale',
              label: 'Hur bedömer ni läget?',
              required: true,
              scale: { max: 5, labels: { '2': 'Liten påverkan', '4': 'Stor påverkan' }, allowUnknown: false },
              area: 'violence',
              role: 'risk',
            },
            {
              id: 'violence_measures',
              type: 'measures',
              label: 'Åtgärder',
              required: false,
              area: 'violence',
              role: 'measures',
            },
          ],
        },
      ],
    };
    const changes = answerChangePlaces(
      defaultDefinition,
      {
        violence_risk: '2',
        violence_measures: [
          { description: 'Samråd', status: 'planned', targetGroup: '', responsible: '', startDate: '' },
          { description: 'Kurs', status: 'planned', targetGroup: '', responsible: '', startDate: '' },
        ],
      },
      {
        violence_risk: '4',
        violence_measures: [
          { description: 'Samråd', status: 'planned', targetGroup: '', responsible: '', startDate: '' },
          { description: 'Kurs', status: 'taken', targetGroup: '', responsible: '', startDate: '' },
        ],
      },
    );
    expect(changes.map((c) => c.place)).toEqual([
      'Våld i nära relationer: Hur bedömer ni läget?',
      'Åtgärd 2 under Våld i nära relationer: status',
    ]);
    expect(changes[0]).toMatchObject({ before: 'Liten påverkan', after: 'Stor påverkan' });
    expect(changes[1]).toMatchObject({ before: 'Planerad', after: 'Vidtagen' });
  });
});
