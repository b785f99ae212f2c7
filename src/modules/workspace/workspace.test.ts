import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { TestClient, type Page } from '../../../tests/helpers/client.ts';
import { findMunicipalityOrganisation } from '../reference/index.ts';
import { countyWorkroom } from './service.ts';

describe("the county's work room", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("lists the county's own municipalities by Swedish name with their reporters, and its counts", async () => {
    await createTestUser(t.database.db, 'reporter', { municipalityCode: '0360' });
    const room = await countyWorkroom(t.database.db, '03');
    const names = room.municipalities.map((m) => m.name);
    expect(names).toHaveLength(8);
    expect(names).toEqual([...names].sort(new Intl.Collator('sv').compare));
    expect(names.at(-1)).toBe('Östhammars kommun');
    expect(room.municipalities.find((m) => m.code === '0360')!.reporters).toBeGreaterThanOrEqual(1);
    expect(room.counts.people).toBeGreaterThanOrEqual(1);
    expect(room.counts.organisations).toBeGreaterThan(8);

    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const page = await client.get('/uppsala/admin');
    expect(page.status).toBe(200);
    expect(page.doc.querySelector('main table caption')?.text ?? page.body).toContain(
      'Kommunernas rapportörer',
    );
    expect(page.body).toContain('Östhammars kommun');
    expect(page.body).not.toContain('Sundsvalls kommun');
  });

  // The page is rendered once per version of the roster (kept until its tables change, see keptUntilChanged):
  // what changes beneath it shows on the next view, and an invitation that expires leaves the count then.
  // Jämtland, which no other test file writes to (the PostgreSQL database is shared).
  it('shows a new reporter, a renamed municipality and an expired invitation on the next view', async () => {
    const db = t.database.db;
    const admin = await createTestUser(db, 'county_admin', { countyCode: '23' });
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const reportersOf = (page: Page, name: string): string | undefined =>
      page.doc
        .querySelectorAll('main table tbody tr')
        .find((tr) => tr.text.includes(name))
        ?.querySelectorAll('td')
        .at(-1)
        ?.text.trim();
    const waiting = (page: Page): number =>
      Number(/(\d+) (inbjudan|inbjudningar) väntar/.exec(page.body)?.[1]);

    const before = await client.get('/jamtland/admin');
    expect(reportersOf(before, 'Bergs kommun')).toBe('Saknas');
    await client.get('/jamtland/admin');

    await createTestUser(db, 'reporter', { municipalityCode: '2326' });
    const org = (await findMunicipalityOrganisation(db, '2326'))!;
    await db.execute(sql`insert into invitations (token_hash, email, organisation_id, role, county_code, expires_at)
      values (${randomUUID()}, ${`${randomUUID()}@exempel.se`}, ${org.id}, 'reporter', '23',
              now() + interval '3 seconds')`);
    const expiry = Date.now() + 3000;
    const after = await client.get('/jamtland/admin');
    expect(reportersOf(after, 'Bergs kommun')).toBe('1');
    expect(waiting(after)).toBe(waiting(before) + 1);

    await db.execute(sql`update organisations set name = 'Bergs kommun (nytt namn)' where id = ${org.id}`);
    try {
      expect((await client.get('/jamtland/admin')).body).toContain('Bergs kommun (nytt namn)');
    } finally {
      await db.execute(sql`update organisations set name = 'Bergs kommun' where id = ${org.id}`);
    }
    // Kept again, with the invitation still counted; then nothing changes but the clock.
    expect(waiting(await client.get('/jamtland/admin'))).toBe(waiting(before) + 1);
    await new Promise((resolve) => setTimeout(resolve, expiry - Date.now() + 100));
    expect(waiting(await client.get('/jamtland/admin'))).toBe(waiting(before));
  });
});
