import { execFile, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, type TestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import type { Executor } from '../../db/client.ts';
import { findCountyBoard, findMunicipalityOrganisation } from '../reference/index.ts';
import { followUpToDocx } from './export/follow-up-docx.ts';
import { followUpReport, type FollowUpReport } from './follow-up.ts';
import type { CouncilRow } from './repository.ts';
import { addMembers, addRepresentative, councilOverview, formCouncil } from './service.ts';
import {
  councilFinancingLines,
  councilInterventionAreas,
  councilInterventionParticipants,
  councilInterventions,
  councilMilestones,
  councilPriorities,
  councilPriorityHandling,
  councilProgressReports,
} from './tables.ts';
import { urls } from './urls.ts';
import { createYearSteps } from './year-plan.ts';

const run = promisify(execFile);

/** Inserts one row and returns it: the priorities' services are built elsewhere, the report only reads. */
async function insert<T extends Parameters<Executor['insert']>[0]>(
  db: Executor,
  table: T,
  values: T['$inferInsert'],
) {
  const [row] = (await db.insert(table).values(values).returning()) as Array<T['$inferSelect']>;
  return row!;
}

/**
 * Seed 001's priority "Mäns våld mot kvinnor" in a council of Uppsala (03), with the honour-violence centre
 * financed by the county board until September 2027, its milestones and progress reports; 2025 is the year.
 */
async function seed001Work(
  db: Executor,
  council: CouncilRow,
  orgs: { board: string; uppsala: string; knivsta: string },
) {
  const priority = await insert(db, councilPriorities, {
    councilId: council.id,
    name: 'Mäns våld mot kvinnor',
    description: 'Ett jämställt samhälle där mäns våld mot kvinnor har upphört.',
    validFrom: '2024-01-01',
  });
  // A priority that ended before the year: not in the report.
  await insert(db, councilPriorities, {
    councilId: council.id,
    name: 'Integration (avslutad)',
    validFrom: '2020-01-01',
    validUntil: '2023-12-31',
  });
  const area = await insert(db, councilInterventionAreas, {
    priorityId: priority.id,
    name: 'Hedersrelaterat våld och förtryck',
    purpose: 'Motverka hedersrelaterat våld och förtryck.',
    targetGroup: 'Yrkesverksamma',
  });
  const centre = await insert(db, councilInterventions, {
    councilId: council.id,
    areaId: area.id,
    name: 'Centrum mot hedersrelaterat våld och förtryck',
    description: 'Lågtröskelverksamhet, stöd till yrkesverksamma och kunskapsspridning.',
    ownerOrganisationId: orgs.board,
    startsOn: '2024-03-01',
    endsOn: '2027-09-30',
    status: 'ongoing',
  });
  await insert(db, councilInterventionParticipants, {
    interventionId: centre.id,
    organisationId: orgs.uppsala,
  });
  await insert(db, councilFinancingLines, {
    interventionId: centre.id,
    funderOrganisationId: orgs.board,
    amountSek: 2_500_000,
    description: 'Utvecklingsmedel',
    fromOn: '2024-03-01',
    untilOn: '2027-09-30',
    takenOverByOrganisationId: orgs.uppsala,
  });
  await insert(db, councilMilestones, {
    interventionId: centre.id,
    title: 'Utbildning i samverkan med NCK',
    dueOn: '2025-06-30',
    doneOn: '2025-06-20',
  });
  await insert(db, councilMilestones, {
    interventionId: centre.id,
    title: 'Plan för permanent drift',
    dueOn: '2025-12-31',
  });
  await insert(db, councilMilestones, {
    interventionId: centre.id,
    title: 'Nästa års delmål',
    dueOn: '2026-03-01',
  });
  await insert(db, councilProgressReports, {
    interventionId: centre.id,
    period: '2025-H2',
    text: 'Verksamheten har nått alla länets kommuner.',
    figures: [{ label: 'Ärenden', value: 87, unit: 'ärenden' }],
    status: 'ongoing',
  });
  await insert(db, councilProgressReports, {
    interventionId: centre.id,
    period: '2025-H1',
    text: 'Centrumet har utbildat yrkesverksamma i fem kommuner.',
    figures: [{ label: 'Utbildade yrkesverksamma', value: 212, unit: 'personer' }],
    status: 'ongoing',
  });
  await insert(db, councilProgressReports, {
    interventionId: centre.id,
    period: '2024',
    text: 'Det första året.',
    status: 'ongoing',
  });
  // An intervention that ended before the year and reported nothing for it: not in the report.
  await insert(db, councilInterventions, {
    councilId: council.id,
    areaId: area.id,
    name: 'Förstudie om hedersförtryck',
    ownerOrganisationId: orgs.board,
    startsOn: '2022-01-01',
    endsOn: '2023-06-30',
    status: 'completed',
  });
  await insert(db, councilPriorityHandling, {
    priorityId: priority.id,
    organisationId: orgs.uppsala,
    state: 'decided',
    comment: 'Ingår i kommunens handlingsplan.',
  });
}

describe('the yearly follow-up report', () => {
  let t: TestApp;
  let admin: TestUser, member: TestUser, otherAdmin: TestUser;
  let council: CouncilRow;
  let report: FollowUpReport;

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.database.db;
    [admin, member, otherAdmin] = await Promise.all([
      createTestUser(db, 'county_admin', { countyCode: '03' }),
      createTestUser(db, 'council_member', { countyCode: '03' }),
      createTestUser(db, 'county_admin', { countyCode: '22' }),
    ]);
    const orgs = {
      board: (await findCountyBoard(db, '03'))!.id,
      uppsala: (await findMunicipalityOrganisation(db, '0380'))!.id,
      knivsta: (await findMunicipalityOrganisation(db, '0330'))!.id,
    };
    council = await formCouncil(
      db,
      admin.actor,
      '03',
      { name: `Råd för social hållbarhet ${randomUUID().slice(0, 6)}`, formedOn: '2020-01-01' },
      { conveningOrganisationId: orgs.board },
    );
    await addMembers(db, admin.actor, '03', council.id, [orgs.uppsala, orgs.knivsta], '2020-01-01');
    const body = (await councilOverview(db, '03', council.id)).tree[0]!;
    await addRepresentative(db, admin.actor, '03', council.id, body.id, {
      organisationId: orgs.uppsala,
      name: 'Ledamot från Uppsala kommun',
      email: member.email,
      role: 'member',
    });
    await createYearSteps(db, admin.actor, '03', council.id, 2025);
    await seed001Work(db, council, orgs);
    report = await followUpReport(db, council, 2025, new Date('2026-01-20T10:00:00Z'));
  }, 120_000);
  afterAll(() => t.close());

  it("rolls up the year's priorities, areas and interventions, leaving out what ended before it", () => {
    expect(report.priorities.map((p) => p.name)).toEqual(['Mäns våld mot kvinnor']);
    const [priority] = report.priorities;
    expect(priority!.validity).toBe('Gäller från 1 januari 2024 tills vidare');
    expect(priority!.areas.map((a) => a.name)).toEqual(['Hedersrelaterat våld och förtryck']);
    const interventions = priority!.areas[0]!.interventions;
    expect(interventions.map((i) => i.name)).toEqual(['Centrum mot hedersrelaterat våld och förtryck']);
    expect(interventions[0]).toMatchObject({
      owner: 'Länsstyrelsen i Uppsala län',
      participants: ['Uppsala kommun'],
      statusText: 'Pågående',
      period: '1 mars 2024 – 30 september 2027',
      financing: [
        {
          funder: 'Länsstyrelsen i Uppsala län',
          amount: '2\u00a0500\u00a0000 kr',
          description: 'Utvecklingsmedel',
          span: '1 mars 2024 – 30 september 2027',
          takenOverBy: 'Uppsala kommun',
        },
      ],
      milestones: [
        { title: 'Utbildning i samverkan med NCK', due: '30 juni 2025', done: 'Klart 20 juni 2025' },
        { title: 'Plan för permanent drift', due: '31 december 2025', done: 'Inte klart' },
      ],
    });
    expect(interventions[0]!.reports.map((r) => [r.period, r.text, r.figures])).toEqual([
      [
        '2025-H1',
        'Centrumet har utbildat yrkesverksamma i fem kommuner.',
        [{ label: 'Utbildade yrkesverksamma', value: 212, unit: 'personer' }],
      ],
      [
        '2025-H2',
        'Verksamheten har nått alla länets kommuner.',
        [{ label: 'Ärenden', value: 87, unit: 'ärenden' }],
      ],
    ]);
    expect(report.totals).toEqual({ interventions: 1, reports: 2, milestonesDue: 2, milestonesDone: 1 });
  });

  it("holds each member's handling of each priority, and says so where a member has not answered", () => {
    expect(report.priorities[0]!.handling).toEqual([
      { organisation: 'Knivsta kommun', state: null, stateText: 'Inte besvarat', comment: '' },
      {
        organisation: 'Länsstyrelsen i Uppsala län',
        state: null,
        stateText: 'Inte besvarat',
        comment: '',
      },
      {
        organisation: 'Uppsala kommun',
        state: 'decided',
        stateText: 'Beslutad',
        comment: 'Ingår i kommunens handlingsplan.',
      },
    ]);
  });

  it("holds the year plan's steps, and a year without work is an empty report", async () => {
    expect(report.steps.map((s) => s.title)).toEqual([
      'Gemensam lägesbild',
      'Kunskapsspridning',
      'Referensgrupp',
      'Fortsatta och nya fokusområden',
    ]);
    const empty = await followUpReport(t.database.db, council, 2019);
    expect(empty.priorities).toEqual([]);
    expect(empty.steps).toEqual([]);
  });

  it('is a printable page of the room for its members, and 404 to others and for a year that is not one', async () => {
    const client = new TestClient(t.app);
    await client.login(member.email, member.password);
    const page = await client.get(urls.followUp('uppsala', council.slug, 2025, 'html'));
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.text).toBe('Uppföljning 2025');
    expect(page.doc.querySelector('h2#summary')).not.toBeNull();
    expect(page.doc.querySelectorAll('main h4').map((h) => h.text)).toEqual([
      'Centrum mot hedersrelaterat våld och förtryck',
    ]);
    expect(page.body).toContain('212 personer');
    expect(page.body).toContain('2\u00a0500\u00a0000 kr');
    expect(page.body).toContain('Inte besvarat');
    expect(page.body).not.toContain('Förstudie om hedersförtryck');
    expect(
      page.doc.querySelector(`a[href="${urls.followUp('uppsala', council.slug, 2025, 'docx')}"]`),
    ).not.toBeNull();
    expect(
      (await client.get(urls.followUp('uppsala', council.slug, 2025, 'html').replace('2025', '20x5'))).status,
    ).toBe(404);

    const other = new TestClient(t.app);
    await other.login(otherAdmin.email, otherAdmin.password);
    expect((await other.get(urls.followUp('uppsala', council.slug, 2025, 'html'))).status).toBe(404);
    expect((await other.get(urls.followUp('uppsala', council.slug, 2025, 'docx'))).status).toBe(404);
    expect(
      (await new TestClient(t.app).get(urls.followUp('uppsala', council.slug, 2025, 'docx'))).status,
    ).toBe(303);
  });

  it('is a Word file for the room', async () => {
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const file = await client.get(urls.followUp('uppsala', council.slug, 2025, 'docx'));
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(String(file.headers['content-disposition'])).toContain(`uppfoljning-${council.slug}-2025.docx`);
  });

  describe.skipIf(!officeTools() && process.env.CI !== 'true')('as LibreOffice reads the Word file', () => {
    let dir = '';
    let text = '';
    beforeAll(async () => {
      if (!officeTools())
        throw new Error('soffice (LibreOffice) och pdftotext (poppler-utils) krävs med CI=true.');
      dir = await fs.mkdtemp(path.join(os.tmpdir(), 'samverkan-uppfoljning-'));
      const docx = path.join(dir, 'uppfoljning.docx');
      await fs.writeFile(docx, await followUpToDocx(report));
      await run(
        'soffice',
        [
          `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { timeout: 150_000 },
      );
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'uppfoljning.pdf'), '-']);
      // pdftotext breaks lines where the page did: compare on words
      text = stdout.replace(/\s+/g, ' ');
    }, 180_000);
    afterAll(async () => {
      if (dir) await fs.rm(dir, { recursive: true, force: true });
    });

    it('opens, with the council, the priority, the intervention, its figures and the year plan', () => {
      expect(text).toContain(`Uppföljning 2025: ${council.name}`);
      expect(text).toContain('Mäns våld mot kvinnor');
      expect(text).toContain('Hedersrelaterat våld och förtryck');
      expect(text).toContain('Centrum mot hedersrelaterat våld och förtryck');
      expect(text).toContain('Centrumet har utbildat yrkesverksamma i fem kommuner.');
      expect(text).toContain('212 personer');
      expect(text).toContain('87 ärenden');
      expect(text).toContain('2 500 000 kr');
      expect(text).toContain('Gemensam lägesbild');
      expect(text).toContain('Inte besvarat');
      expect(text).not.toContain('Förstudie om hedersförtryck');
    });
  });
});

function officeTools(): boolean {
  const has = (name: string) =>
    spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
  return has('soffice') && has('pdftotext');
}
