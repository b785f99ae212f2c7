import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { findOrganisationByName } from '../reference/index.ts';
import { seedCouncilsDemo, SEED_001_COUNCIL_SLUG, SEED_003_COUNCIL_SLUG } from './demo-seed.ts';
import { addIntervention, interventionDetails } from './interventions.ts';
import { handlingMatrix, prioritiesOf } from './priorities.ts';
import * as repo from './repository.ts';
import { strategiesOf } from './strategies.ts';

/** The demo's priorities (seeds 001 and 003) and the public page's section of them. */
describe("a council's priorities, in the demo and on its public page", () => {
  let t: TestApp;
  let visitor: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedCouncilsDemo(t.database.db);
    await seedCouncilsDemo(t.database.db);
    visitor = new TestClient(t.app);
  });
  afterAll(() => t.close());

  it("seeds Uppsala's two priorities, their areas, the example interventions and the strategy's four visions", async () => {
    const db = t.database.db;
    const council = (await repo.findCouncilBySlug(db, '03', SEED_001_COUNCIL_SLUG))!;
    const priorities = await prioritiesOf(db, council.id);
    expect(priorities.map((p) => p.priority.name)).toEqual([
      'Hälsa, trygghet och goda livsvillkor i socioekonomiskt utsatta områden',
      'Mäns våld mot kvinnor',
    ]);
    expect(priorities.map((p) => p.areas.length)).toEqual([4, 3]);
    const centre = priorities[1]!.areas
      .flatMap((a) => a.interventions)
      .find((i) => i.name.startsWith('Centrum'))!;
    const details = (await interventionDetails(db, council.id, centre.id))!;
    expect(details.financing).toEqual([
      expect.objectContaining({ untilOn: '2027-09-30', takenOverByOrganisationId: null }),
    ]);
    expect(details.names.get(details.financing[0]!.funderOrganisationId)).toBe('Länsstyrelsen i Uppsala län');
    const [strategy] = await strategiesOf(db, council.id);
    expect(strategy!.strategy).toMatchObject({ fromYear: 2024, toYear: 2030 });
    expect(strategy!.goals.map((g) => g.goal.title)).toContain('Ett län fritt från våld');
    expect(strategy!.goals).toHaveLength(4);
    const vastmanland = (await repo.findCouncilBySlug(db, '19', SEED_003_COUNCIL_SLUG))!;
    const matrix = await handlingMatrix(db, vastmanland.id);
    const states = matrix.members.flatMap((m) => {
      const a = matrix.answerOf(m.organisationId, matrix.priorities[0]!.id);
      return a ? [a.state] : [];
    });
    expect(new Set(states)).toEqual(new Set(['decided', 'under_way', 'not_relevant']));
  });

  it('shows the priorities with their intervention areas and the public interventions only', async () => {
    const db = t.database.db;
    const path = `/uppsala/rad/${SEED_001_COUNCIL_SLUG}`;
    const before = await visitor.get(path);
    const section = before.doc.querySelector('section[aria-labelledby="priorities"]')!;
    expect(section.querySelectorAll('h3').map((h) => h.text.trim())).toEqual([
      'Hälsa, trygghet och goda livsvillkor i socioekonomiskt utsatta områden',
      'Mäns våld mot kvinnor',
    ]);
    expect(section.text).toContain('Hedersrelaterat våld och förtryck');
    expect(section.text).toContain('Centrum mot hedersrelaterat våld och förtryck');
    expect(section.text).toContain('Webbkurs om våld');
    expect(section.text).toContain('Agenda 2030: 5.2 Jämställdhet');
    // An internal intervention is added: the page shows it not, though it changes on the next view.
    const council = (await repo.findCouncilBySlug(db, '03', SEED_001_COUNCIL_SLUG))!;
    const admin = await createTestUser(db, 'county_admin', { countyCode: '03' });
    const area = (await prioritiesOf(db, council.id))[1]!.areas[2]!.area;
    const region = (await findOrganisationByName(db, 'Region Uppsala'))!;
    for (const [name, shown] of [
      ['Intern uppföljningsgrupp', ''],
      ['Föreläsningar om våld i nära relationer', 'yes'],
    ] as const)
      await addIntervention(db, admin.actor, '03', council.id, {
        areaId: area.id,
        name,
        ownerOrganisationId: region.id,
        public: shown,
      });
    const after = (await visitor.get(path)).doc.querySelector('section[aria-labelledby="priorities"]')!;
    expect(after.text).toContain('Föreläsningar om våld i nära relationer');
    expect(after.text).not.toContain('Intern uppföljningsgrupp');
  });
});
