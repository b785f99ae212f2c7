import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories, type TestUser } from '../../../tests/factories.ts';
import { eventFactories } from '../../../tests/factories/event-registrations.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findCountyBoard } from '../reference/index.ts';
import type { CouncilRow } from './repository.ts';
import { addRepresentative, councilOverview, formCouncil } from './service.ts';
import { urls } from './urls.ts';
import { createYearSteps, editYearStep, yearOf, yearPlan } from './year-plan.ts';

/** The year plan (årshjul) of a council in Uppsala (03); another county's rounds and events are Västernorrland's (22). */
describe("a council's year plan", () => {
  let t: TestApp;
  let admin: TestUser, member: TestUser, otherAdmin: TestUser;
  let council: CouncilRow;
  let c: { admin: TestClient; member: TestClient; otherAdmin: TestClient };
  const own = { round: '', event: '' };
  const foreign = { round: '', event: '' };

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    [admin, member, otherAdmin] = await Promise.all([
      createTestUser(db, 'county_admin', { countyCode: '03' }),
      createTestUser(db, 'council_member', { countyCode: '03' }),
      createTestUser(db, 'county_admin', { countyCode: '22' }),
    ]);
    const board = (await findCountyBoard(db, '03'))!;
    council = await formCouncil(
      db,
      admin.actor,
      '03',
      { name: `Råd för social hållbarhet ${randomUUID().slice(0, 6)}`, formedOn: '2020-01-01' },
      { conveningOrganisationId: board.id },
    );
    const body = (await councilOverview(db, '03', council.id)).tree[0]!;
    await addRepresentative(db, admin.actor, '03', council.id, body.id, {
      organisationId: board.id,
      name: 'Rådsledamot',
      email: member.email,
      role: 'member',
    });
    const make = factories(t.app);
    const events = eventFactories(t.app);
    own.round = (await make.round({ county: '03', title: 'Lägesbild Uppsala län' })).round.id;
    foreign.round = (await make.round({ county: '22', title: 'Lägesbild Västernorrland' })).round.id;
    own.event = (await events.event({ county: '03', title: 'Kunskapsdag om social hållbarhet' })).id;
    foreign.event = (await events.event({ county: '22', title: 'Västernorrlands dag' })).id;
    c = { admin: new TestClient(t.app), member: new TestClient(t.app), otherAdmin: new TestClient(t.app) };
    await c.admin.login(admin.email, admin.password);
    await c.member.login(member.email, member.password);
    await c.otherAdmin.login(otherAdmin.email, otherAdmin.password);
  }, 120_000);
  afterAll(() => t.close());

  const auditCount = async (action: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*) as n from audit_log where entity_id = ${council.id} and action = ${action}`,
        )
      )[0]!.n,
    );

  it("creates the year's four steps in the model's order, once however often it is asked", async () => {
    const db = t.database.db;
    const first = await createYearSteps(db, admin.actor, '03', council.id, 2025);
    expect(first.map((s) => s.kind)).toEqual([
      'situational_picture',
      'knowledge',
      'reference_group',
      'focus_areas',
    ]);
    expect(await createYearSteps(db, admin.actor, '03', council.id, 2025)).toEqual([]);
    const plan = await yearPlan(db, council, 2025);
    expect(plan.map((s) => s.title)).toEqual([
      'Gemensam lägesbild',
      'Kunskapsspridning',
      'Referensgrupp',
      'Fortsatta och nya fokusområden',
    ]);
    expect(plan[0]).toMatchObject({ startsOn: '2025-01-15', endsOn: '2025-04-30', status: 'planned' });
    expect(await auditCount('council.year_steps_created')).toBe(1);
  });

  it('creates nothing twice when two clicks come at once', async () => {
    const db = t.database.db;
    const results = await Promise.all(
      [1, 2, 3].map(() => createYearSteps(db, admin.actor, '03', council.id, 2027)),
    );
    expect(results.map((r) => r.length).sort()).toEqual([0, 0, 4]);
    expect(await yearPlan(db, council, 2027)).toHaveLength(4);
    expect(await auditCount('council.year_steps_created')).toBe(2);
  });

  it("refuses a member, another county's admin and a year out of range", async () => {
    const db = t.database.db;
    await expect(createYearSteps(db, member.actor, '03', council.id, 2026)).rejects.toThrow();
    await expect(createYearSteps(db, otherAdmin.actor, '22', council.id, 2026)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(createYearSteps(db, admin.actor, '03', council.id, 1900)).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await yearPlan(db, council, 2026)).toEqual([]);
  });

  it("links the county's own round and event, and refuses another county's as a field error", async () => {
    const db = t.database.db;
    const [step] = await yearPlan(db, council, 2025);
    const input = {
      title: 'Samlad nulägesbild',
      notes: 'Underlag från kommunerna.',
      startsOn: '2025-02-01',
      endsOn: '2025-05-31',
      status: 'ongoing' as const,
      roundId: own.round,
      eventId: own.event,
    };
    await editYearStep(db, admin.actor, '03', council.id, step!.id, input);
    const [saved] = await yearPlan(db, council, 2025);
    expect(saved).toMatchObject({ title: 'Samlad nulägesbild', status: 'ongoing', statusLabel: 'Pågår' });
    expect(saved!.round?.title).toBe('Lägesbild Uppsala län');
    expect(saved!.event?.title).toBe('Kunskapsdag om social hållbarhet');
    expect(await auditCount('council.year_step_edited')).toBe(1);

    for (const [field, values] of [
      ['roundId', { roundId: foreign.round }],
      ['eventId', { eventId: foreign.event }],
      ['roundId', { roundId: randomUUID() }],
      ['eventId', { eventId: 'inte-ett-id' }],
      ['endsOn', { endsOn: '2025-01-01' }],
    ] as const) {
      await expect(
        editYearStep(db, admin.actor, '03', council.id, step!.id, { ...input, ...values }),
      ).rejects.toSatisfy((e) => e instanceof ValidationError && field in e.fieldErrors);
    }
    // Nothing of the refused changes was written, and nothing of the other county's leaked.
    const [after] = await yearPlan(db, council, 2025);
    expect(after!.roundId).toBe(own.round);
    expect(after!.eventId).toBe(own.event);
    expect(await auditCount('council.year_step_edited')).toBe(1);
    // Another council's step, or another county's admin, is not found.
    await expect(
      editYearStep(db, otherAdmin.actor, '22', council.id, step!.id, input),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(editYearStep(db, admin.actor, '03', council.id, randomUUID(), input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('reads the year from the address, or this year', () => {
    expect(yearOf('2026')).toBe(2026);
    expect(yearOf('20266')).toBe(yearOf(undefined));
    expect(yearOf('1800')).toBe(yearOf(undefined));
    expect(yearOf(['2026'])).toBe(yearOf(undefined));
  });

  it('shows members the plan as an ordered list with the years around it, and no buttons', async () => {
    const page = await c.member.get(urls.yearPlan('uppsala', council.slug, 2025));
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.text).toBe('Årshjul 2025');
    const steps = page.doc.querySelectorAll('ol.sv-timeline > li h2').map((h) => h.text.trim());
    expect(steps).toEqual([
      'Samlad nulägesbild',
      'Kunskapsspridning',
      'Referensgrupp',
      'Fortsatta och nya fokusområden',
    ]);
    expect(page.body).toContain('Kunskapsdag om social hållbarhet');
    const years = page.doc.querySelectorAll('nav[aria-label="Välj år"] a').map((a) => a.getAttribute('href'));
    expect(years).toEqual([
      urls.yearPlan('uppsala', council.slug, 2024),
      urls.yearPlan('uppsala', council.slug, 2026),
    ]);
    expect(page.doc.querySelector('main form[method="post"]')).toBeNull();
    expect(page.doc.querySelector(`a[href^="${urls.yearPlan('uppsala', council.slug)}/"]`)).toBeNull();
    // The member may not create or change steps: the routes are the admin's (404).
    expect(
      (
        await c.member.get(
          urls.yearStep('uppsala', council.slug, (await yearPlan(t.database.db, council, 2025))[0]!.id),
        )
      ).status,
    ).toBe(404);
    expect((await c.otherAdmin.get(urls.yearPlan('uppsala', council.slug, 2025))).status).toBe(404);
  });

  it("lets the admin create a year's steps with one click, then change one; bad input comes back beside its field", async () => {
    const plan = urls.yearPlan('uppsala', council.slug, 2028);
    const empty = await c.admin.get(plan);
    expect(empty.body).toContain('Det finns ingen plan för 2028 ännu.');
    const created = await c.admin.submitOn(empty, {});
    expect(created.status).toBe(303);
    expect(created.location).toBe(plan);
    const shown = await c.admin.follow(created);
    expect(shown.body).toContain('Årets steg för 2028 är skapade.');
    expect(shown.doc.querySelectorAll('ol.sv-timeline > li')).toHaveLength(4);
    expect(shown.doc.querySelector('main form[method="post"]')).toBeNull();

    const edit = shown.doc.querySelector('ol.sv-timeline > li a[href*="/arshjul/"]')!.getAttribute('href')!;
    const bad = await c.admin.submit(edit, {
      title: 'Lägesbild 2028',
      startsOn: '2028-02-30',
      roundId: foreign.round,
    });
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#startsOn-error')?.text).toContain('finns inte');
    expect(bad.doc.querySelector('#roundId-error')?.text).toContain('Välj en av länets lägesbildsomgångar');
    expect(bad.doc.querySelector('#title')?.getAttribute('value')).toBe('Lägesbild 2028');
    expect(bad.doc.querySelector('#startsOn')?.getAttribute('value')).toBe('2028-02-30');
    // Another county's round is never offered, nor named on the page.
    expect(bad.body).not.toContain('Lägesbild Västernorrland');

    const saved = await c.admin.submitOn(bad, {
      title: 'Lägesbild 2028',
      startsOn: '2028-02-01',
      endsOn: '2028-04-30',
      status: 'done',
      roundId: own.round,
      eventId: '',
    });
    expect(saved.status).toBe(303);
    const after = await c.admin.follow(saved);
    expect(after.body).toContain('”Lägesbild 2028” är sparat.');
    expect(after.doc.querySelector('ol.sv-timeline > li h2')?.text).toBe('Lägesbild 2028');
    expect(after.body).toContain('Lägesbild Uppsala län');
  });
});
