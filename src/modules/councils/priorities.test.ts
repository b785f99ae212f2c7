import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { queryRows, type Db } from '../../db/client.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { findCountyBoard, findMunicipalityOrganisation } from '../reference/index.ts';
import {
  addFinancingLine,
  addIntervention,
  addMilestone,
  interventionDetails,
  removeFinancingLine,
  removeMilestone,
  reportProgress,
} from './interventions.ts';
import { addInterventionArea, addPriority, handlingMatrix, recordHandling } from './priorities.ts';
import { addMembers, addRepresentative, councilOverview, dissolveCouncil, formCouncil } from './service.ts';
import { importProgress, ProgressImportError } from './progress-import.ts';
import { addStrategy, addStrategyGoal, setInterventionGoals, strategiesOf } from './strategies.ts';
import { urls } from './urls.ts';

/**
 * Priorities, interventions and the members' handling on a real database, in Gävleborg (21), where no other
 * test writes councils: who may report for an intervention (the admin, a council member of the owner), what an
 * ended council refuses, a period's second report replacing the first, concurrent reports, and the pages.
 */
describe('priorities and interventions', () => {
  let t: TestApp;
  let db: Db;
  let admin: TestUser;
  let gavleMember: TestUser;
  let sandvikenMember: TestUser;
  let board: string;
  let gavle: string;
  let sandviken: string;

  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '21' });
    board = (await findCountyBoard(db, '21'))!.id;
    gavle = (await findMunicipalityOrganisation(db, '2180'))!.id;
    sandviken = (await findMunicipalityOrganisation(db, '2181'))!.id;
    gavleMember = await createTestUser(db, 'council_member', {
      countyCode: '21',
      organisationName: 'Gävle kommun',
    });
    sandvikenMember = await createTestUser(db, 'council_member', {
      countyCode: '21',
      organisationName: 'Sandvikens kommun',
    });
  });
  afterAll(() => t.close());

  /** A council with Gävle and Sandviken, a priority, an area and an intervention owned by Gävle. */
  async function world() {
    const council = await formCouncil(
      db,
      admin.actor,
      '21',
      { name: `Råd för social hållbarhet ${Math.random().toString(36).slice(2, 8)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board },
    );
    await addMembers(db, admin.actor, '21', council.id, [gavle, sandviken], '2024-01-01');
    const priority = await addPriority(db, admin.actor, '21', council.id, {
      name: 'Mäns våld mot kvinnor',
      validFrom: '2024-03-01',
      agendaTargets: '5.2, 16.1',
    });
    const area = await addInterventionArea(db, admin.actor, '21', council.id, priority.id, {
      name: 'Kunskap om våld',
      purpose: 'Höja kunskapen om mäns våld mot kvinnor.',
    });
    const intervention = await addIntervention(db, admin.actor, '21', council.id, {
      areaId: area.id,
      name: 'Webbkurs om våld',
      ownerOrganisationId: gavle,
      participantIds: [sandviken],
      status: 'ongoing',
      indicators: 'n00945',
    });
    return { council, priority, area, intervention };
  }

  const report = (period: string, status = 'ongoing', text = 'Arbetet går enligt plan.') => ({
    period,
    text,
    status,
    figureLabel0: 'Deltagare',
    figureValue0: '42',
    figureUnit0: 'personer',
  });

  it('keeps a priority with Agenda 2030 targets checked, and an intervention with its Kolada indicator', async () => {
    const { council, intervention } = await world();
    expect(intervention.indicators).toEqual(['N00945']);
    await expect(
      addPriority(db, admin.actor, '21', council.id, {
        name: 'X',
        validFrom: '2024-01-01',
        agendaTargets: '18.1, 10.9',
      }),
    ).rejects.toSatisfy(
      (e) =>
        e instanceof ValidationError &&
        /18\.1, 10\.9 är inget delmål/.test(e.fieldErrors.agendaTargets ?? ''),
    );
    await expect(
      addIntervention(db, admin.actor, '21', council.id, {
        areaId: intervention.areaId,
        name: 'Utomstående',
        ownerOrganisationId: (await findMunicipalityOrganisation(db, '0180'))!.id,
      }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && 'ownerOrganisationId' in e.fieldErrors);
  });

  it('lets a council member of the owner report, not one of another organisation; a second report replaces the first', async () => {
    const { council, intervention } = await world();
    await reportProgress(db, gavleMember.actor, '21', council.id, intervention.id, report('2025-H1'));
    await expect(
      reportProgress(db, sandvikenMember.actor, '21', council.id, intervention.id, report('2025-H2')),
    ).rejects.toBeInstanceOf(NotFoundError);
    await reportProgress(
      db,
      admin.actor,
      '21',
      council.id,
      intervention.id,
      report('2025-H1', 'paused', 'Pausad över sommaren.'),
    );
    const details = (await interventionDetails(db, council.id, intervention.id))!;
    expect(details.progress).toHaveLength(1);
    expect(details.progress[0]).toMatchObject({
      period: '2025-H1',
      text: 'Pausad över sommaren.',
      status: 'paused',
      figures: [{ label: 'Deltagare', value: 42, unit: 'personer' }],
    });
    expect(details.intervention.status).toBe('paused');
    const actions = await queryRows<{ action: string; before: { text?: string } | null }>(
      db,
      sql`select action, before from audit_log where entity_id = ${council.id} and action like 'council.progress%' order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual(['council.progress_reported', 'council.progress_replaced']);
    expect(actions[1]!.before?.text).toBe('Arbetet går enligt plan.');
  });

  it('refuses a status the lifecycle does not allow, and every change of an ended council (409)', async () => {
    const { council, intervention } = await world();
    await reportProgress(db, admin.actor, '21', council.id, intervention.id, report('2025', 'completed'));
    await expect(
      reportProgress(db, admin.actor, '21', council.id, intervention.id, report('2026', 'ongoing')),
    ).rejects.toThrow('Insatsen är avslutad och kan inte byta status.');
    await dissolveCouncil(db, admin.actor, '21', council.id, '2026-01-31');
    await expect(
      reportProgress(db, gavleMember.actor, '21', council.id, intervention.id, report('2026', 'completed')),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      addPriority(db, admin.actor, '21', council.id, { name: 'Nytt', validFrom: '2026-02-01' }),
    ).rejects.toThrow('Rådet är upplöst.');
  });

  it('of two reports at once, one completing and one pausing, never leaves a completed intervention paused', async () => {
    const { council, intervention } = await world();
    const [completing, pausing] = await Promise.allSettled([
      reportProgress(db, admin.actor, '21', council.id, intervention.id, report('2025-T1', 'completed')),
      reportProgress(db, gavleMember.actor, '21', council.id, intervention.id, report('2025-T2', 'paused')),
    ]);
    // Either the pause came first and the completion after it (both hold), or the completion came first and
    // the pause was refused: a completed intervention changes status no more.
    const status = (await interventionDetails(db, council.id, intervention.id))!.intervention.status;
    expect(completing.status).toBe('fulfilled');
    expect(status).toBe('completed');
    if (pausing.status === 'rejected') expect(pausing.reason).toBeInstanceOf(ConflictError);
    const both = await Promise.allSettled([
      reportProgress(db, admin.actor, '21', council.id, intervention.id, report('2025-T3', 'completed')),
      reportProgress(
        db,
        gavleMember.actor,
        '21',
        council.id,
        intervention.id,
        report('2025-T3', 'completed'),
      ),
    ]);
    expect(both.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    const details = (await interventionDetails(db, council.id, intervention.id))!;
    expect(details.progress.filter((r) => r.period === '2025-T3')).toHaveLength(1);
  });

  it('records each member’s handling: their own organisation, or any for the admin', async () => {
    const { council, priority } = await world();
    await recordHandling(db, gavleMember.actor, '21', council.id, {
      priorityId: priority.id,
      organisationId: gavle,
      state: 'decided',
      comment: 'Beslutat i kommunstyrelsen.',
    });
    await expect(
      recordHandling(db, gavleMember.actor, '21', council.id, {
        priorityId: priority.id,
        organisationId: sandviken,
        state: 'decided',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await recordHandling(db, admin.actor, '21', council.id, {
      priorityId: priority.id,
      organisationId: sandviken,
      state: 'not_relevant',
    });
    const matrix = await handlingMatrix(db, council.id);
    expect(matrix.answerOf(gavle, priority.id)).toMatchObject({ state: 'decided' });
    expect(matrix.answerOf(sandviken, priority.id)).toMatchObject({ state: 'not_relevant' });
    expect(matrix.answerOf(board, priority.id)).toBeUndefined();
  });

  it('warns on the page when financing ends within six months with nobody taking over; bad input keeps the input', async () => {
    const { council, intervention } = await world();
    const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await addFinancingLine(db, admin.actor, '21', council.id, intervention.id, {
      funderOrganisationId: board,
      amountSek: '1 200 000',
      fromOn: '2024-01-01',
      untilOn: soon,
    });
    // The admin sits in no body, but keeps the council: the room is theirs.
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const path = urls.intervention('gavleborg', council.slug, intervention.id);
    const page = await client.get(path);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('.govuk-warning-text')?.text).toContain('ingen är angiven att ta över');
    expect(page.body).toContain('https://www.kolada.se/verktyg/fri-sokning/?kpis=N00945');
    const bad = await client.post(`${path}/lagesrapport`, {
      _csrf: await client.csrfToken(),
      period: '2025-H3',
      text: 'Texten som skrevs',
      status: 'ongoing',
    });
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#progress-period')?.getAttribute('value')).toBe('2025-H3');
    expect(bad.doc.querySelector('#progress-text')?.text).toBe('Texten som skrevs');
    expect(bad.doc.querySelector('.govuk-error-summary a')?.getAttribute('href')).toBe('#progress-period');
  });

  it('lets the admin remove a financing line and a milestone, audited; not another intervention’s, not a member, not in an ended council', async () => {
    const { council, intervention } = await world();
    const other = await addIntervention(db, admin.actor, '21', council.id, {
      areaId: intervention.areaId,
      name: 'Annan insats',
      ownerOrganisationId: sandviken,
      status: 'ongoing',
    });
    const line = await addFinancingLine(db, admin.actor, '21', council.id, intervention.id, {
      funderOrganisationId: board,
      amountSek: '50000',
      fromOn: '2024-01-01',
    });
    const otherLine = await addFinancingLine(db, admin.actor, '21', council.id, other.id, {
      funderOrganisationId: sandviken,
      amountSek: '1000',
      fromOn: '2024-01-01',
    });
    const milestone = await addMilestone(db, admin.actor, '21', council.id, intervention.id, {
      title: 'Kursen lanserad',
      dueOn: '2025-06-30',
    });
    const kept = await addMilestone(db, admin.actor, '21', council.id, intervention.id, {
      title: 'Kursen utvärderad',
      dueOn: '2025-12-31',
    });

    // The page offers a removal beside each line and milestone, named for a screen reader.
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const path = urls.intervention('gavleborg', council.slug, intervention.id);
    const page = await client.get(path);
    const removals = page.doc
      .querySelectorAll('form[action$="/ta-bort"] button')
      .map((b) => b.text.replace(/\s+/g, ' ').trim());
    expect(removals).toEqual([
      'Ta bort finansieringen från Länsstyrelsen i Gävleborgs län, 50 000 kr, från 1 januari 2024 tills vidare',
      'Ta bort delmålet Kursen lanserad',
      'Ta bort delmålet Kursen utvärderad',
    ]);
    const removed = await client.post(`${path}/finansiering/${line.id}/ta-bort`, {
      _csrf: await client.csrfToken(),
    });
    expect(removed.status).toBe(303);
    expect(removed.headers.location).toBe(path);
    expect((await client.follow(removed)).body).toContain('Finansieringen är borttagen.');
    const gone = await client.post(`${path}/delmal/${milestone.id}/ta-bort`, {
      _csrf: await client.csrfToken(),
    });
    expect(gone.status).toBe(303);
    expect((await client.follow(gone)).body).toContain('Delmålet ”Kursen lanserad” är borttaget.');
    const details = (await interventionDetails(db, council.id, intervention.id))!;
    expect(details.financing).toEqual([]);
    expect(details.milestones.map((m) => m.id)).toEqual([kept.id]);
    const audited = await queryRows<{ action: string; before: { intervention?: string } | null }>(
      db,
      sql`select action, before from audit_log where entity_id = ${council.id} and action like '%_removed' order by id`,
    );
    expect(audited.map((a) => [a.action, a.before?.intervention])).toEqual([
      ['council.financing_removed', 'Webbkurs om våld'],
      ['council.milestone_removed', 'Webbkurs om våld'],
    ]);

    // Another intervention's line, a line already removed, a member of the owner: 404.
    await expect(
      removeFinancingLine(db, admin.actor, '21', council.id, intervention.id, otherLine.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(
      (
        await client.post(
          `${path}/finansiering/${otherLine.id}/ta-bort`,
          { _csrf: await client.csrfToken() },
          { checkPage: false },
        )
      ).status,
    ).toBe(404);
    await expect(
      removeFinancingLine(db, admin.actor, '21', council.id, intervention.id, line.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      removeMilestone(db, admin.actor, '21', council.id, other.id, kept.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      removeMilestone(db, gavleMember.actor, '21', council.id, intervention.id, kept.id),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await interventionDetails(db, council.id, other.id))!.financing).toHaveLength(1);

    // An ended council keeps its lines and milestones, and the page offers no removal.
    await dissolveCouncil(db, admin.actor, '21', council.id, '2026-01-31');
    await expect(
      removeMilestone(db, admin.actor, '21', council.id, intervention.id, kept.id),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      removeFinancingLine(db, admin.actor, '21', council.id, other.id, otherLine.id),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await client.get(path)).doc.querySelector('form[action$="/ta-bort"]')).toBeNull();
  });

  it('keeps the input of a priority with a target Agenda 2030 lacks, and then hides the forms of an ended council', async () => {
    const { council } = await world();
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const path = urls.priorities('gavleborg', council.slug);
    const bad = await client.post(path, {
      _csrf: await client.csrfToken(),
      name: 'Integration',
      validFrom: '2025-01-01',
      agendaTargets: '10.2, 18.3',
    });
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('#agendaTargets')?.getAttribute('value')).toBe('10.2, 18.3');
    expect(bad.doc.querySelector('#agendaTargets-error')?.text).toContain(
      '18.3 är inget delmål i Agenda 2030',
    );
    const added = await client.post(path, {
      _csrf: await client.csrfToken(),
      name: 'Integration',
      validFrom: '2025-01-01',
      agendaTargets: '10.2',
    });
    expect(added.status).toBe(303);
    const page = await client.follow(added);
    expect(page.body).toContain('10.2 Minskad ojämlikhet');
    await dissolveCouncil(db, admin.actor, '21', council.id, '2026-01-31');
    const ended = await client.get(path);
    expect(ended.doc.querySelector('main form')).toBeNull();
    expect(ended.body).toContain('Rådet är upplöst.');
  });

  it('shows the room to a member who sits in a body, and 404 to a council member who does not', async () => {
    const { council, priority } = await world();
    const root = (await councilOverview(db, '21', council.id)).tree[0]!;
    await addRepresentative(db, admin.actor, '21', council.id, root.id, {
      organisationId: gavle,
      name: 'Ledamot från Gävle',
      email: gavleMember.email,
      role: 'member',
    });
    const member = new TestClient(t.app);
    await member.login(gavleMember.email, gavleMember.password);
    const outsider = new TestClient(t.app);
    await outsider.login(sandvikenMember.email, sandvikenMember.password);
    const path = urls.handling('gavleborg', council.slug);
    const page = await member.get(path);
    expect(page.status).toBe(200);
    const table = page.doc.querySelector('table')!;
    expect(table.querySelector('caption')?.text).toContain('hanterar');
    expect(table.querySelectorAll('thead th').map((th) => th.text.trim())).toEqual([
      'Organisation',
      priority.name,
    ]);
    // The member answers for their own organisation only.
    expect(page.doc.querySelectorAll('select[name="organisationId"] option').map((o) => o.text)).toEqual([
      'Gävle kommun',
    ]);
    expect((await outsider.get(path, { checkPage: false })).status).toBe(404);
  });
});

describe('progress from a CSV file', () => {
  let t: TestApp;
  let db: Db;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '21' });
  });
  afterAll(() => t.close());

  async function council() {
    const board = (await findCountyBoard(db, '21'))!.id;
    const c = await formCouncil(
      db,
      admin.actor,
      '21',
      { name: `Råd med CSV ${Math.random().toString(36).slice(2, 8)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board },
    );
    const priority = await addPriority(db, admin.actor, '21', c.id, {
      name: 'Trygghet',
      validFrom: '2024-01-01',
    });
    const area = await addInterventionArea(db, admin.actor, '21', c.id, priority.id, {
      name: 'Trygga miljöer',
    });
    const make = (name: string, status: string) =>
      addIntervention(db, admin.actor, '21', c.id, {
        areaId: area.id,
        name,
        ownerOrganisationId: board,
        status,
      });
    return {
      council: c,
      walks: await make('Trygghetsvandringar', 'ongoing'),
      done: await make('Avslutat projekt', 'completed'),
    };
  }

  it('applies nothing from a file with one bad line, and lists every problem by line and column', async () => {
    const { council: c, walks, done } = await council();
    const csv = [
      'insats-id;insats;period;status;text;siffra: Deltagare (personer)',
      `${walks.id};;2025-H1;pågående;Sex vandringar genomförda.;42`,
      `;Avslutat projekt;2025-H1;pågående;Startar igen.;`,
      `;Finns inte;2025-H5;okänd;;många`,
    ].join('\n');
    await expect(importProgress(db, admin.actor, '21', c.id, csv)).rejects.toSatisfy(
      (e) =>
        e instanceof ProgressImportError &&
        JSON.stringify(e.problems.map((p) => [p.line, p.column])) ===
          JSON.stringify([
            [4, 'period'],
            [4, 'status'],
            [4, 'text'],
            [4, 'siffra: Deltagare (personer)'],
          ]),
    );
    // With line 4 fixed, line 3 still breaks the lifecycle: a completed intervention does not start again.
    const fixed = csv.replace(
      ';Finns inte;2025-H5;okänd;;många',
      ';Trygghetsvandringar;2025-H2;pausad;Paus.;',
    );
    await expect(importProgress(db, admin.actor, '21', c.id, fixed)).rejects.toSatisfy(
      (e) =>
        e instanceof ProgressImportError &&
        e.problems.length === 1 &&
        e.problems[0]!.line === 3 &&
        e.problems[0]!.message === 'Insatsen är avslutad och kan inte byta status.',
    );
    expect((await interventionDetails(db, c.id, walks.id))!.progress).toEqual([]);
    const good = fixed.replace(
      `;Avslutat projekt;2025-H1;pågående;Startar igen.;`,
      `${done.id};;2025;avslutad;Slutrapport.;`,
    );
    expect(await importProgress(db, admin.actor, '21', c.id, good)).toBe(3);
    const walksNow = (await interventionDetails(db, c.id, walks.id))!;
    expect(walksNow.intervention.status).toBe('paused');
    expect(walksNow.progress.map((r) => [r.period, r.figures])).toEqual([
      ['2025-H2', []],
      ['2025-H1', [{ label: 'Deltagare', value: 42, unit: 'personer' }]],
    ]);
    const [{ n }] = (await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where entity_id = ${c.id} and action = 'council.progress_imported'`,
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('previews an uploaded file, then applies it on confirmation; the template names every intervention', async () => {
    const { council: c, walks } = await council();
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const path = urls.progressImport('gavleborg', c.slug);
    const template = await client.get(`${path}/mall.csv`);
    expect(template.status).toBe(200);
    expect(template.body).toContain(walks.id);
    expect(template.body).toContain('Trygghetsvandringar');
    const bad = await client.postMultipart(path, { _csrf: await client.csrfToken(), intent: 'preview' }, [
      {
        field: 'file',
        filename: 'rapporter.csv',
        bytes: Buffer.from('insats,period,status,text\nTrygghetsvandringar,2025,pågående,\n'),
      },
    ]);
    expect(bad.status).toBe(400);
    expect(bad.doc.querySelector('.govuk-error-summary')?.text).toContain('Rad 2, kolumnen ”text”');
    const file = Buffer.from('\uFEFFinsats,period,status,text\nTrygghetsvandringar,2025,pågående,Går bra.\n');
    const preview = await client.postMultipart(path, { _csrf: await client.csrfToken(), intent: 'preview' }, [
      { field: 'file', filename: 'rapporter.csv', bytes: file },
    ]);
    expect(preview.status).toBe(200);
    expect((await interventionDetails(db, c.id, walks.id))!.progress).toEqual([]);
    const hidden = preview.doc.querySelector('input[name="csv"]')!.getAttribute('value')!;
    const applied = await client.postMultipart(
      path,
      { _csrf: await client.csrfToken(), csv: hidden, intent: 'apply' },
      [],
    );
    expect(applied.status).toBe(303);
    expect((await interventionDetails(db, c.id, walks.id))!.progress.map((r) => r.text)).toEqual([
      'Går bra.',
    ]);
  });
});

describe('strategies', () => {
  let t: TestApp;
  let db: Db;
  let admin: TestUser;
  beforeAll(async () => {
    t = await buildTestApp();
    db = t.database.db;
    admin = await createTestUser(db, 'county_admin', { countyCode: '21' });
  });
  afterAll(() => t.close());

  const councilWithStrategy = async () => {
    const board = (await findCountyBoard(db, '21'))!.id;
    const c = await formCouncil(
      db,
      admin.actor,
      '21',
      { name: `Råd med strategi ${Math.random().toString(36).slice(2, 8)}`, formedOn: '2024-01-01' },
      { conveningOrganisationId: board },
    );
    const strategy = await addStrategy(db, admin.actor, '21', c.id, {
      name: 'Strategi för ett jämställt och jämlikt län',
      fromYear: 2024,
      toYear: 2030,
    });
    const first = await addStrategyGoal(db, admin.actor, '21', c.id, strategy.id, {
      kind: 'vision',
      title: 'Ett län fritt från våld',
    });
    const second = await addStrategyGoal(db, admin.actor, '21', c.id, strategy.id, {
      kind: 'goal_area',
      title: 'Kunskap om våld',
    });
    const priority = await addPriority(db, admin.actor, '21', c.id, {
      name: 'Våld',
      validFrom: '2024-01-01',
    });
    const area = await addInterventionArea(db, admin.actor, '21', c.id, priority.id, { name: 'Kunskap' });
    const intervention = await addIntervention(db, admin.actor, '21', c.id, {
      areaId: area.id,
      name: 'Webbkurs om våld',
      ownerOrganisationId: board,
    });
    return { council: c, strategy, goals: [first, second], intervention };
  };

  it('keeps visions and goal areas in order, lists the interventions under each, and refuses another council’s goal', async () => {
    const a = await councilWithStrategy();
    const b = await councilWithStrategy();
    await setInterventionGoals(db, admin.actor, '21', a.council.id, a.intervention.id, {
      goalIds: [a.goals[1]!.id],
    });
    await expect(
      setInterventionGoals(db, admin.actor, '21', a.council.id, a.intervention.id, {
        goalIds: [b.goals[0]!.id],
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      addStrategy(db, admin.actor, '21', a.council.id, { name: 'Baklänges', fromYear: 2030, toYear: 2024 }),
    ).rejects.toSatisfy((e) => e instanceof ValidationError && 'toYear' in e.fieldErrors);
    const [strategy] = await strategiesOf(db, a.council.id);
    expect(strategy!.goals.map((g) => [g.goal.title, g.interventions.map((i) => i.name)])).toEqual([
      ['Ett län fritt från våld', []],
      ['Kunskap om våld', ['Webbkurs om våld']],
    ]);
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const page = await client.get(urls.strategies('gavleborg', a.council.slug));
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('main ol li a')?.text).toBe('Webbkurs om våld');
  });
});
