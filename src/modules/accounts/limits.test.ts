import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, factories } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { fieldError, fieldValue, oneOverMessage, shownLimit } from '../../../tests/helpers/limits.ts';
import { EMAIL_MAX } from '../../platform/validation.ts';
import { PERSON_NAME_MAX } from './schemas.ts';

/** The invitation form and the account pages show the limit their schema holds; one more is refused. */
describe('accounts: length limits are the same in the form and the validation', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t?.close());

  it('the invitation form’s e-mail address', async () => {
    const admin = await createTestUser(t.database.db, 'county_admin', { countyCode: '03' });
    const client = new TestClient(t.app);
    await client.login(admin.email, admin.password);
    const page = await client.get('/uppsala/admin/personer');
    expect(shownLimit(page, 'email')).toBe(EMAIL_MAX);
    const organisationId = page.doc
      .querySelectorAll('#organisationId option')
      .find((o) => o.text === 'Uppsala kommun')!
      .getAttribute('value')!;
    const long = `${'a'.repeat(EMAIL_MAX + 1 - '@exempel.se'.length)}@exempel.se`;
    expect(long).toHaveLength(EMAIL_MAX + 1);
    const bad = await client.submitOn(page, { email: long, organisationId, role: 'reporter' });
    expect(bad.status).toBe(400);
    expect(fieldError(bad, 'email')).toBe('E-postadressen är för lång');
    expect(fieldValue(bad, 'email')).toBe(long);
  });

  it('the name one gives on accepting an invitation', async () => {
    const invitation = await factories(t.app).invitation({ county: '03' });
    const visitor = new TestClient(t.app);
    const page = await visitor.get(`/inbjudan/${invitation.token}`);
    expect(page.status).toBe(200);
    expect(shownLimit(page, 'name')).toBe(PERSON_NAME_MAX);
    const long = 'N'.repeat(PERSON_NAME_MAX + 1);
    const password = 'ett långt och bra lösenord';
    const bad = await visitor.submitOn(page, { name: long, password, confirm: password });
    expect(bad.status).toBe(400);
    expect(fieldError(bad, 'name')).toBe(oneOverMessage('Namnet', PERSON_NAME_MAX));
    expect(fieldValue(bad, 'name')).toBe(long);
    expect(shownLimit(bad, 'name')).toBe(PERSON_NAME_MAX);
  });
});
