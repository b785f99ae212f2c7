import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { findOrganisationByName } from '../reference/index.ts';
import { seedCouncilsDemo, SEED_001_COUNCIL_SLUG, SEED_003_COUNCIL_SLUG } from './demo-seed.ts';
import * as repo from './repository.ts';
import { addMembers, endMembership } from './service.ts';
import { listYearSteps } from './year-plan-repository.ts';

/** The councils' public pages, on the demo's councils: Uppsala's (seed 001) and Västmanland's merged one (seed 003). */
describe("a council's public page", () => {
  let t: TestApp;
  let visitor: TestClient;
  beforeAll(async () => {
    t = await buildTestApp();
    await seedCouncilsDemo(t.database.db);
    // A second run adds nothing.
    await seedCouncilsDemo(t.database.db);
    visitor = new TestClient(t.app);
  });
  afterAll(() => t.close());

  it("shows Uppsala's council as seed 001 has it: purpose, 19 members with the convener first, the structure", async () => {
    const page = await visitor.get(`/uppsala/rad/${SEED_001_COUNCIL_SLUG}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('h1')?.text).toContain('Råd för social hållbarhet');
    const members = page.doc
      .querySelectorAll('section[aria-labelledby="members"] li')
      .map((li) => li.text.trim());
    expect(members).toHaveLength(19);
    expect(members[0]).toBe('Länsstyrelsen i Uppsala län (sammankallande)');
    expect(members).toContain('Knivsta kommun');
    expect(members).toContain('Nationellt centrum för kvinnofrid');
    // Nested: the council, its secretariat group under it, the coordination group under that.
    const structure = page.doc.querySelector('section[aria-labelledby="structure"]')!;
    const nested = structure.querySelector('ul li ul li ul li strong')?.text;
    expect(nested).toBe('Samordningsgruppen');
    expect(page.body).toContain('socialhallbarhet.uppsala@lansstyrelsen.example');
    expect(page.body).toContain('flernivåsamverkan');
  });

  it("shows Västmanland's council with the two councils it was formed from, and theirs leads to it", async () => {
    const page = await visitor.get(`/vastmanland/rad/${SEED_003_COUNCIL_SLUG}`);
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('section[aria-labelledby="history"]')?.text).toMatch(
      /när (Integrationsrådet och Jämställdhetsrådet|Jämställdhetsrådet och Integrationsrådet) slogs samman/,
    );
    expect(page.body).toContain('Märk mejlet med ”kansli för social hållbarhet”');
    const old = await visitor.get('/vastmanland/rad/integrationsradet');
    expect(old.status).toBe(200);
    expect(old.doc.querySelector('[role="note"] a')?.getAttribute('href')).toBe(
      `/vastmanland/rad/${SEED_003_COUNCIL_SLUG}`,
    );
    expect(old.doc.querySelector('section[aria-labelledby="contact"]')).toBeNull();
  });

  it("seats the demo's council member in Uppsala's council body, once, and she sees its work room", async () => {
    const council = (await repo.findCouncilBySlug(t.database.db, '03', SEED_001_COUNCIL_SLUG))!;
    const body = (await repo.listBodies(t.database.db, council.id)).find((b) => b.kind === 'council')!;
    const seated = (await repo.listRepresentatives(t.database.db, [body.id])).filter(
      (p) => p.email === 'rad.uppsala@demo.test',
    );
    expect(seated.map((p) => p.name)).toEqual(['Rut Rådman']);
  });

  it("gives Uppsala's council this year's plan, the model's four steps once, done up to today", async () => {
    const council = (await repo.findCouncilBySlug(t.database.db, '03', SEED_001_COUNCIL_SLUG))!;
    const year = new Date().getUTCFullYear();
    const steps = await listYearSteps(t.database.db, council.id, year);
    expect(steps.map((s) => s.kind)).toEqual([
      'situational_picture',
      'knowledge',
      'reference_group',
      'focus_areas',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    for (const s of steps)
      expect(s.status).toBe(s.endsOn! < today ? 'done' : s.startsOn! <= today ? 'ongoing' : 'planned');
  });

  it("answers 404 for another county's council and for no council", async () => {
    expect((await visitor.get(`/uppsala/rad/${SEED_003_COUNCIL_SLUG}`)).status).toBe(404);
    expect((await visitor.get('/uppsala/rad/finns-inte')).status).toBe(404);
    expect((await visitor.get(`/ingetlan/rad/${SEED_001_COUNCIL_SLUG}`)).status).toBe(404);
  });

  it('shows a new member on the next view, and not one who has left', async () => {
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const council = (await repo.findCouncilBySlug(t.database.db, '03', SEED_001_COUNCIL_SLUG))!;
    const socialstyrelsen = (await findOrganisationByName(t.database.db, 'Socialstyrelsen'))!;
    const path = `/uppsala/rad/${SEED_001_COUNCIL_SLUG}`;
    // The members' list (the example interventions name Socialstyrelsen too).
    const members = async () =>
      (await visitor.get(path)).doc.querySelector('section[aria-labelledby="members"]')!.text;
    expect(await members()).not.toContain('Socialstyrelsen');
    await addMembers(t.database.db, admin.actor, '03', council.id, [socialstyrelsen.id], '2026-01-01');
    expect(await members()).toContain('Socialstyrelsen');
    await endMembership(t.database.db, admin.actor, '03', council.id, socialstyrelsen.id, '2026-06-30');
    expect(await members()).not.toContain('Socialstyrelsen');
  });
});
