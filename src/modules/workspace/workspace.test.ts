import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
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
});
