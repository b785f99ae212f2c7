import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { fieldError, fieldValue, oneOverMessage, shownLimit } from '../../../tests/helpers/limits.ts';
import { ORGANISATION_NAME_MAX } from '../reference/index.ts';

/** The admin's organisation form shows the limit its schema holds; one more is refused, named and kept. */
describe('admin: the organisation form’s length limit is the same in the form and the validation', () => {
  let t: TestApp;
  let client: TestClient;

  beforeAll(async () => {
    t = await buildTestApp();
    const admin = await createTestUser(t.database.db, 'system_admin');
    client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
  });
  afterAll(() => t?.close());

  it('the organisation’s name', async () => {
    const page = await client.get('/admin/organisationer/ny');
    expect(shownLimit(page, 'name')).toBe(ORGANISATION_NAME_MAX);
    const long = 'O'.repeat(ORGANISATION_NAME_MAX + 1);
    const bad = await client.submitOn(page, {
      name: long,
      type: 'civil_society',
      orgNumber: '',
      countyCode: '03',
    });
    expect(bad.status).toBe(400);
    expect(fieldError(bad, 'name')).toBe(oneOverMessage('Namnet', ORGANISATION_NAME_MAX));
    expect(fieldValue(bad, 'name')).toBe(long);
    expect(shownLimit(bad, 'name')).toBe(ORGANISATION_NAME_MAX);
  });
});
