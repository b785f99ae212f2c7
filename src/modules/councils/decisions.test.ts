import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { findCountyBoard } from '../reference/index.ts';
import { nextNumber, recordDecision, type DecisionInput } from './decisions.ts';
import * as drepo from './decisions-repository.ts';
import { addAgendaItem, planMeeting } from './meetings.ts';
import { addBody, addRepresentative, councilOverview, dissolveCouncil, formCouncil } from './service.ts';
import { urls } from './urls.ts';

/** The decision register of a council in Jönköping (06), where no other test file has councils. */
describe('the decision register', () => {
  let t: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let council: { id: string; slug: string };
  let body: string;
  const county = 'jonkoping';
  const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
    decidedOn: '2024-03-01',
    bodyId: body,
    title: 'Samverkansplan 2024–2026',
    text: 'Rådet **antar** samverkansplanen.',
    validity: 'until_further_notice',
    ...over,
  });
  const record = (over: Partial<DecisionInput> = {}) =>
    recordDecision(t.database.db, admin.actor, '06', council.id, input(over));
  const as = async (user: TestUser) => {
    const c = new TestClient(t.app);
    await c.login(user.email, user.password);
    return c;
  };

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '06' });
    member = await createTestUser(db, 'council_member', { countyCode: '06' });
    const board = (await findCountyBoard(db, '06'))!.id;
    council = await formCouncil(
      db,
      admin.actor,
      '06',
      { name: `Råd ${randomUUID().slice(0, 6)}`, formedOn: '2020-01-01' },
      { conveningOrganisationId: board },
    );
    body = (await councilOverview(db, '06', council.id)).tree[0]!.id;
    // The member sits in a working group only: the register is the whole room's.
    const group = await addBody(db, admin.actor, '06', council.id, {
      kind: 'working_group',
      name: 'Arbetsgruppen',
      reportsToId: body,
    });
    await addRepresentative(db, admin.actor, '06', council.id, group.id, {
      organisationId: board,
      name: 'Gruppmedlem',
      email: member.email,
      role: 'member',
    });
  });
  afterAll(() => t.close());

  it('numbers decisions per year when left empty, and refuses a number taken', async () => {
    expect(nextNumber('2025', [])).toBe('2025:1');
    expect(nextNumber('2025', ['2025:1', '2025:9', 'särskilt'])).toBe('2025:10');
    const first = await record({ decidedOn: '2023-02-01' });
    const second = await record({ decidedOn: '2023-05-01' });
    const next = await record({ decidedOn: '2024-01-10' });
    expect([first.number, second.number, next.number]).toEqual(['2023:1', '2023:2', '2024:1']);
    await expect(record({ number: '2023:2' })).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationError &&
        e.fieldErrors.number === 'Rådet har redan ett beslut med nummer 2023:2',
    );
    const own = await record({ number: 'RS 2023/14', decidedOn: '2023-06-01' });
    expect(own.number).toBe('RS 2023/14');
    expect((await record({ decidedOn: '2023-07-01' })).number).toBe('2023:3');
  });

  it('an end date must be a date after the decision', async () => {
    await expect(record({ validity: 'until_date', validUntil: '' })).rejects.toSatisfy(
      (e) => e instanceof ValidationError && 'validUntil' in e.fieldErrors,
    );
    await expect(record({ validity: 'until_date', validUntil: '2024-02-01' })).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationError &&
        e.fieldErrors.validUntil === 'Beslutet kan inte sluta gälla innan det fattades',
    );
    const limited = await record({ validity: 'until_date', validUntil: '2024-12-31' });
    expect(limited.validUntil).toBe('2024-12-31');
  });

  it('a later decision replaces an earlier: the earlier ends and links to it, and it to the earlier', async () => {
    const earlier = await record({ decidedOn: '2022-03-01', title: 'Samverkansplan 2022' });
    const later = await record({
      decidedOn: '2025-03-01',
      title: 'Samverkansplan 2025',
      replacesId: earlier.id,
    });
    const ended = (await drepo.findDecision(t.database.db, council.id, earlier.id))!;
    expect(ended.replacedById).toBe(later.id);
    expect(ended.validUntil).toBe('2025-03-01');
    await expect(record({ decidedOn: '2025-04-01', replacesId: earlier.id })).rejects.toThrow(
      'Beslutet är redan ersatt av ett annat beslut.',
    );
    await expect(record({ decidedOn: '2021-04-01', replacesId: later.id })).rejects.toThrow(
      'Ett beslut kan bara ersättas av ett senare beslut.',
    );

    const c = await as(member);
    const page = await c.get(urls.decision(county, council.slug, earlier.id));
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('.govuk-tag')?.text).toBe('Ersatt');
    expect(page.doc.querySelector('[role="note"] a')?.getAttribute('href')).toBe(
      urls.decision(county, council.slug, later.id),
    );
    const successor = await c.get(urls.decision(county, council.slug, later.id));
    expect(successor.doc.querySelector('.govuk-tag')?.text).toBe('Gäller');
    expect(successor.body).toContain(`href="${urls.decision(county, council.slug, earlier.id)}"`);
    expect(successor.body).toContain('<strong>antar</strong>');
    // A member reads; the form to record is the admin's.
    const list = await c.get(urls.decisions(county, council.slug));
    expect(list.status).toBe(200);
    expect(list.body).toContain('Samverkansplan 2025');
    expect(list.doc.querySelector('#record')).toBeNull();
  });

  it('two concurrent replacements of one decision: exactly one wins, the other is a conflict', async () => {
    const earlier = await record({ decidedOn: '2022-01-15', title: 'Handlingsplan' });
    const results = await Promise.allSettled([
      record({ decidedOn: '2025-01-15', title: 'Handlingsplan A', replacesId: earlier.id }),
      record({ decidedOn: '2025-01-16', title: 'Handlingsplan B', replacesId: earlier.id }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const ended = (await drepo.findDecision(t.database.db, council.id, earlier.id))!;
    expect(ended.replacedById).toBe((won[0] as PromiseFulfilledResult<{ id: string }>).value.id);
    // The loser left nothing behind.
    const titles = (await drepo.listDecisions(t.database.db, council.id)).map((d) => d.title);
    expect(titles.filter((x) => x.startsWith('Handlingsplan '))).toHaveLength(1);
  });

  it('links a decision to the agenda item it was taken under', async () => {
    const meeting = await planMeeting(t.app.deps, admin.actor, '06', council.id, {
      bodyId: body,
      title: 'Rådsmöte i mars',
      date: '2025-03-10',
      startTime: '13.00',
      endTime: '15.00',
      location: 'Residenset',
    });
    const item = await addAgendaItem(
      t.app.deps,
      admin.actor,
      { countyCode: '06', councilId: council.id, meetingId: meeting.id },
      'Beslut om strategin',
    );
    const decision = await record({
      decidedOn: '2025-03-10',
      title: 'Strategi 2025–2030',
      agendaItemId: item.id,
    });
    expect(decision.meetingId).toBe(meeting.id);
    const c = await as(admin);
    const page = await c.get(urls.decision(county, council.slug, decision.id));
    expect(page.body).toContain('Beslut om strategin');
    expect(page.body).toContain(`href="${urls.meeting(county, council.slug, meeting.id)}"`);
    const meetingPage = await c.get(urls.meeting(county, council.slug, meeting.id));
    expect(meetingPage.body).toContain(`Beslut ${decision.number}: Strategi 2025–2030`);
    // The member of another body reads the decision, not a link to a meeting it cannot see.
    const seen = await (await as(member)).get(urls.decision(county, council.slug, decision.id));
    expect(seen.status).toBe(200);
    expect(seen.body).not.toContain(`href="${urls.meeting(county, council.slug, meeting.id)}"`);
    await expect(record({ agendaItemId: randomUUID() })).rejects.toSatisfy(
      (e) => e instanceof ValidationError && 'agendaItemId' in e.fieldErrors,
    );
  });

  it('the form: bad input back beside its fields with the input kept; 404 for another county; 409 once dissolved', async () => {
    const c = await as(admin);
    const list = urls.decisions(county, council.slug);
    const bad = await c.submit(list, { title: '', decidedOn: '2025-13-01', text: 'Behåll mig' }, list);
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#title-error')).not.toBeNull();
    expect(bad.doc.querySelector('#decidedOn-error')).not.toBeNull();
    expect(bad.doc.querySelector('#text')?.text).toBe('Behåll mig');
    const made = await c.submit(
      list,
      { title: 'Riktlinjer', decidedOn: '2026-01-20', bodyId: body, validity: 'until_further_notice' },
      list,
    );
    expect(made.status).toBe(303);
    expect((await c.follow(made)).body).toContain('Beslut 2026:1 är infört i beslutsregistret.');

    const other = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const o = await as(other);
    expect((await o.get(list)).status).toBe(404);
    expect((await o.get(`/uppsala/rad/${council.slug}/beslut`)).status).toBe(404);

    await dissolveCouncil(t.database.db, admin.actor, '06', council.id, '2026-06-30');
    const refused = await c.post(list, {
      _csrf: await c.csrfToken(),
      title: 'För sent',
      decidedOn: '2026-07-01',
      bodyId: body,
      validity: 'until_further_notice',
    });
    expect(refused.status).toBe(409);
    expect(refused.doc.querySelector('.govuk-error-summary')?.text).toContain('Rådet är upplöst.');
  });
});
