import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, TEST_PASSWORD, uniqueEmail } from '../../../tests/factories.ts';
import { buildTestApp, type TestApp } from '../../../tests/helpers/app.ts';
import { TestClient } from '../../../tests/helpers/client.ts';
import { queryRows } from '../../db/client.ts';
import { mailDirOf, readMailbox } from '../../platform/mail.ts';
import { LOGIN_LINK_JOB, PASSWORD_RESET_JOB } from './service.ts';

describe('when passwords are locked, and when a reset is asked for', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const mailsTo = async (email: string) => {
    await t.app.jobs.runDue();
    return (await readMailbox(mailDirOf(t.config.dataDir))).filter((m) => m.to === email);
  };
  const queued = async (kind: string, email: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from jobs where kind = ${kind} and payload->>'email' = ${email}`,
        )
      )[0]!.n,
    );
  const resetRows = async (email: string) =>
    Number(
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from password_resets r join users u on u.id = r.user_id where u.email = ${email}`,
        )
      )[0]!.n,
    );

  it('answers "forgot password" for a known address exactly as for an unknown one: queued, nothing looked up', async () => {
    const known = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0381' });
    const unknown = uniqueEmail('okand');
    const pages = [];
    for (const email of [known.email, unknown]) {
      pages.push(await new TestClient(t.app).submit('/glomt-losenord', { email }));
      // The answer came before any look-up: one queued request, no link, no mail yet.
      expect(await queued(PASSWORD_RESET_JOB, email)).toBe(1);
    }
    expect(await resetRows(known.email)).toBe(0);
    expect(pages.map((p) => [p.status, p.doc.querySelector('h1')?.text])).toEqual([
      [200, 'Kontrollera din e-post'],
      [200, 'Kontrollera din e-post'],
    ]);
    expect(await mailsTo(known.email)).toHaveLength(1);
    expect(await mailsTo(unknown)).toHaveLength(0);
    expect(await resetRows(known.email)).toBe(1);
  });

  it('tells a locked-out owner how long the lock lasts and mails one sign-in link that lets them in at once', async () => {
    const user = await createTestUser(t.database.db, 'reporter', { municipalityCode: '0382' });
    const client = new TestClient(t.app);
    for (let i = 0; i < 8; i++) {
      const wrong = await client.submit('/logga-in', { email: user.email, password: `fel lösenord ${i}` });
      expect(wrong.status).toBe(400);
    }
    const locked = await client.submit('/logga-in', { email: user.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.doc.querySelector('.govuk-error-summary')?.text).toMatch(
      /spärrad i 1[45] minuter till.*engångslänk/s,
    );
    expect(locked.doc.querySelector('#email')?.getAttribute('value')).toBe(user.email);
    // Another try while locked sends no second link.
    await client.submit('/logga-in', { email: user.email, password: TEST_PASSWORD });
    expect(await queued(LOGIN_LINK_JOB, user.email)).toBe(1);

    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Logga in i Samverkan med en engångslänk');
    const link = /http:\/\/samverkan\.test(\/inloggningslank\/[\w-]+)/.exec(mails[0]!.text)![1]!;

    const owner = new TestClient(t.app);
    const landing = await owner.get(link);
    expect(landing.status).toBe(200);
    const signedIn = await owner.submit(link, {});
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/min-organisation');
    expect((await owner.get('/min-organisation')).status).toBe(200);

    // Single use, and the lock on the address is lifted: the password works again.
    expect((await new TestClient(t.app).get(link)).status).toBe(404);
    const again = await new TestClient(t.app).submit('/logga-in', {
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(again.status).toBe(303);
  });

  it('sends no link for an address without an account, with the same answer', async () => {
    const email = uniqueEmail('ingen');
    const client = new TestClient(t.app);
    for (let i = 0; i < 8; i++) await client.submit('/logga-in', { email, password: `fel ${i}` });
    const locked = await client.submit('/logga-in', { email, password: 'vad som helst' });
    expect(locked.status).toBe(429);
    expect(locked.doc.querySelector('.govuk-error-summary')?.text).toMatch(/engångslänk/);
    expect(await mailsTo(email)).toHaveLength(0);
  });
});
